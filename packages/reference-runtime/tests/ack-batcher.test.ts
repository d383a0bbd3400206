import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/index.js';
import type { Lease } from '../src/index.js';
import { AckBatcher } from '../src/worker/ack-batcher.js';

/** Queue `lease`'s completion; resolves to what the batcher settled it with. */
function completeOne(acks: AckBatcher, lease: Lease): Promise<boolean> {
  return new Promise((resolve) => {
    acks.complete({ lease, result: null, settle: resolve });
  });
}

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
    const first = completeOne(acks, a.lease);
    const flushing = acks.flush();
    for (let turn = 0; turn < turns; turn += 1) await Promise.resolve();
    const second = completeOne(acks, b.lease);
    await flushing;
    expect(await within(first, 1000)).toBe(true);
    expect(await within(second, 1000)).toBe(true);
    expect((await store.stats()).totals.succeeded).toBe(2);
    expect(await within(acks.idle(), 1000)).toBeUndefined();
  });

  it('idle() waits for a completion still pending, and abandon() settles it as not written', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    await store.enqueue([{ queue: 'q', payload: '{}', priority: 0, runAt: 0, maxAttempts: 1, idempotencyKey: null }]);
    const [a] = await store.claim({ owner: 'w', queues: ['q'], limit: 1, leaseMs: 60_000 });
    if (a === undefined) throw new Error('claim failed');
    await store.close();
    const errors: unknown[] = [];
    const acks = new AckBatcher(store, 64, (error) => errors.push(error));
    const settled = completeOne(acks, a.lease);
    await acks.flush();
    // The write failed (closed store): the completion stays pending and idle() does not resolve.
    expect(errors).toHaveLength(1);
    expect(await within(acks.idle(), 50)).toBe('never settled');
    acks.abandon();
    expect(await within(settled, 1000)).toBe(false);
    expect(await within(acks.idle(), 1000)).toBeUndefined();
  });
});
