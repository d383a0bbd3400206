import { describe, expect, it } from 'vitest';
import { buildHistoryModel } from '../../src/checkers/history-model.js';
import { retryBackoff } from '../../src/checkers/retry-backoff.js';
import { HistoryBuilder } from '../support/history-builder.js';

const failedAt = (retryAt: number) =>
  new HistoryBuilder().enqueued(0, 'f', '1').worker(0, 10, { retryDelayMs: 100 }).start(1, 10, 'f', '1', 1, '10:1').end(10, 10, 'f', '1', 1, '10:1', 'threw').settled(11, 10, '1', 1, 'retrying').ran(retryAt, retryAt + 1, 10, 'f', '1', 2, '10:2');

describe('retry-backoff', () => {
  it('flags a retry sooner than the retry delay', () => {
    expect(retryBackoff(buildHistoryModel(failedAt(30).build())).map((v) => v.property)).toEqual(['retry-backoff']);
  });

  it('accepts a retry after the delay', () => {
    expect(retryBackoff(buildHistoryModel(failedAt(115).build()))).toEqual([]);
  });

  it('ignores a stale execution that ended after its successor started (fenced, not retried)', () => {
    const h = new HistoryBuilder().enqueued(0, 'f', '1').worker(0, 10, { retryDelayMs: 100 }).start(1, 10, 'f', '1', 1, '10:1').start(5, 11, 'f', '1', 2, '11:1').end(6, 10, 'f', '1', 1, '10:1', 'threw').settled(7, 10, '1', 1, 'refused');
    expect(retryBackoff(buildHistoryModel(h.build()))).toEqual([]);
  });
});
