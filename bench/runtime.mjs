#!/usr/bin/env node
// `npm run bench`: the runtime against SQLite's ideal and against plainjob, every number measured
// in this run on this machine, each case in its own process (so peak RSS is the case's own).
// Peers are installed on first use into bench/.peers, never into the test install.
import { execFileSync, fork } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

const root = join(import.meta.dirname, '..');
const peersDir = join(import.meta.dirname, '.peers');
// liteque needs better-sqlite3 11 (its async transaction is refused by 12): an install of its own.
const litequeDir = join(peersDir, 'liteque');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const JOBS = Number(option('jobs', '20000'));
const BATCH = 100;
// The setting the peers use (plainjob sets it itself); the runtime's default is FULL (see ADR 0009).
const SYNCHRONOUS = option('synchronous', 'NORMAL');
// `inline` (the store's default, SQLite's own auto-checkpoint, as the ideal and the peers use it)
// or `background` (ADR 0012); the *-background drain cases set it themselves.
const CHECKPOINT = option('checkpoint', 'inline');
// Rounds of the cases behind the ratios (see the summary below); each reports its median round.
const ROUNDS = Number(option('rounds', '3'));
if (!(Number.isInteger(ROUNDS) && ROUNDS >= 1)) throw new Error(`--rounds must be an integer ≥ 1, got ${option('rounds')}`);

function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'steadfast-bench-'));
  return { path: join(dir, 'bench.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function openRaw(path) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${SYNCHRONOUS}`);
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS jobs (id INTEGER PRIMARY KEY, queue TEXT NOT NULL, payload TEXT NOT NULL,
             state TEXT NOT NULL, priority INTEGER NOT NULL DEFAULT 0, run_at INTEGER NOT NULL, owner TEXT, lease INTEGER);
           CREATE INDEX IF NOT EXISTS jobs_ready ON jobs (queue, priority DESC, run_at, id) WHERE state = 'queued';`);
  return db;
}

function fill(db, n) {
  const insert = db.prepare(`INSERT INTO jobs (queue, payload, state, run_at) VALUES ('noop', ?, 'queued', ?)`);
  db.transaction(() => {
    for (let i = 0; i < n; i += 1) insert.run(`{"n":${i}}`, Date.now());
  })();
}

const CLAIM = `UPDATE jobs SET state = 'running', owner = 'w', lease = @lease WHERE id IN
  (SELECT id FROM jobs WHERE state = 'queued' AND queue = 'noop' AND run_at <= @now ORDER BY priority DESC, run_at, id LIMIT @limit)
  RETURNING id`;

async function elapsed(run) {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  lastCpuSeconds = (used.user + used.system) / 1e6;
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** CPU time (user + system) of this process during the last `elapsed`: less moved by other load than wall time. */
let lastCpuSeconds = Number.NaN;
/** The drains' notes: CPU µs per job, comparable between cases of one run when wall time is noisy. */
const cpuNote = () => `CPU ${((lastCpuSeconds / JOBS) * 1e6).toFixed(2)} µs/job`;

/** Each case runs in a child process and returns { rate, extra? }. */
const cases = {
  async 'ideal-insert'() {
    const { path, cleanup } = tempDb();
    const db = openRaw(path);
    const insert = db.prepare(`INSERT INTO jobs (queue, payload, state, run_at) VALUES ('noop', ?, 'queued', ?)`);
    const seconds = await elapsed(() => {
      for (let i = 0; i < JOBS; i += 1) insert.run(`{"n":${i}}`, Date.now());
    });
    db.close();
    cleanup();
    return { rate: JOBS / seconds };
  },
  async 'ideal-drain-1'() {
    const { path, cleanup } = tempDb();
    const db = openRaw(path);
    fill(db, JOBS);
    const claim = db.prepare(CLAIM);
    const done = db.prepare(`UPDATE jobs SET state = 'done' WHERE id = ? AND owner = 'w'`);
    const claimOne = db.transaction(() => claim.all({ lease: Date.now() + 30_000, now: Date.now(), limit: 1 }));
    const seconds = await elapsed(() => {
      for (;;) {
        const rows = claimOne.immediate();
        if (rows.length === 0) break;
        done.run(rows[0].id);
      }
    });
    db.close();
    cleanup();
    return { rate: JOBS / seconds };
  },
  async 'ideal-drain-batch'() {
    const { path, cleanup } = tempDb();
    const db = openRaw(path);
    fill(db, JOBS);
    const claim = db.prepare(CLAIM);
    const done = db.prepare(`UPDATE jobs SET state = 'done' WHERE id = ? AND owner = 'w'`);
    const claimBatch = db.transaction(() => claim.all({ lease: Date.now() + 30_000, now: Date.now(), limit: BATCH }));
    const completeBatch = db.transaction((rows) => {
      for (const row of rows) done.run(row.id);
    });
    const seconds = await elapsed(() => {
      for (;;) {
        const rows = claimBatch.immediate();
        if (rows.length === 0) break;
        completeBatch.immediate(rows);
      }
    });
    db.close();
    cleanup();
    return { rate: JOBS / seconds, extra: cpuNote() };
  },
  async 'plainjob-drain-1'() {
    const require = createRequire(join(peersDir, 'package.json'));
    const { better, defineQueue, defineWorker } = require('plainjob');
    const { path, cleanup } = tempDb();
    const silent = { debug() {}, info() {}, warn() {}, error() {} };
    const queue = defineQueue({ connection: better(new Database(path)), logger: silent });
    queue.addMany('noop', Array.from({ length: JOBS }, (_, n) => ({ n })));
    let completed = 0;
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    const worker = defineWorker('noop', async () => {}, {
      queue,
      logger: silent,
      pollIntervall: 10,
      onCompleted: () => {
        completed += 1;
        if (completed === JOBS) finish();
      },
    });
    const seconds = await elapsed(async () => {
      void worker.start();
      await finished;
    });
    await worker.stop();
    queue.close();
    cleanup();
    return { rate: JOBS / seconds };
  },
  async 'liteque-drain-1'() {
    // liteque sets WAL + synchronous=NORMAL itself (whatever --synchronous says) and deletes
    // completed jobs; one runner with concurrency 1, drained with its own runUntilEmpty.
    const { buildDBClient, Runner, SqliteQueue } = await import(pathToFileURL(join(litequeDir, 'node_modules', 'liteque', 'dist', 'index.js')).href);
    const { path, cleanup } = tempDb();
    const db = buildDBClient(path, { runMigrations: true });
    const queue = new SqliteQueue('noop', db, { defaultJobArgs: { numRetries: 0 }, keepFailedJobs: true });
    for (let n = 0; n < JOBS; n += 1) await queue.enqueue({ n });
    let completed = 0;
    const runner = new Runner(queue, { run: async () => {}, onComplete: async () => void (completed += 1) }, { concurrency: 1, pollIntervalMs: 10, timeoutSecs: 60 });
    const seconds = await elapsed(() => runner.runUntilEmpty());
    if (completed !== JOBS) throw new Error(`liteque drained ${completed} of ${JOBS}`);
    cleanup();
    return { rate: JOBS / seconds };
  },
  async 'runtime-enqueue-1'() {
    const { openSqliteStore, createClient } = await import('@steadfast/runtime');
    const { path, cleanup } = tempDb();
    const store = openSqliteStore({ path, synchronous: SYNCHRONOUS, checkpoint: CHECKPOINT });
    const client = createClient({ store });
    const seconds = await elapsed(async () => {
      for (let n = 0; n < JOBS; n += 1) await client.enqueue('noop', { n });
    });
    await store.close();
    cleanup();
    return { rate: JOBS / seconds };
  },
  async 'runtime-enqueue-batch'() {
    const { openSqliteStore, createClient } = await import('@steadfast/runtime');
    const { path, cleanup } = tempDb();
    const store = openSqliteStore({ path, synchronous: SYNCHRONOUS, checkpoint: CHECKPOINT });
    const client = createClient({ store });
    const seconds = await elapsed(async () => {
      for (let n = 0; n < JOBS; n += BATCH) {
        await client.enqueueMany(Array.from({ length: BATCH }, (_, i) => ({ name: 'noop', payload: { n: n + i } })));
      }
    });
    await store.close();
    cleanup();
    return { rate: JOBS / seconds };
  },
  async 'store-drain-batch'() {
    // The runtime's own transitions with no worker around them (claim 100 + acknowledge the
    // previous 100 per transaction, as a draining worker does): the ceiling for runtime-drain-*.
    const { openSqliteStore, createClient } = await import('@steadfast/runtime');
    const { path, cleanup } = tempDb();
    const store = openSqliteStore({ path, synchronous: SYNCHRONOUS, checkpoint: CHECKPOINT });
    const client = createClient({ store });
    for (let n = 0; n < JOBS; n += 1000) {
      await client.enqueueMany(Array.from({ length: 1000 }, (_, i) => ({ name: 'noop', payload: { n: n + i } })));
    }
    const request = { owner: 'bench-worker', queues: ['noop'], limit: BATCH, leaseMs: 30_000 };
    const seconds = await elapsed(async () => {
      let acks = [];
      for (;;) {
        const { claimed } = await store.completeAndClaim(acks, request);
        if (claimed.length === 0) break;
        acks = claimed.map(({ lease }) => ({ lease, result: null }));
      }
    });
    const stats = await store.stats();
    if (stats.totals.succeeded !== JOBS) throw new Error(`drained ${stats.totals.succeeded} of ${JOBS}`);
    await store.close();
    cleanup();
    return { rate: JOBS / seconds, extra: cpuNote() };
  },
  'runtime-drain-c1': () => runtimeDrain(1),
  'runtime-drain-c8': () => runtimeDrain(8),
  'runtime-drain-c1-background': () => runtimeDrain(1, 'background'),
  'runtime-drain-c8-background': () => runtimeDrain(8, 'background'),
  'runtime-latency-1p': () => runtimeLatency(false),
  'runtime-latency-2p': () => runtimeLatency(true),
  async 'runtime-latency-worker'() {
    // Child of runtime-latency-2p: runs the worker, reports each job's enqueue-to-start latency.
    const { openSqliteStore, createWorker, silentLogger } = await import('@steadfast/runtime');
    const store = openSqliteStore({ path: option('path'), synchronous: SYNCHRONOUS });
    const worker = createWorker({
      store,
      logger: silentLogger,
      pollMs: 20,
      tasks: { ping: (job) => void process.send({ latency: Date.now() - job.payload.t }) },
    });
    await worker.start();
    process.send({ ready: true });
    process.on('message', async (message) => {
      if (message === 'stop') {
        await worker.stop();
        process.exit(0);
      }
    });
    return new Promise(() => {});
  },
  async 'runtime-idle-stop'() {
    const { openSqliteStore, createWorker, silentLogger } = await import('@steadfast/runtime');
    const { path, cleanup } = tempDb();
    const store = openSqliteStore({ path, synchronous: SYNCHRONOUS, checkpoint: CHECKPOINT });
    const samples = [];
    for (let i = 0; i < 20; i += 1) {
      const worker = createWorker({ store, logger: silentLogger, tasks: { noop: () => undefined }, periodic: { p: { everyMs: 60_000, run: () => undefined } } });
      await worker.start();
      await new Promise((resolve) => setTimeout(resolve, 20));
      samples.push((await elapsed(() => worker.stop())) * 1000);
    }
    await store.close();
    cleanup();
    samples.sort((a, b) => a - b);
    return { rate: Number.NaN, extra: `idle stop p50 ${samples[10].toFixed(2)} ms, max ${samples[19].toFixed(2)} ms` };
  },
};

async function runtimeDrain(concurrency, checkpoint = CHECKPOINT) {
  const { openSqliteStore, createClient, createWorker, silentLogger } = await import('@steadfast/runtime');
  const { path, cleanup } = tempDb();
  // With `background`, the checkpointer thread starts with the store, before the enqueue: its
  // start-up is the store's, outside the drain's window like the store's migrations.
  const store = openSqliteStore({ path, synchronous: SYNCHRONOUS, checkpoint });
  const client = createClient({ store });
  for (let n = 0; n < JOBS; n += 1000) {
    await client.enqueueMany(Array.from({ length: 1000 }, (_, i) => ({ name: 'noop', payload: { n: n + i } })));
  }
  // The drain ends when every job is acknowledged: the handler counts the jobs it ran, and the
  // worker's `stop()` writes the acknowledgements still pending before it resolves (the final
  // `stats` checks that). No per-job event listener: the ideal has no observer either, and a
  // listener makes the worker build an event per job (about 4% of the drain).
  let handled = 0;
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  const noop = async () => {
    handled += 1;
    if (handled === JOBS) finish();
  };
  const worker = createWorker({ store, logger: silentLogger, concurrency, batchSize: BATCH, tasks: { noop } });
  const seconds = await elapsed(async () => {
    await worker.start();
    await finished;
    await worker.stop();
  });
  const stats = await store.stats();
  if (stats.totals.succeeded !== JOBS) throw new Error(`drained ${stats.totals.succeeded} of ${JOBS}`);
  await store.close();
  cleanup();
  return { rate: JOBS / seconds, extra: cpuNote() };
}

/** The run with the median rate (the lower middle one of an even count). */
function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => (Number.isNaN(a.rate) ? 0 : a.rate) - (Number.isNaN(b.rate) ? 0 : b.rate));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

async function runtimeLatency(twoProcesses) {
  const { openSqliteStore, createClient, createWorker, silentLogger } = await import('@steadfast/runtime');
  const { path, cleanup } = tempDb();
  const store = openSqliteStore({ path, synchronous: SYNCHRONOUS, checkpoint: CHECKPOINT });
  const client = createClient({ store });
  const latencies = [];
  const SAMPLES = 400;
  let stop;
  if (twoProcesses) {
    const child = fork(import.meta.filename, ['--case', 'runtime-latency-worker', '--path', path, '--synchronous', SYNCHRONOUS]);
    await new Promise((resolve) => child.on('message', (m) => (m.ready ? resolve() : latencies.push(m.latency))));
    stop = () => new Promise((resolve) => {
      child.on('exit', resolve);
      child.send('stop');
    });
  } else {
    const worker = createWorker({ store, logger: silentLogger, tasks: { ping: (job) => void latencies.push(Date.now() - job.payload.t) } });
    await worker.start();
    stop = () => worker.stop();
  }
  for (let i = 0; i < SAMPLES; i += 1) {
    await client.enqueue('ping', { t: Date.now() });
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  while (latencies.length < SAMPLES) await new Promise((resolve) => setTimeout(resolve, 20));
  await stop();
  await store.close();
  cleanup();
  latencies.sort((a, b) => a - b);
  return { rate: Number.NaN, extra: `p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms` };
}

/** Install a peers folder from bench/peers on first use; false when that is impossible (offline, no compiler). */
function ensurePeer(source, target, marker, { scripts, timeoutMs }) {
  if (existsSync(join(target, 'node_modules', marker))) return true;
  mkdirSync(target, { recursive: true });
  copyFileSync(join(source, 'package.json'), join(target, 'package.json'));
  const flags = ['install', '--no-audit', '--no-fund', '--no-package-lock', ...(scripts ? [] : ['--ignore-scripts'])];
  try {
    execFileSync('npm', flags, { cwd: target, stdio: 'inherit', timeout: timeoutMs, env: { ...process.env, JOBS: process.env.JOBS ?? '2' } });
    return existsSync(join(target, 'node_modules', marker));
  } catch {
    console.warn(`Could not install ${marker} into ${target}: its rows are skipped (see bench/README.md).`);
    return false;
  }
}

function ensurePeers() {
  return {
    // plainjob takes the Database object from us, so it needs no native build of its own.
    plainjob: ensurePeer(join(import.meta.dirname, 'peers'), peersDir, 'plainjob', { scripts: false, timeoutMs: 300_000 }),
    // liteque's better-sqlite3 11 compiles SQLite on first install (about 2 minutes on 2 cores).
    liteque: ensurePeer(join(import.meta.dirname, 'peers', 'liteque'), litequeDir, join('better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), {
      scripts: true,
      timeoutMs: 1_200_000,
    }),
  };
}

function runCase(name) {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, ['--case', name, '--jobs', String(JOBS), '--synchronous', SYNCHRONOUS], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message) => resolve(message));
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`case ${name} exited with ${code}`))));
  });
}

/**
 * `--schema-costs`: what the runtime's schema and statements cost its transitions, without any
 * worker. The ideal batched drain; the runtime's acknowledge-and-claim loop (its own SQL, through
 * the store's public `completeAndClaim`) on the current schema, on schema version 1 (the
 * `CHECK (state IN …)`), without the state CHECK and without the lease index; and the ideal's own
 * statements on the runtime's table, which separates what the schema costs from what the
 * runtime's statements add. Interleaved in one warm process, median of 9 rounds, each rate from
 * the process's CPU time (user + system) so that other load on a shared machine weighs less.
 */
async function schemaCosts() {
  const { openSqliteStore } = await import('@steadfast/runtime');
  // Internal on purpose: the variants are the released migrations with parts removed.
  const { MIGRATIONS } = await import(pathToFileURL(join(root, 'packages', 'reference-runtime', 'dist', 'store', 'sqlite', 'migrations.js')).href);
  const current = MIGRATIONS.join(';\n');
  const withoutCheck = current.replace(/CHECK \(state = [^)]*\)/, '');
  if (withoutCheck === current) throw new Error('the current schema has no state CHECK to remove');
  const withoutLeaseIndex = `${current}; DROP INDEX steadfast_jobs_leases;`;
  const filledRuntimeDb = (schema) => {
    const { path, cleanup } = tempDb();
    const raw = new Database(path);
    raw.exec(schema);
    raw.pragma(`user_version = ${MIGRATIONS.length}`);
    const insert = raw.prepare(`INSERT INTO steadfast_jobs (queue, payload, state, priority, run_at, max_attempts, created_at, updated_at)
      VALUES ('noop', ?, 'queued', 0, ?, 3, ?, ?)`);
    raw.transaction(() => {
      for (let i = 0; i < JOBS; i += 1) insert.run(`{"n":${i}}`, Date.now(), Date.now(), Date.now());
    })();
    raw.close();
    return { path, cleanup };
  };
  const runtimeDrainOn = (schema) => {
    const { path, cleanup } = filledRuntimeDb(schema);
    const store = openSqliteStore({ path, synchronous: SYNCHRONOUS, checkpoint: CHECKPOINT });
    const request = { owner: 'bench-worker', queues: ['noop'], limit: BATCH, leaseMs: 30_000 };
    return async () => {
      let acks = [];
      for (;;) {
        const { claimed } = await store.completeAndClaim(acks, request);
        if (claimed.length === 0) break;
        acks = claimed.map(({ lease }) => ({ lease, result: null }));
      }
      await store.close();
      cleanup();
    };
  };
  const idealStatementsOn = (schema, returning = 'id') => {
    const { path, cleanup } = filledRuntimeDb(schema);
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${SYNCHRONOUS}`);
    const claim = db.prepare(
      CLAIM.replaceAll('jobs', 'steadfast_jobs').replace('lease = @lease', 'lease_expires_at = @lease').replace('RETURNING id', `RETURNING ${returning}`),
    );
    const done = db.prepare(`UPDATE steadfast_jobs SET state = 'succeeded' WHERE id = ? AND owner = 'w'`);
    return batchedDrain(db, claim, done, cleanup);
  };
  const idealDrain = () => {
    const { path, cleanup } = tempDb();
    const db = openRaw(path);
    fill(db, JOBS);
    return batchedDrain(db, db.prepare(CLAIM), db.prepare(`UPDATE jobs SET state = 'done' WHERE id = ? AND owner = 'w'`), cleanup);
  };
  // A hot/cold split of the jobs table (a prototype for issue #7, not a shipped schema): the hot
  // table holds only what claim, completion, heartbeat and reaping write or filter on; the cold
  // table what a job carries (payload, result, error, key, timestamps). The runtime's own claim
  // and completion statements, rewritten for the split and run raw, against the same statements
  // run raw on the current single table, so that the difference is the schema's alone.
  const HOT = `CREATE TABLE steadfast_jobs (
      id INTEGER PRIMARY KEY, queue TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state = 'queued' OR state = 'running' OR state = 'succeeded' OR state = 'dead' OR state = 'cancelled'),
      priority INTEGER NOT NULL DEFAULT 0, run_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
      max_attempts INTEGER NOT NULL, owner TEXT, token INTEGER NOT NULL DEFAULT 0, lease_expires_at INTEGER,
      cancel_requested INTEGER NOT NULL DEFAULT 0, finished_at INTEGER);
    CREATE TABLE steadfast_job_bodies (
      id INTEGER PRIMARY KEY, payload TEXT NOT NULL, idempotency_key TEXT, last_error TEXT, result TEXT,
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
    CREATE INDEX steadfast_jobs_ready ON steadfast_jobs (queue, priority DESC, run_at, id) WHERE state = 'queued';
    CREATE INDEX steadfast_jobs_leases ON steadfast_jobs (lease_expires_at) WHERE state = 'running';`;
  const splitDb = (withLeaseIndex = true) => {
    const { path, cleanup } = tempDb();
    const raw = new Database(path);
    raw.exec(withLeaseIndex ? HOT : `${HOT} DROP INDEX steadfast_jobs_leases;`);
    const hot = raw.prepare(`INSERT INTO steadfast_jobs (queue, state, priority, run_at, max_attempts) VALUES ('noop', 'queued', 0, ?, 3) RETURNING id`);
    const cold = raw.prepare(`INSERT INTO steadfast_job_bodies (id, payload, created_at, updated_at) VALUES (?, ?, ?, ?)`);
    raw.transaction(() => {
      for (let i = 0; i < JOBS; i += 1) cold.run(hot.get(Date.now()).id, `{"n":${i}}`, Date.now(), Date.now());
    })();
    raw.close();
    return { path, cleanup };
  };
  // The runtime's claim and completion as of Run 5 (bench/README.md), kept as written then: the
  // hot/cold split below was measured against them. The store has since moved to a read-then-write
  // claim and shared completions (Run 6), which the 'runtime transitions' rows measure.
  const RUNTIME_CLAIM_RAW = `UPDATE steadfast_jobs
     SET state = 'running', owner = @owner, token = token + 1, attempts = attempts + 1, lease_expires_at = @now + @leaseMs, updated_at = @now
   WHERE state = 'queued' AND id IN (SELECT id FROM (SELECT * FROM (SELECT id, priority, run_at FROM steadfast_jobs
        WHERE state = 'queued' AND queue = @q0 AND run_at <= @now ORDER BY priority DESC, run_at, id LIMIT @limit)))
  RETURNING id, queue, payload, priority, run_at, attempts, max_attempts, token`;
  const RUNTIME_COMPLETE_RAW = `UPDATE steadfast_jobs SET state = 'succeeded', result = ?, lease_expires_at = NULL, last_error = NULL,
         finished_at = ?, updated_at = ? WHERE id = ? AND state = 'running' AND owner = ? AND token = ?`;
  // The runtime's loop (acknowledge the previous batch and claim the next in one transaction) with
  // `claimRows(db)` and `completeRow(db)` standing for its statements.
  const rawTransitions = (path, cleanup, claimRows, completeRow) => {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${SYNCHRONOUS}`);
    const claimBatch = claimRows(db);
    const completeOne = completeRow(db);
    const turn = db.transaction((acks, now) => {
      for (const row of acks) completeOne(row, now);
      return claimBatch(now);
    });
    return () => {
      let acks = [];
      for (;;) {
        acks = turn.immediate(acks, Date.now());
        if (acks.length === 0) break;
      }
      db.close();
      cleanup();
    };
  };
  const claimParameters = (now) => ({ owner: 'bench-worker', now, leaseMs: 30_000, limit: BATCH, q0: 'noop' });
  const currentRaw = () => {
    const { path, cleanup } = filledRuntimeDb(current);
    return rawTransitions(
      path,
      cleanup,
      (db) => {
        const claim = db.prepare(RUNTIME_CLAIM_RAW).raw(true);
        return (now) => claim.all(claimParameters(now));
      },
      (db) => {
        const done = db.prepare(RUNTIME_COMPLETE_RAW);
        return (row, now) => done.run(null, now, now, row[0], 'bench-worker', row[7]);
      },
    );
  };
  // payloadRead: 'each' reads every claimed job's payload by primary key; 'json' in one statement
  // over json_each of the claimed ids. coldOnComplete: whether a completion with a null result also
  // touches the cold row (to clear a previous attempt's error, as the current completion does).
  const splitRaw = ({ payloadRead = 'each', coldOnComplete = 'never', withLeaseIndex = true } = {}) => {
    const { path, cleanup } = splitDb(withLeaseIndex);
    return rawTransitions(
      path,
      cleanup,
      (db) => {
        const claim = db.prepare(
          RUNTIME_CLAIM_RAW.replace(', updated_at = @now', '').replace('RETURNING id, queue, payload,', 'RETURNING id, queue,'),
        ).raw(true);
        // 'none' is no usable queue (a worker needs the payload): the bound of what the narrower row buys.
        if (payloadRead === 'none') return (now) => claim.all(claimParameters(now));
        if (payloadRead === 'each') {
          const payloadOf = db.prepare('SELECT payload FROM steadfast_job_bodies WHERE id = ?').pluck();
          return (now) => {
            const rows = claim.all(claimParameters(now));
            for (const row of rows) row.push(payloadOf.get(row[0]));
            return rows;
          };
        }
        const payloads = db.prepare('SELECT b.id, b.payload FROM json_each(?) AS j JOIN steadfast_job_bodies AS b ON b.id = j.value').raw(true);
        return (now) => {
          const rows = claim.all(claimParameters(now));
          if (rows.length === 0) return rows;
          const byId = new Map(payloads.all(JSON.stringify(rows.map((row) => row[0]))));
          for (const row of rows) row.push(byId.get(row[0]));
          return rows;
        };
      },
      (db) => {
        const done = db.prepare(`UPDATE steadfast_jobs SET state = 'succeeded', lease_expires_at = NULL, finished_at = ?
           WHERE id = ? AND state = 'running' AND owner = ? AND token = ?`);
        const coldWrite = db.prepare('UPDATE steadfast_job_bodies SET result = ?, last_error = NULL, updated_at = ? WHERE id = ?');
        const coldGuarded = db.prepare(
          'UPDATE steadfast_job_bodies SET result = ?, last_error = NULL, updated_at = ? WHERE id = ? AND (result IS NOT ? OR last_error IS NOT NULL)',
        );
        return (row, now) => {
          const accepted = done.run(now, row[0], 'bench-worker', row[6]).changes === 1;
          if (!accepted) return;
          if (coldOnComplete === 'always') coldWrite.run(null, now, row[0]);
          else if (coldOnComplete === 'guarded') coldGuarded.run(null, now, row[0], null);
        };
      },
    );
  };
  const variants = {
    'ideal-drain-batch': idealDrain,
    'runtime transitions': () => runtimeDrainOn(current),
    'runtime transitions, schema version 1 (state IN …)': () => runtimeDrainOn(MIGRATIONS[0]),
    'runtime transitions without the state CHECK': () => runtimeDrainOn(withoutCheck),
    'runtime transitions without the lease index': () => runtimeDrainOn(withoutLeaseIndex),
    "ideal's statements on the runtime's table": () => idealStatementsOn(current),
    "ideal's statements on the runtime's table without the lease index": () => idealStatementsOn(withoutLeaseIndex),
    // What any worker needs back from a claim to run the job at all (the ideal returns ids only).
    "ideal's statements on the runtime's table, returning the payload": () => idealStatementsOn(current, 'id, payload'),
    "Run 5's statements run raw (claim by UPDATE … RETURNING; no store JS)": currentRaw,
    'hot/cold split, payload read by id, nothing cold on completion': () => splitRaw(),
    'hot/cold split, payload not read at all (bound, not a usable claim)': () => splitRaw({ payloadRead: 'none' }),
    'hot/cold split, payload read over json_each': () => splitRaw({ payloadRead: 'json' }),
    'hot/cold split, completion clears the cold row if it must (guarded UPDATE)': () => splitRaw({ coldOnComplete: 'guarded' }),
    'hot/cold split, completion always writes the cold row': () => splitRaw({ coldOnComplete: 'always' }),
    'hot/cold split without the lease index': () => splitRaw({ withLeaseIndex: false }),
  };
  const rates = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = 0; round < 9; round += 1) {
    for (const [name, prepare] of Object.entries(variants)) {
      const run = prepare();
      const before = process.cpuUsage();
      await run();
      const used = process.cpuUsage(before);
      rates[name].push(JOBS / ((used.user + used.system) / 1e6));
    }
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const ideal = median(rates['ideal-drain-batch']);
  console.log(`| variant (${JOBS} jobs, synchronous=${SYNCHRONOUS}, median of 9, CPU time) | jobs/CPU-s | vs ideal |\n|---|---:|---:|`);
  for (const [name, values] of Object.entries(rates)) {
    const rate = median(values);
    console.log(`| ${name} | ${Math.round(rate).toLocaleString('en-US')} | ${((rate / ideal) * 100).toFixed(0)}% |`);
  }
}

/** The ideal's drain loop: claim a batch in one transaction, complete it row by row in another. */
function batchedDrain(db, claim, done, cleanup) {
  const claimBatch = db.transaction(() => claim.all({ lease: Date.now() + 30_000, now: Date.now(), limit: BATCH }));
  const completeBatch = db.transaction((rows) => {
    for (const row of rows) done.run(row.id);
  });
  return () => {
    for (;;) {
      const rows = claimBatch.immediate();
      if (rows.length === 0) break;
      completeBatch.immediate(rows);
    }
    db.close();
    cleanup();
  };
}

const caseName = option('case');
if (args.includes('--schema-costs')) {
  await schemaCosts();
} else if (caseName !== undefined) {
  const result = await cases[caseName]();
  if (caseName !== 'runtime-latency-worker') {
    const report = { ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 };
    // Run by hand (`node --cpu-prof bench/runtime.mjs --case runtime-drain-c1`): print instead.
    if (process.send === undefined) console.log(JSON.stringify(report));
    else process.send(report);
    process.exit(0);
  }
} else {
  const havePeers = ensurePeers();
  const names = Object.keys(cases).filter(
    (name) =>
      name !== 'runtime-latency-worker' && (havePeers.plainjob || !name.startsWith('plainjob')) && (havePeers.liteque || !name.startsWith('liteque')),
  );
  // The ratios to the ideal are the point of this bench, and one run of a 0.1–0.3 s case moves by
  // ±30% on a shared 2-core machine: the cases behind those ratios run ROUNDS times, one after the
  // other in every round (so a slow minute hits the ideal and the runtime alike), and each reports
  // its median round. The peers, the latency and the stop cases run once, before the rounds, so
  // that liteque's half minute never sits between an ideal and the runtime it is compared with.
  const repeated = (name) => /^(ideal-|store-|runtime-drain-|runtime-enqueue-)/.test(name);
  const rounds = {};
  const run = async (name, label) => {
    process.stdout.write(`running ${name}${label}…\n`);
    (rounds[name] ??= []).push(await runCase(name));
  };
  for (const name of names.filter((name) => !repeated(name))) await run(name, '');
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const name of names.filter(repeated)) await run(name, ` (round ${round} of ${ROUNDS})`);
  }
  const results = Object.fromEntries(Object.entries(rounds).map(([name, runs]) => [name, medianRun(runs)]));
  const ratio = (value, base) => (base === undefined || typeof value !== 'number' || Number.isNaN(value) ? '' : `${((value / base.rate) * 100).toFixed(0)}%`);
  const ideal = {
    'ideal-insert': 'ideal-insert',
    'runtime-enqueue-1': 'ideal-insert',
    'runtime-enqueue-batch': 'ideal-insert',
    'ideal-drain-1': 'ideal-drain-batch',
    'plainjob-drain-1': 'ideal-drain-batch',
    'liteque-drain-1': 'ideal-drain-batch',
    'store-drain-batch': 'ideal-drain-batch',
    'runtime-drain-c1': 'ideal-drain-batch',
    'runtime-drain-c8': 'ideal-drain-batch',
    'runtime-drain-c1-background': 'ideal-drain-batch',
    'runtime-drain-c8-background': 'ideal-drain-batch',
  };
  console.log(`\n${JOBS} jobs per case, WAL + synchronous=${SYNCHRONOUS}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB\n`);
  console.log('| case | jobs/s | vs ideal (same kind) | vs plainjob drain | peak RSS MB | notes |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const name of names) {
    const result = results[name];
    const rate = typeof result.rate === 'number' && Number.isFinite(result.rate) ? Math.round(result.rate).toLocaleString('en-US') : '';
    const base = rounds[ideal[name]];
    // Each round's own ratio (this case against the ideal measured minutes apart in the same round).
    const perRound =
      base === undefined || name === ideal[name] || rounds[name].length < 2
        ? ''
        : `rounds: ${rounds[name].map((run, index) => ratio(run.rate, base[index])).join(', ')}`;
    const vsIdeal = ideal[name] === undefined ? '' : `${ratio(result.rate, results[ideal[name]])} of ${ideal[name]}`;
    const vsPeer = name.includes('drain') && results['plainjob-drain-1'] ? `${(result.rate / results['plainjob-drain-1'].rate).toFixed(2)}×` : '';
    const maxRssMb = Math.max(...rounds[name].map((run) => run.maxRssMb));
    const notes = [result.extra, perRound].filter((note) => note !== undefined && note !== '').join('; ');
    console.log(`| ${name} | ${rate} | ${vsIdeal} | ${vsPeer} | ${maxRssMb.toFixed(0)} | ${notes} |`);
  }
}
