import { describe, expect, it } from 'vitest';
import { clientNeverDequeues } from '../../src/checkers/client-never-dequeues.js';
import { buildHistoryModel } from '../../src/checkers/history-model.js';
import { HistoryBuilder } from '../support/history-builder.js';

describe('client-never-dequeues', () => {
  it('flags an execution inside a client process (seed 001)', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').add(0, 20, { type: 'proc.spawn', data: { role: 'client' } }).ran(1, 2, 20, 'a', '1', 1, '20:1');
    expect(clientNeverDequeues(buildHistoryModel(h.build())).map((v) => v.property)).toEqual(['client-never-dequeues']);
  });

  it('accepts executions in worker processes', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').worker(0, 10).ran(1, 2, 10, 'a', '1', 1, '10:1');
    expect(clientNeverDequeues(buildHistoryModel(h.build()))).toEqual([]);
  });
});
