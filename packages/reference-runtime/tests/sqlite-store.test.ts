import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openSqliteStore, SteadfastError, type NewJob } from '../src/index.js';
import { claimSql } from '../src/store/sqlite/claim.js';
import { completeManySql } from '../src/store/sqlite/complete.js';
import { SCHEMA_VERSION } from '../src/store/sqlite/migrations.js';
import type { Completion } from '../src/store/store.js';
import { manualClock, tempDatabasePath } from './helpers/temp-database.js';

function job(overrides: Partial<NewJob> = {}): NewJob {
  return { queue: 'q', payload: '{}', priority: 0, runAt: 0, maxAttempts: 3, idempotencyKey: null, ...overrides };
}

function setup() {
  const clock = manualClock();
  const store = openSqliteStore({ path: tempDatabasePath(), clock });
  return { clock, store };
}

describe('SQLite store transitions', () => {
  it('a claim sets owner, lease expiry, a counted attempt and a fresh fencing token', async () => {
    const { clock, store } = setup();
    const [enqueued] = await store.enqueue([job()]);
    const [first] = await store.claim({ owner: 'w1', queues: ['q'], limit: 10, leaseMs: 1000 });
    expect(first?.job).toMatchObject({ id: enqueued?.id, attempts: 1, token: 1, leaseExpiresAt: clock() + 1000 });
    expect(first?.lease).toEqual({ jobId: enqueued?.id, owner: 'w1', token: 1 });
    // The claim returns only what running the job needs; the stored row has the rest.
    expect(await store.getJob(enqueued?.id ?? 0)).toMatchObject({ state: 'running', owner: 'w1', attempts: 1, token: 1, leaseExpiresAt: clock() + 1000 });
    expect(await store.claim({ owner: 'w2', queues: ['q'], limit: 10, leaseMs: 1000 })).toEqual([]);
  });

  it.each([1, 3])('claims from %i queue(s) by reading the ready index in its own order (no temporary sort)', (queueCount) => {
    const { store } = setup();
    const parameters: Record<string, string | number> = { now: 0, limit: 10 };
    for (let index = 0; index < queueCount; index += 1) parameters[`q${String(index)}`] = `q${String(index)}`;
    const plan = (store.database.prepare(`EXPLAIN QUERY PLAN ${claimSql(queueCount)}`).all(parameters) as { detail: string }[]).map(
      (row) => row.detail,
    );
    expect(plan.filter((detail) => detail.includes('steadfast_jobs_ready'))).toHaveLength(queueCount);
    // One queue is read in index order, unsorted; several are merged, each arm's at most `limit`
    // rows sorted for the merge. Never a scan of the table.
    expect(plan.filter((detail) => detail.includes('TEMP B-TREE'))).toHaveLength(queueCount === 1 ? 0 : queueCount);
    expect(plan.filter((detail) => /SCAN steadfast_jobs\b/.test(detail))).toEqual([]);
  });

  it('writes nothing and hands out no lease when a claim could not write every row it read', async () => {
    const { store } = setup();
    const [skipped] = await store.enqueue([job(), job()]);
    // Stands for a write that raced the read, which BEGIN IMMEDIATE rules out: the row stays queued.
    store.database.exec(`CREATE TEMP TRIGGER skip_one BEFORE UPDATE OF state ON steadfast_jobs
      WHEN old.id = ${String(skipped?.id)} BEGIN SELECT RAISE(IGNORE); END`);
    await expect(store.claim({ owner: 'w', queues: ['q'], limit: 10, leaseMs: 1000 })).rejects.toMatchObject({
      code: 'DATABASE_ERROR',
      message: expect.stringContaining('read 2 due jobs but could write only 1') as unknown,
    });
    store.database.exec('DROP TRIGGER skip_one');
    expect((await store.stats()).totals).toMatchObject({ queued: 2, running: 0 });
    expect(await store.claim({ owner: 'w', queues: ['q'], limit: 10, leaseMs: 1000 })).toHaveLength(2);
  });

  it('never claims jobs of another queue, or jobs not yet due', async () => {
    const { clock, store } = setup();
    await store.enqueue([job({ queue: 'other' }), job({ runAt: clock() + 5000 })]);
    expect(await store.claim({ owner: 'w', queues: ['q'], limit: 10, leaseMs: 1000 })).toEqual([]);
    clock.advance(5000);
    expect(await store.claim({ owner: 'w', queues: ['q'], limit: 10, leaseMs: 1000 })).toHaveLength(1);
  });

  it('claims higher priority first, then earlier run_at, in batches up to the limit', async () => {
    const { store } = setup();
    await store.enqueue([job({ priority: 0 }), job({ priority: 5 }), job({ priority: 1 })]);
    const claimed = await store.claim({ owner: 'w', queues: ['q'], limit: 2, leaseMs: 1000 });
    expect(claimed.map((c) => c.job.priority)).toEqual([5, 1]);
  });

  it('claims each job once when a queue is listed twice', async () => {
    const { store } = setup();
    await store.enqueue([job(), job(), job({ queue: 'other' })]);
    const claimed = await store.claim({ owner: 'w', queues: ['q', 'other', 'q'], limit: 10, leaseMs: 1000 });
    expect(claimed.map((c) => c.job.queue).sort()).toEqual(['other', 'q', 'q']);
    expect((await store.stats()).totals).toMatchObject({ queued: 0, running: 3 });
  });

  it('orders a claim over several queues by priority across all of them', async () => {
    const { store } = setup();
    await store.enqueue([job({ queue: 'a', priority: 1 }), job({ queue: 'b', priority: 9 }), job({ queue: 'c', priority: 20 }), job({ queue: 'a', priority: 5 })]);
    const claimed = await store.claim({ owner: 'w', queues: ['a', 'b'], limit: 2, leaseMs: 1000 });
    expect(claimed.map((c) => [c.job.queue, c.job.priority])).toEqual([
      ['b', 9],
      ['a', 5],
    ]);
  });

  it('completeAndClaim writes the completions and the claim in one transaction, fencing stale completions', async () => {
    const { clock, store } = setup();
    await store.enqueue([job(), job(), job()]);
    const [stale, held] = await store.claim({ owner: 'w1', queues: ['q'], limit: 2, leaseMs: 1000 });
    if (stale === undefined || held === undefined) throw new Error('claims failed');
    await store.release([stale.lease]);
    const result = await store.completeAndClaim(
      [
        { lease: stale.lease, result: null },
        { lease: held.lease, result: '"ok"' },
      ],
      { owner: 'w1', queues: ['q'], limit: 5, leaseMs: 1000 },
    );
    expect(result.accepted).toEqual([false, true]);
    // The released job and the third one are claimed again; the stale completion wrote nothing.
    expect(result.claimed.map((c) => c.job.id).sort()).toEqual([stale.job.id, held.job.id + 1].sort());
    expect(result.claimed.every((c) => c.job.leaseExpiresAt === clock() + 1000)).toBe(true);
    expect(await store.getJob(held.job.id)).toMatchObject({ state: 'succeeded', result: '"ok"' });
    expect(await store.getJob(stale.job.id)).toMatchObject({ state: 'running', token: stale.lease.token + 1 });
  });

  it('completes a batch of several owners with each completion fenced by its own owner and token', async () => {
    const { store } = setup();
    await store.enqueue([job(), job(), job()]);
    const [a] = await store.claim({ owner: 'w1', queues: ['q'], limit: 1, leaseMs: 1000 });
    const [b, c] = await store.claim({ owner: 'w2', queues: ['q'], limit: 2, leaseMs: 1000 });
    if (a === undefined || b === undefined || c === undefined) throw new Error('claims failed');
    const accepted = await store.complete([
      { lease: a.lease, result: '1' },
      { lease: { ...b.lease, owner: 'w1' }, result: '2' },
      { lease: { ...c.lease, token: c.lease.token + 1 }, result: '3' },
      { lease: b.lease, result: '4' },
    ]);
    expect(accepted).toEqual([true, false, false, true]);
    expect((await store.getJob(b.job.id))?.result).toBe('4');
    expect((await store.getJob(c.job.id))?.state).toBe('running');
  });

  it('accepts a lease completed twice in one batch once: the first result is kept', async () => {
    const { store } = setup();
    await store.enqueue([job()]);
    const [only] = await store.claim({ owner: 'w', queues: ['q'], limit: 1, leaseMs: 1000 });
    if (only === undefined) throw new Error('claim failed');
    const accepted = await store.complete([
      { lease: only.lease, result: '"first"' },
      { lease: only.lease, result: '"second"' },
    ]);
    expect(accepted).toEqual([true, false]);
    expect(await store.getJob(only.job.id)).toMatchObject({ state: 'succeeded', result: '"first"' });
  });

  it('claims a batch larger than one write statement takes, all or nothing', async () => {
    const { store } = setup();
    await store.enqueue(Array.from({ length: 1201 }, () => job()));
    const claimed = await store.claim({ owner: 'w', queues: ['q'], limit: 1200, leaseMs: 1000 });
    expect(new Set(claimed.map((c) => c.job.id)).size).toBe(1200);
    expect(claimed.every((c) => c.lease.token === 1 && c.job.attempts === 1)).toBe(true);
    expect((await store.stats()).totals).toMatchObject({ queued: 1, running: 1200 });
  });

  it('completes results-free batches in shared statements with the same answers as one by one', async () => {
    const { store } = setup();
    await store.enqueue(Array.from({ length: 150 }, () => job()));
    const claimed = await store.claim({ owner: 'w1', queues: ['q'], limit: 150, leaseMs: 1000 });
    const [first, second, , , fifth] = claimed;
    if (first === undefined || second === undefined || fifth === undefined) throw new Error('claims failed');
    const completions: Completion[] = claimed.map(({ lease }) => ({ lease, result: null }));
    // A wrong owner in the first shared chunk, a stale token in the second, a duplicate in the third.
    completions[3] = { lease: { ...claimed[3]!.lease, owner: 'w2' }, result: null };
    completions[100] = { lease: { ...claimed[100]!.lease, token: 0 }, result: null };
    completions.push({ lease: fifth.lease, result: null });
    // A completion with a result first: the later result-free duplicate of it is refused.
    completions.unshift({ lease: second.lease, result: '"kept"' });
    const expected = completions.map((_, index) => ![1 + 3, 1 + 100, 1 + 1, completions.length - 1].includes(index));
    expect(await store.complete(completions)).toEqual(expected);
    expect(await store.getJob(second.job.id)).toMatchObject({ state: 'succeeded', result: '"kept"' });
    expect(await store.getJob(claimed[3]!.job.id)).toMatchObject({ state: 'running' });
    expect(await store.getJob(claimed[100]!.job.id)).toMatchObject({ state: 'running' });
    expect((await store.stats()).totals).toMatchObject({ running: 2, succeeded: 148 });
  });

  it('finds each lease of a shared completion by primary key, never by a scan', () => {
    const { store } = setup();
    const plan = (store.database.prepare(`EXPLAIN QUERY PLAN ${completeManySql(3)}`).all(0, 0, 1, 'w', 1, 2, 'w', 1, 3, 'w', 1) as { detail: string }[]).map(
      (row) => row.detail,
    );
    expect(plan.filter((detail) => detail.includes('INTEGER PRIMARY KEY'))).toHaveLength(3);
    expect(plan.filter((detail) => /SCAN steadfast_jobs\b/.test(detail))).toEqual([]);
  });

  it('completeAndClaim writes nothing of either part when the claim fails', async () => {
    const { store } = setup();
    await store.enqueue([job(), job()]);
    const [first] = await store.claim({ owner: 'w', queues: ['q'], limit: 1, leaseMs: 1000 });
    if (first === undefined) throw new Error('claim failed');
    store.database.exec(`CREATE TEMP TRIGGER refuse_claims BEFORE UPDATE OF state ON steadfast_jobs
      WHEN NEW.state = 'running' BEGIN SELECT RAISE(ABORT, 'claims refused'); END`);
    await expect(
      store.completeAndClaim([{ lease: first.lease, result: null }], { owner: 'w', queues: ['q'], limit: 1, leaseMs: 1000 }),
    ).rejects.toThrow(/claims refused/);
    expect(await store.getJob(first.job.id)).toMatchObject({ state: 'running', result: null });
    expect((await store.stats()).totals).toMatchObject({ queued: 1, running: 1, succeeded: 0 });
  });

  it('refuses complete, fail and heartbeat with a stale fencing token after the lease was re-claimed', async () => {
    const { clock, store } = setup();
    await store.enqueue([job()]);
    const [stale] = await store.claim({ owner: 'w1', queues: ['q'], limit: 1, leaseMs: 1000 });
    clock.advance(1001);
    expect((await store.reapExpired()).requeued).toHaveLength(1);
    const [fresh] = await store.claim({ owner: 'w2', queues: ['q'], limit: 1, leaseMs: 1000 });
    if (stale === undefined || fresh === undefined) throw new Error('claims failed');
    expect(fresh.lease.token).toBe(stale.lease.token + 1);
    expect(await store.complete([{ lease: stale.lease, result: null }])).toEqual([false]);
    expect(await store.fail({ lease: stale.lease, error: 'late', retryAt: 0, countsAsAttempt: true })).toBe('fenced');
    expect(await store.heartbeat({ owner: 'w1', leases: [stale.lease], leaseMs: 1000 })).toEqual({
      extended: [],
      lost: [stale.lease.jobId],
      cancelRequested: [],
    });
    // The same worker id with an old token is refused too: the token, not the name, is the fence.
    expect(await store.complete([{ lease: { ...fresh.lease, token: stale.lease.token }, result: null }])).toEqual([false]);
    expect(await store.complete([{ lease: fresh.lease, result: '1' }])).toEqual([true]);
    expect(await store.getJob(fresh.job.id)).toMatchObject({ state: 'succeeded', result: '1' });
  });

  it('heartbeat extends every held lease in one call', async () => {
    const { clock, store } = setup();
    await store.enqueue([job(), job()]);
    const claimed = await store.claim({ owner: 'w', queues: ['q'], limit: 2, leaseMs: 1000 });
    clock.advance(900);
    const result = await store.heartbeat({ owner: 'w', leases: claimed.map((c) => c.lease), leaseMs: 1000 });
    expect([...result.extended].sort()).toEqual(claimed.map((c) => c.job.id).sort());
    clock.advance(900);
    expect(await store.reapExpired()).toEqual({ requeued: [], dead: [] });
  });

  it('fail retries until maxAttempts, then the job is dead; a non-retryable failure is dead at once', async () => {
    const { store } = setup();
    const [a, b] = await store.enqueue([job({ maxAttempts: 2 }), job({ queue: 'nr' })]);
    for (const expected of ['retried', 'dead'] as const) {
      const [claimed] = await store.claim({ owner: 'w', queues: ['q'], limit: 1, leaseMs: 1000 });
      if (claimed === undefined) throw new Error('nothing claimed');
      expect(await store.fail({ lease: claimed.lease, error: 'boom', retryAt: 0, countsAsAttempt: true })).toBe(expected);
    }
    expect(await store.getJob(a?.id ?? 0)).toMatchObject({ state: 'dead', attempts: 2, lastError: 'boom' });
    const [nr] = await store.claim({ owner: 'w', queues: ['nr'], limit: 1, leaseMs: 1000 });
    if (nr === undefined) throw new Error('nothing claimed');
    expect(await store.fail({ lease: nr.lease, error: 'bad input', retryAt: null, countsAsAttempt: true })).toBe('dead');
    expect(await store.getJob(b?.id ?? 0)).toMatchObject({ state: 'dead', attempts: 1 });
  });

  it('a retry-after gives the attempt back', async () => {
    const { clock, store } = setup();
    const [enqueued] = await store.enqueue([job({ maxAttempts: 1 })]);
    const [claimed] = await store.claim({ owner: 'w', queues: ['q'], limit: 1, leaseMs: 1000 });
    if (claimed === undefined) throw new Error('nothing claimed');
    await store.fail({ lease: claimed.lease, error: 'later', retryAt: clock() + 500, countsAsAttempt: false });
    expect(await store.getJob(enqueued?.id ?? 0)).toMatchObject({ state: 'queued', attempts: 0, runAt: clock() + 500 });
  });

  it('reaping an expired lease on the last attempt kills a poison job', async () => {
    const { clock, store } = setup();
    const [enqueued] = await store.enqueue([job({ maxAttempts: 1 })]);
    await store.claim({ owner: 'w', queues: ['q'], limit: 1, leaseMs: 1000 });
    clock.advance(1000);
    expect(await store.reapExpired()).toEqual({ requeued: [], dead: [enqueued?.id] });
    expect((await store.getJob(enqueued?.id ?? 0))?.lastError).toMatch(/lease held by w expired/);
  });

  it('release gives the job back at once without counting the attempt', async () => {
    const { store } = setup();
    await store.enqueue([job()]);
    const [claimed] = await store.claim({ owner: 'w', queues: ['q'], limit: 1, leaseMs: 60_000 });
    if (claimed === undefined) throw new Error('nothing claimed');
    expect(await store.release([claimed.lease])).toBe(1);
    expect(await store.release([claimed.lease])).toBe(0);
    const [again] = await store.claim({ owner: 'w2', queues: ['q'], limit: 1, leaseMs: 60_000 });
    expect(again?.job).toMatchObject({ attempts: 1, token: 2 });
  });

  it('cancels a queued job at once and asks a running one to stop', async () => {
    const { store } = setup();
    const [queued, running] = await store.enqueue([job({ queue: 'a' }), job({ queue: 'b' })]);
    const [claimed] = await store.claim({ owner: 'w', queues: ['b'], limit: 1, leaseMs: 1000 });
    if (claimed === undefined || queued === undefined || running === undefined) throw new Error('setup failed');
    expect(await store.cancel(queued.id)).toBe('cancelled');
    expect(await store.cancel(running.id)).toBe('cancel-requested');
    expect((await store.heartbeat({ owner: 'w', leases: [claimed.lease], leaseMs: 1000 })).cancelRequested).toEqual([running.id]);
    expect(await store.fail({ lease: claimed.lease, error: 'aborted', retryAt: 0, countsAsAttempt: true })).toBe('cancelled');
    expect(await store.cancel(running.id)).toBe('already-finished');
    expect(await store.cancel(999)).toBe('not-found');
  });

  it('redrives a dead job with fresh attempts, and refuses a live one', async () => {
    const { store } = setup();
    const [enqueued] = await store.enqueue([job({ maxAttempts: 1 })]);
    const id = enqueued?.id ?? 0;
    expect(await store.redrive(id)).toBe(false);
    const [claimed] = await store.claim({ owner: 'w', queues: ['q'], limit: 1, leaseMs: 1000 });
    if (claimed === undefined) throw new Error('nothing claimed');
    await store.fail({ lease: claimed.lease, error: 'x', retryAt: 0, countsAsAttempt: true });
    expect(await store.redrive(id)).toBe(true);
    expect(await store.getJob(id)).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('an idempotency key returns the existing job while queued, running and after completion', async () => {
    const { store } = setup();
    const [first] = await store.enqueue([job({ idempotencyKey: 'k' })]);
    expect(await store.enqueue([job({ idempotencyKey: 'k' })])).toEqual([{ id: first?.id, deduplicated: true, state: 'queued' }]);
    const [claimed] = await store.claim({ owner: 'w', queues: ['q'], limit: 1, leaseMs: 1000 });
    expect((await store.enqueue([job({ idempotencyKey: 'k' })]))[0]).toMatchObject({ deduplicated: true, state: 'running' });
    if (claimed === undefined) throw new Error('nothing claimed');
    await store.complete([{ lease: claimed.lease, result: null }]);
    expect((await store.enqueue([job({ idempotencyKey: 'k' })]))[0]).toMatchObject({ deduplicated: true, state: 'succeeded' });
    // The same key on another queue is another job.
    expect((await store.enqueue([job({ queue: 'other', idempotencyKey: 'k' })]))[0]?.deduplicated).toBe(false);
  });

  it('exactly one caller wins each periodic slot', async () => {
    const { store } = setup();
    expect(await store.claimPeriodicSlot('backup', 7, 'a')).toBe(true);
    expect(await store.claimPeriodicSlot('backup', 7, 'b')).toBe(false);
    expect(await store.claimPeriodicSlot('backup', 8, 'b')).toBe(true);
  });

  it('stats counts per queue and state and the oldest due job', async () => {
    const { clock, store } = setup();
    await store.enqueue([job({ runAt: clock() }), job({ queue: '__proto__', runAt: clock() })]);
    clock.advance(250);
    const stats = await store.stats();
    expect(stats.totals.queued).toBe(2);
    expect(stats.queues['__proto__']?.queued).toBe(1);
    expect(stats.oldestQueuedAgeMs).toBe(250);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('a batch enqueue writes all jobs or none', async () => {
    const { store } = setup();
    await expect(store.enqueue([job(), job({ maxAttempts: Number.NaN })])).rejects.toBeInstanceOf(SteadfastError);
    expect((await store.stats()).totals.queued).toBe(0);
  });
});

describe('opening an SQLite store', () => {
  it('refuses a database migrated by a newer runtime', () => {
    const path = tempDatabasePath();
    openSqliteStore({ path }).database.close();
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openSqliteStore({ path })).toThrow(expect.objectContaining({ code: 'SCHEMA_TOO_NEW' }));
  });

  it('refuses a file that is not a database', () => {
    const path = tempDatabasePath();
    writeFileSync(path, 'this is not a database, just text '.repeat(200));
    expect(() => openSqliteStore({ path })).toThrow(expect.objectContaining({ code: 'NOT_A_DATABASE' }));
  });

  it('refuses a read-only database', () => {
    const path = tempDatabasePath();
    openSqliteStore({ path }).database.close();
    const readonly = new Database(path, { readonly: true });
    const store = openSqliteStore({ database: readonly });
    return expect(store.enqueue([job()])).rejects.toMatchObject({ code: 'DATABASE_READ_ONLY' });
  });

  it('reports a write lock held past busyTimeoutMs as DATABASE_BUSY and writes nothing', async () => {
    const path = tempDatabasePath();
    const store = openSqliteStore({ path, busyTimeoutMs: 20 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    await expect(store.enqueue([job()])).rejects.toMatchObject({ code: 'DATABASE_BUSY' });
    other.exec('ROLLBACK');
    other.close();
    expect((await store.stats()).totals.queued).toBe(0);
  });

  it('migrates once and is idempotent across opens', async () => {
    const path = tempDatabasePath();
    const first = openSqliteStore({ path });
    expect(await first.migrate()).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    await first.close();
    await first.close();
    await expect(first.stats()).rejects.toMatchObject({ code: 'STORE_CLOSED' });
  });

  it('validates its options', () => {
    expect(() => openSqliteStore({})).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
    expect(() => openSqliteStore({ path: 'x', busyTimeoutMs: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });
});
