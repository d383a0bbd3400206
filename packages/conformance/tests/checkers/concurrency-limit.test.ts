import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from '../../src/checkers/concurrency-limit.js';
import { buildHistoryModel } from '../../src/checkers/history-model.js';
import { HistoryBuilder } from '../support/history-builder.js';

describe('concurrency-limit', () => {
  it('flags a second handler running at once with concurrency 1', () => {
    const h = new HistoryBuilder().worker(0, 10).enqueued(0, 'a', '1').enqueued(0, 'b', '2').start(1, 10, 'a', '1', 1, '10:1').start(2, 10, 'b', '2', 1, '10:2');
    expect(concurrencyLimit(buildHistoryModel(h.build())).map((v) => v.property)).toEqual(['concurrency-limit']);
  });

  it('accepts handlers one after the other', () => {
    const h = new HistoryBuilder().worker(0, 10).enqueued(0, 'a', '1').enqueued(0, 'b', '2').ran(1, 2, 10, 'a', '1', 1, '10:1').ran(4, 5, 10, 'b', '2', 1, '10:2');
    expect(concurrencyLimit(buildHistoryModel(h.build()))).toEqual([]);
  });
});
