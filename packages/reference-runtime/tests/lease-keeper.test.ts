import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/index.js';
import type { HeartbeatRequest, HeartbeatResult, Store } from '../src/index.js';
import { LeaseKeeper } from '../src/worker/lease-keeper.js';

/** A keeper for owner `w` on `store`, and the job ids it reported lost; heartbeats only when told. */
function keeperOn(store: Store): { keeper: LeaseKeeper; lost: number[] } {
  const lost: number[] = [];
  const keeper = new LeaseKeeper({
    store,
    owner: 'w',
    leaseMs: 60_000,
    heartbeatMs: 20_000,
    onLost: (jobId) => lost.push(jobId),
    onError: (error) => {
      throw error;
    },
  });
  return { keeper, lost };
}

describe('LeaseKeeper', () => {
  it('applies a late heartbeat answer to the claim it was sent for, not to a newer claim of the same job', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    await store.enqueue([{ queue: 'q', payload: '{}', priority: 0, runAt: 0, maxAttempts: 3, idempotencyKey: null }]);
    const [first] = await store.claim({ owner: 'w', queues: ['q'], limit: 1, leaseMs: 60_000 });
    if (first === undefined) throw new Error('claim failed');
    // A store whose heartbeat answers only when the test says so (as a networked store may).
    let answer: (result: HeartbeatResult) => void = () => undefined;
    const requests: HeartbeatRequest[] = [];
    const slowStore: Pick<Store, 'now' | 'heartbeat'> = {
      now: () => store.now(),
      heartbeat: (request) => {
        requests.push(request);
        return new Promise((resolve) => (answer = resolve));
      },
    };
    const { keeper, lost } = keeperOn(slowStore as Store);
    const old = keeper.hold(first, store.now() + 60_000);
    const beat = keeper.beat();
    expect(requests.map((request) => request.leases)).toEqual([[first.lease]]);
    // While the heartbeat is out, the attempt is recorded and the same job is claimed again here.
    keeper.forget(old);
    const again = { job: { ...first.job, token: first.job.token + 1 }, lease: { ...first.lease, token: first.lease.token + 1 } };
    const fresh = keeper.hold(again, store.now() + 60_000);
    answer({ extended: [], lost: [first.lease.jobId], cancelRequested: [first.lease.jobId] });
    await beat;
    // The answer is about the first claim's lease: the new claim is neither lost nor cancelled.
    expect(lost).toEqual([]);
    expect(keeper.holds(fresh)).toBe(true);
    expect(fresh.aborted).toBe(false);
    expect(keeper.size).toBe(1);
    await store.close();
  });

  it('a lost lease aborts its job and stops being held; the others are extended', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    await store.enqueue([1, 2].map(() => ({ queue: 'q', payload: '{}', priority: 0, runAt: 0, maxAttempts: 3, idempotencyKey: null })));
    const claimed = await store.claim({ owner: 'w', queues: ['q'], limit: 2, leaseMs: 1_000 });
    const [a, b] = claimed;
    if (a === undefined || b === undefined) throw new Error('claim failed');
    const { keeper, lost } = keeperOn(store);
    const heldA = keeper.hold(a, store.now() + 1_000);
    const heldB = keeper.hold(b, store.now() + 1_000);
    // Another worker's reaper and claim took job b: this worker's lease on it is stale.
    await store.release([b.lease]);
    const before = heldA.expiresAt;
    await keeper.beat();
    expect(lost).toEqual([b.lease.jobId]);
    expect(keeper.holds(heldB)).toBe(false);
    expect(heldB.reason).toBe('lease-lost');
    expect(keeper.holds(heldA)).toBe(true);
    expect(heldA.expiresAt).toBeGreaterThan(before);
    await store.close();
  });
});
