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
];

/** The schema version this build writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;
