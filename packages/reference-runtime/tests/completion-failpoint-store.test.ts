import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/index.js';
import { withCompletionFailpoint } from '../src/store/completion-failpoint-store.js';

const JOB = { queue: 'q', payload: '{}', priority: 0, runAt: 0, maxAttempts: 1, idempotencyKey: null } as const;

describe('withCompletionFailpoint', () => {
  it('returns the store itself when no failpoint is given', () => {
    const store = openSqliteStore({ path: ':memory:' });
    expect(withCompletionFailpoint(store, undefined)).toBe(store);
  });

  it('keeps the combined acknowledge-and-claim write and runs the failpoint before its commit', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    await store.enqueue([JOB, JOB]);
    const [first] = await store.claim({ owner: 'w', queues: ['q'], limit: 1, leaseMs: 60_000 });
    if (first === undefined) throw new Error('claim failed');
    const seen: { ids: readonly string[]; succeededAtCall: number }[] = [];
    const wrapped = withCompletionFailpoint(store, async (ids) => {
      seen.push({ ids, succeededAtCall: (await store.stats()).totals.succeeded });
    });
    expect('completeAndClaim' in wrapped).toBe(true);
    const result = await wrapped.completeAndClaim?.([{ lease: first.lease, result: null }], { owner: 'w', queues: ['q'], limit: 1, leaseMs: 60_000 });
    expect(result?.accepted).toEqual([true]);
    expect(result?.claimed).toHaveLength(1);
    expect(seen).toEqual([{ ids: [String(first.lease.jobId)], succeededAtCall: 0 }]);
  });

  it('a failpoint that throws (the kit kills the process there) leaves the completion uncommitted', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    await store.enqueue([JOB]);
    const [job] = await store.claim({ owner: 'w', queues: ['q'], limit: 1, leaseMs: 60_000 });
    if (job === undefined) throw new Error('claim failed');
    const wrapped = withCompletionFailpoint(store, () => Promise.reject(new Error('killed here')));
    await expect(wrapped.complete([{ lease: job.lease, result: null }])).rejects.toThrow('killed here');
    expect((await store.stats()).totals.succeeded).toBe(0);
    expect((await store.stats()).totals.running).toBe(1);
  });
});
