/**
 * Numbered schema migrations. Migration N brings `PRAGMA user_version` from N-1 to N. Never edit a
 * released migration: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE IF NOT EXISTS steadfast_jobs (
    id INTEGER PRIMARY KEY,
    queue TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'dead', 'cancelled')),
    priority INTEGER NOT NULL DEFAULT 0,
    run_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    idempotency_key TEXT,
    owner TEXT,
    token INTEGER NOT NULL DEFAULT 0,
    lease_expires_at INTEGER,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    result TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    finished_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS steadfast_jobs_ready
    ON steadfast_jobs (queue, priority DESC, run_at, id) WHERE state = 'queued';
  CREATE INDEX IF NOT EXISTS steadfast_jobs_leases
    ON steadfast_jobs (lease_expires_at) WHERE state = 'running';
  CREATE UNIQUE INDEX IF NOT EXISTS steadfast_jobs_idempotency
    ON steadfast_jobs (queue, idempotency_key) WHERE idempotency_key IS NOT NULL;
  CREATE TABLE IF NOT EXISTS steadfast_periodic_slots (
    name TEXT NOT NULL,
    slot INTEGER NOT NULL,
    owner TEXT NOT NULL,
    claimed_at INTEGER NOT NULL,
    PRIMARY KEY (name, slot)
  ) WITHOUT ROWID;
  `,
  // 2: the same table with the state constraint spelled as a chain of comparisons. SQLite (3.53,
  // EXPLAIN) checks `IN (…)` of more than two constants by building a temporary B-tree of the five
  // values for every row it writes, and every claim and completion writes `state`; the chain accepts
  // exactly the same values with five comparisons (ADR 0009, amendment "schema version 2"). A CHECK
  // cannot be altered in place: the table is rebuilt, keeping every row and id, under the
  // migration's BEGIN IMMEDIATE.
  `
  CREATE TABLE steadfast_jobs_v2 (
    id INTEGER PRIMARY KEY,
    queue TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state = 'queued' OR state = 'running' OR state = 'succeeded' OR state = 'dead' OR state = 'cancelled'),
    priority INTEGER NOT NULL DEFAULT 0,
    run_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    idempotency_key TEXT,
    owner TEXT,
    token INTEGER NOT NULL DEFAULT 0,
    lease_expires_at INTEGER,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    result TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    finished_at INTEGER
  );
  INSERT INTO steadfast_jobs_v2 (id, queue, payload, state, priority, run_at, attempts, max_attempts, idempotency_key, owner,
                                 token, lease_expires_at, cancel_requested, last_error, result, created_at, updated_at, finished_at)
    SELECT id, queue, payload, state, priority, run_at, attempts, max_attempts, idempotency_key, owner,
           token, lease_expires_at, cancel_requested, last_error, result, created_at, updated_at, finished_at
      FROM steadfast_jobs;
  DROP TABLE steadfast_jobs;
  ALTER TABLE steadfast_jobs_v2 RENAME TO steadfast_jobs;
  CREATE INDEX steadfast_jobs_ready
    ON steadfast_jobs (queue, priority DESC, run_at, id) WHERE state = 'queued';
  CREATE INDEX steadfast_jobs_leases
    ON steadfast_jobs (lease_expires_at) WHERE state = 'running';
  CREATE UNIQUE INDEX steadfast_jobs_idempotency
    ON steadfast_jobs (queue, idempotency_key) WHERE idempotency_key IS NOT NULL;
  `,
];

/** The schema version this build writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;
