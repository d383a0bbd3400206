import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/index.js';
import { AckBatcher } from '../src/worker/ack-batcher.js';

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'never settled'> {
  return Promise.race([promise, new Promise<'never settled'>((resolve) => setTimeout(() => resolve('never settled'), ms))]);
}

describe('AckBatcher', () => {
  // Each count of microtask turns lands the second completion at another point of the first flush,
  // including between its last check of the buffer and the end of its promise.
  it.each([0, 1, 2, 3, 4, 5, 6])('writes a completion queued %i microtasks into a flush', async (turns) => {
    const store = openSqliteStore({ path: ':memory:' });
    await store.enqueue([1, 2].map(() => ({ queue: 'q', payload: '{}', priority: 0, runAt: 0, maxAttempts: 1, idempotencyKey: null })));
    const [a, b] = await store.claim({ owner: 'w', queues: ['q'], limit: 2, leaseMs: 60_000 });
    if (a === undefined || b === undefined) throw new Error('claims failed');
    const acks = new AckBatcher(store, 64, (error) => {
      throw error;
    });
    const first = acks.complete({ lease: a.lease, result: null });
    const flushing = acks.flush();
    for (let turn = 0; turn < turns; turn += 1) await Promise.resolve();
    const second = acks.complete({ lease: b.lease, result: null });
    await flushing;
    expect(await within(first, 1000)).toBe(true);
    expect(await within(second, 1000)).toBe(true);
    expect((await store.stats()).totals.succeeded).toBe(2);
  });
});
