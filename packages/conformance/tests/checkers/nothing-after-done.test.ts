import { describe, expect, it } from 'vitest';
import { buildHistoryModel } from '../../src/checkers/history-model.js';
import { nothingAfterDone } from '../../src/checkers/nothing-after-done.js';
import { HistoryBuilder } from '../support/history-builder.js';

const check = (b: HistoryBuilder) => nothingAfterDone(buildHistoryModel(b.build()));

describe('nothing-after-done', () => {
  it('flags an execution that starts after the completion was acknowledged', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').ran(1, 2, 10, 'a', '1', 1, '10:1').start(5, 11, 'a', '1', 2, '11:1');
    expect(check(h).map((v) => v.property)).toEqual(['nothing-after-done']);
  });

  it('accepts executions that all started before the completion', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').start(1, 10, 'a', '1', 1, '10:1').exit(2, 10).ran(3, 4, 11, 'a', '1', 2, '11:1');
    expect(check(h)).toEqual([]);
  });
});
