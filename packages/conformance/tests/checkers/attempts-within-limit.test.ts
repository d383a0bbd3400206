import { describe, expect, it } from 'vitest';
import { attemptsWithinLimit } from '../../src/checkers/attempts-within-limit.js';
import { buildHistoryModel } from '../../src/checkers/history-model.js';
import { HistoryBuilder } from '../support/history-builder.js';

const check = (b: HistoryBuilder) => attemptsWithinLimit(buildHistoryModel(b.build()));

describe('attempts-within-limit', () => {
  it('flags a third start with maxAttempts 2, crashes included', () => {
    const h = new HistoryBuilder().enqueued(0, 'p', '1', { maxAttempts: 2, expect: 'fail' }).start(1, 10, 'p', '1', 1, '10:1').exit(2, 10).start(3, 11, 'p', '1', 2, '11:1').exit(4, 11).start(5, 12, 'p', '1', 2, '12:1');
    expect(check(h).map((v) => v.witness.length)).toEqual([3]);
  });

  it('accepts exactly maxAttempts starts, and an allowance declared by the test', () => {
    const h = new HistoryBuilder().enqueued(0, 'p', '1', { maxAttempts: 1, extraAttempts: 1 }).start(1, 10, 'p', '1', 1, '10:1').ran(2, 3, 11, 'p', '1', 2, '11:1');
    expect(check(h)).toEqual([]);
  });
});
