import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/index.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../src/store/sqlite/migrations.js';
import { manualClock, tempDatabasePath } from './helpers/temp-database.js';

const NOW = 1_700_000_000_000;

/** A database as schema version 1 left it, with a job in every state and an idempotency key. */
function versionOneDatabase(): string {
  const path = tempDatabasePath();
  const raw = new Database(path);
  raw.exec(MIGRATIONS[0] ?? '');
  raw.pragma('user_version = 1');
  const insert = raw.prepare(`
    INSERT INTO steadfast_jobs (id, queue, payload, state, priority, run_at, attempts, max_attempts, idempotency_key, owner,
                                token, lease_expires_at, cancel_requested, last_error, result, created_at, updated_at, finished_at)
    VALUES (@id, 'q', @payload, @state, @priority, @runAt, @attempts, 3, @key, @owner, @token, @lease, 0, @error, @result, @now, @now, @finished)`);
  const base = { priority: 0, runAt: NOW, attempts: 0, key: null, owner: null, token: 0, lease: null, error: null, result: null, now: NOW, finished: null };
  insert.run({ ...base, id: 7, payload: '{"n":7}', state: 'queued', priority: 5, key: 'order-7' });
  insert.run({ ...base, id: 8, payload: '{"n":8}', state: 'running', attempts: 1, owner: 'old-worker', token: 4, lease: NOW - 1 });
  insert.run({ ...base, id: 9, payload: '{"n":9}', state: 'succeeded', attempts: 1, token: 1, result: '"ok"', finished: NOW });
  insert.run({ ...base, id: 10, payload: '{"n":10}', state: 'dead', attempts: 3, token: 3, error: 'boom', finished: NOW });
  insert.run({ ...base, id: 11, payload: '{"n":11}', state: 'cancelled', finished: NOW });
  raw.close();
  return path;
}

describe('schema migration from version 1', () => {
  it('keeps every row, id and field, and the migrated store runs every transition on them', async () => {
    const path = versionOneDatabase();
    const before = new Database(path);
    const rowsBefore = before.prepare('SELECT * FROM steadfast_jobs ORDER BY id').all();
    before.close();

    const clock = manualClock(NOW);
    const store = openSqliteStore({ path, clock });
    expect(store.database.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.database.prepare('SELECT * FROM steadfast_jobs ORDER BY id').all()).toEqual(rowsBefore);
    expect(await store.stats()).toMatchObject({ totals: { queued: 1, running: 1, succeeded: 1, dead: 1, cancelled: 1 } });

    // The idempotency key still deduplicates, the expired lease is still found by the reaper, and
    // the queued job is claimed with the next token; new ids continue after the old ones.
    expect(await store.enqueue([{ queue: 'q', payload: '{}', priority: 0, runAt: NOW, maxAttempts: 3, idempotencyKey: 'order-7' }])).toEqual([
      { id: 7, deduplicated: true, state: 'queued' },
    ]);
    expect(await store.reapExpired()).toEqual({ requeued: [8], dead: [] });
    const claimed = await store.claim({ owner: 'w', queues: ['q'], limit: 1, leaseMs: 1000 });
    expect(claimed.map(({ job }) => [job.id, job.token])).toEqual([[7, 1]]);
    const [fresh] = await store.enqueue([{ queue: 'q', payload: '{}', priority: 0, runAt: NOW, maxAttempts: 3, idempotencyKey: null }]);
    expect(fresh?.id).toBe(12);
    await store.close();
  });

  it('rebuilds the indexes the transitions rely on, and still refuses an unknown state', () => {
    const store = openSqliteStore({ path: versionOneDatabase() });
    const indexes = store.database
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'steadfast_jobs' AND name LIKE 'steadfast_%' ORDER BY name`)
      .pluck()
      .all();
    expect(indexes).toEqual(['steadfast_jobs_idempotency', 'steadfast_jobs_leases', 'steadfast_jobs_ready']);
    // Version 2's reason to exist: the state constraint is a chain of comparisons, not `IN (…)`
    // (which SQLite checks through a temporary B-tree per written row).
    const table = store.database.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'steadfast_jobs'`).pluck().get();
    expect(table).toContain("CHECK (state = 'queued' OR state = 'running'");
    expect(table).not.toMatch(/state IN/i);
    expect(() => store.database.prepare(`UPDATE steadfast_jobs SET state = 'done' WHERE id = 9`).run()).toThrow(/CHECK constraint failed/);
    expect(() =>
      store.database.prepare(`INSERT INTO steadfast_jobs (queue, payload, state, run_at, max_attempts, created_at, updated_at) VALUES ('q', '{}', 'Queued', 0, 1, 0, 0)`).run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
