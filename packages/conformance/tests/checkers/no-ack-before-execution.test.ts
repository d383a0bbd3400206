import { describe, expect, it } from 'vitest';
import { buildHistoryModel } from '../../src/checkers/history-model.js';
import { noAckBeforeExecution } from '../../src/checkers/no-ack-before-execution.js';
import { HistoryBuilder } from '../support/history-builder.js';

const check = (b: HistoryBuilder) => noAckBeforeExecution(buildHistoryModel(b.build()));

describe('no-ack-before-execution', () => {
  it('flags a completion committed before the handler returned (seed 002 "mark done first")', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').settled(1, 10, '1', 1, 'completed').start(2, 10, 'a', '1', 1, '10:1').end(3, 10, 'a', '1', 1, '10:1');
    expect(check(h).map((v) => v.property)).toEqual(['no-ack-before-execution']);
  });

  it('flags a completion of a job whose handler never ran (unknown task marked done)', () => {
    expect(check(new HistoryBuilder().enqueued(0, 'a', '1').settled(1, 10, '1', 1, 'completed'))).toHaveLength(1);
  });

  it('flags a completion after the handler threw', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').start(1, 10, 'a', '1', 1, '10:1').end(2, 10, 'a', '1', 1, '10:1', 'threw').settled(3, 10, '1', 1, 'completed');
    expect(check(h)).toHaveLength(1);
  });

  it('accepts a completion after its own execution returned', () => {
    expect(check(new HistoryBuilder().enqueued(0, 'a', '1').ran(1, 2, 10, 'a', '1', 1, '10:1'))).toEqual([]);
  });
});
