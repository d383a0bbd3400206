import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, openSqliteStore } from '../src/index.js';
import { tempDatabasePath } from './helpers/temp-database.js';
import { waitFor } from './helpers/wait-for.js';
import { spawnWorkerProcess, type WorkerProcess } from './helpers/worker-process.js';

interface Run {
  job_id: number;
  pid: number;
  attempt: number;
  started_at: number;
  finished_at: number | null;
}

const processes: WorkerProcess[] = [];
afterEach(() => {
  for (const worker of processes.splice(0)) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
});

async function spawn(config: Parameters<typeof spawnWorkerProcess>[0]): Promise<WorkerProcess> {
  const worker = await spawnWorkerProcess(config);
  processes.push(worker);
  return worker;
}

function setup() {
  const path = tempDatabasePath();
  const store = openSqliteStore({ path });
  const client = createClient({ store });
  const runs = (): Run[] => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare('SELECT * FROM test_runs ORDER BY rowid').all() as Run[];
    } finally {
      db.close();
    }
  };
  return { path, store, client, runs };
}

describe('several processes on one database file', () => {
  it('a worker killed with SIGKILL mid-job loses nothing: another runs it after the lease expires', async () => {
    const { path, store, client, runs } = setup();
    const { id } = await client.enqueue('act', { hangOnAttempt: 1 });
    const a = await spawn({ path, leaseMs: 400 });
    await a.waitForMessage((message) => 'started' in message, 'the first attempt');
    a.child.kill('SIGKILL');
    expect((await a.exited).signal).toBe('SIGKILL');
    const leaseAtKill = (await store.getJob(id))?.leaseExpiresAt ?? Number.POSITIVE_INFINITY;
    const b = await spawn({ path, leaseMs: 400, reapIntervalMs: 50 });
    await waitFor(async () => (await store.getJob(id))?.state === 'succeeded', 'the job to be redelivered and succeed');
    const history = runs();
    expect(history.map((run) => [run.pid, run.attempt])).toEqual([
      [a.child.pid, 1],
      [b.child.pid, 2],
    ]);
    // Redelivered only once the dead worker's lease had expired, never while it was valid.
    expect(history[1]?.started_at).toBeGreaterThanOrEqual(leaseAtKill);
  });

  it('a worker restarted after a SIGKILL mid-backlog drains what is left, including the jobs the dead one held', async () => {
    const { path, store, client, runs } = setup();
    await client.enqueueMany(Array.from({ length: 60 }, () => ({ name: 'act', payload: { sleepMs: 5 } })));
    const first = await spawn({ path, concurrency: 2, leaseMs: 400, reapIntervalMs: 50 });
    await waitFor(() => runs().filter((run) => run.finished_at !== null).length >= 15, 'fifteen completions');
    first.child.kill('SIGKILL');
    await first.exited;
    await spawn({ path, concurrency: 2, leaseMs: 400, reapIntervalMs: 50 });
    await waitFor(async () => (await store.stats()).totals.succeeded === 60, 'the whole backlog', 15_000);
  });

  it('a poison job that kills its worker every time stops after maxAttempts', async () => {
    const { path, store, client, runs } = setup();
    const { id } = await client.enqueue('act', { crash: true }, { maxAttempts: 2 });
    for (let crash = 0; crash < 2; crash += 1) {
      const worker = await spawn({ path, leaseMs: 200, reapIntervalMs: 50 });
      expect((await worker.exited).signal).toBe('SIGKILL');
    }
    const survivor = await spawn({ path, leaseMs: 200, reapIntervalMs: 50 });
    await waitFor(async () => (await store.getJob(id))?.state === 'dead', 'the poison job to be dead');
    expect(await store.getJob(id)).toMatchObject({ attempts: 2 });
    expect(runs()).toHaveLength(2);
    survivor.child.kill('SIGTERM');
    expect((await survivor.exited).code).toBe(0);
  });

  it('several worker processes never run a job twice', async () => {
    const { path, store, client, runs } = setup();
    // Workers first, then the jobs: all three race for every batch.
    const workers = await Promise.all([1, 2, 3].map(() => spawn({ path, concurrency: 3 })));
    await client.enqueueMany(Array.from({ length: 150 }, (_, n) => ({ name: 'act', payload: { sleepMs: 5 + (n % 5) } })));
    await waitFor(async () => (await store.stats()).totals.succeeded === 150, 'every job to succeed', 30_000);
    const history = runs();
    expect(history).toHaveLength(150);
    expect(new Set(history.map((run) => run.job_id)).size).toBe(150);
    expect(new Set(history.map((run) => run.pid)).size).toBeGreaterThan(1);
    for (const worker of workers) worker.child.kill('SIGTERM');
    expect((await Promise.all(workers.map((worker) => worker.exited))).map((exit) => exit.code)).toEqual([0, 0, 0]);
  });

  it('SIGTERM lets in-flight jobs finish within the grace and releases the one that outlives it', async () => {
    const { path, store, client } = setup();
    const quick = await client.enqueue('act', { sleepMs: 150 });
    const stuck = await client.enqueue('act', { hangOnAttempt: 1 });
    const worker = await spawn({ path, concurrency: 2, graceMs: 400 });
    await worker.waitForMessage((message) => 'started' in message && message.started === stuck.id, 'the stuck job to start');
    await worker.waitForMessage((message) => 'started' in message && message.started === quick.id, 'the quick job to start');
    worker.child.kill('SIGTERM');
    expect((await worker.exited).code).toBe(0);
    expect(await store.getJob(quick.id)).toMatchObject({ state: 'succeeded' });
    expect(await store.getJob(stuck.id)).toMatchObject({ state: 'queued', attempts: 0, leaseExpiresAt: null });
  });

  it('a second SIGTERM cuts the grace short: the stuck job is released and the process exits with 130', async () => {
    const { path, store, client } = setup();
    const stuck = await client.enqueue('act', { hangOnAttempt: 1 });
    const worker = await spawn({ path, graceMs: 60_000 });
    await worker.waitForMessage((message) => 'started' in message, 'the stuck job to start');
    worker.child.kill('SIGTERM');
    // Two signals sent at once may be merged by the kernel: wait until the first one is handled.
    await worker.waitForMessage((message) => 'phase' in message && message.phase === 'drain', 'the drain phase');
    worker.child.kill('SIGTERM');
    expect((await worker.exited).code).toBe(130);
    expect(await store.getJob(stuck.id)).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('a periodic task runs once per slot across processes', async () => {
    const { path } = setup();
    const workers = await Promise.all([1, 2].map(() => spawn({ path, periodicEveryMs: 50 })));
    const slots = (): { slot: number; pid: number }[] => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare('SELECT slot, pid FROM test_periodic').all() as { slot: number; pid: number }[];
      } finally {
        db.close();
      }
    };
    await waitFor(() => slots().length >= 8, 'eight slots');
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((worker) => worker.exited));
    const seen = slots().map((row) => row.slot);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
