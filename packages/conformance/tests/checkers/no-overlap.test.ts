import { describe, expect, it } from 'vitest';
import { buildHistoryModel } from '../../src/checkers/history-model.js';
import { noOverlap } from '../../src/checkers/no-overlap.js';
import { HistoryBuilder } from '../support/history-builder.js';

const check = (b: HistoryBuilder) => noOverlap(buildHistoryModel(b.build()));

describe('no-overlap', () => {
  it('flags two overlapping executions whose results were both accepted', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').start(1, 10, 'a', '1', 1, '10:1').start(2, 11, 'a', '1', 2, '11:1').end(3, 11, 'a', '1', 2, '11:1').settled(4, 11, '1', 2, 'completed').end(5, 10, 'a', '1', 1, '10:1').settled(6, 10, '1', 1, 'retrying');
    const violations = check(h);
    expect(violations.map((v) => v.property)).toEqual(['no-overlap']);
    expect(violations[0]?.witness.length).toBeGreaterThanOrEqual(4);
  });

  it('accepts an overlap where the stale execution was fenced', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').start(1, 10, 'a', '1', 1, '10:1').ran(2, 3, 11, 'a', '1', 2, '11:1').end(5, 10, 'a', '1', 1, '10:1').settled(6, 10, '1', 1, 'refused');
    expect(check(h)).toEqual([]);
  });

  it('accepts a redelivery after the first owner died', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').start(1, 10, 'a', '1', 1, '10:1').exit(2, 10).ran(3, 4, 11, 'a', '1', 2, '11:1');
    expect(check(h)).toEqual([]);
  });
});
