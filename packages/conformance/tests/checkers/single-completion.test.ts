import { describe, expect, it } from 'vitest';
import { buildHistoryModel } from '../../src/checkers/history-model.js';
import { singleCompletion } from '../../src/checkers/single-completion.js';
import { HistoryBuilder } from '../support/history-builder.js';

const check = (b: HistoryBuilder) => singleCompletion(buildHistoryModel(b.build()));

describe('single-completion', () => {
  it('flags a job acknowledged as completed twice', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').ran(1, 2, 10, 'a', '1', 1, '10:1').ran(3, 4, 11, 'a', '1', 2, '11:1');
    expect(check(h).map((v) => v.witness.length)).toEqual([2]);
  });

  it('accepts one completion after a refused one', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').ran(1, 2, 11, 'a', '1', 2, '11:1').settled(5, 10, '1', 1, 'refused');
    expect(check(h)).toEqual([]);
  });
});
