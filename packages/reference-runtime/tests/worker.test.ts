import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  createWorker,
  NonRetryableError,
  RetryAfterError,
  silentLogger,
  SteadfastError,
  type Store,
  type Worker,
  type WorkerEvents,
  type WorkerOptions,
} from '../src/index.js';
import { openSqliteStore } from '../src/index.js';
import { tempDatabasePath } from './helpers/temp-database.js';
import { deferred, waitFor } from './helpers/wait-for.js';

interface Tasks {
  work: { n: number };
  other: { text: string };
}

const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop({ graceMs: 0 })));
});

function setup() {
  const store = openSqliteStore({ path: tempDatabasePath() });
  const client = createClient<Tasks>({ store });
  return { store, client };
}

function startWorker(options: Partial<WorkerOptions<Tasks>> & Pick<WorkerOptions<Tasks>, 'store'>): Worker<Tasks> {
  const worker = createWorker<Tasks>({
    tasks: { work: () => undefined, other: () => undefined },
    logger: silentLogger,
    pollMs: 20,
    retry: { baseMs: 1, maxMs: 5, jitter: 'none' },
    ...options,
  });
  workers.push(worker);
  return worker;
}

function stateOf(store: Store, id: number) {
  return store.getJob(id).then((job) => job?.state);
}

describe('the worker loop never dies', () => {
  it('records throws, rejections, non-Errors and non-serialisable results as failed attempts and goes on', async () => {
    const { store, client } = setup();
    const behaviours: Record<number, () => unknown> = {
      1: () => {
        throw new Error('sync throw');
      },
      2: () => Promise.reject(new Error('rejected')),
      3: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the point of the test
        throw 'a string';
      },
      4: () => ({ value: 10n }),
      5: () => 'fine',
    };
    const worker = startWorker({ store, tasks: { work: (job) => behaviours[job.payload.n]?.(), other: () => undefined } });
    const ids = [];
    for (const n of [1, 2, 3, 4, 5]) ids.push((await client.enqueue('work', { n }, { maxAttempts: 1 })).id);
    await worker.start();
    await waitFor(async () => (await store.stats()).totals.queued + (await store.stats()).totals.running === 0, 'all jobs settled');
    const jobs = await Promise.all(ids.map((id) => store.getJob(id)));
    expect(jobs.map((job) => job?.state)).toEqual(['dead', 'dead', 'dead', 'dead', 'succeeded']);
    expect(jobs[0]?.lastError).toBe('Error: sync throw');
    expect(jobs[1]?.lastError).toBe('Error: rejected');
    expect(jobs[2]?.lastError).toBe('non-Error thrown: a string');
    expect(jobs[3]?.lastError).toMatch(/BigInt/);
    expect(jobs[4]?.result).toBe('"fine"');
  });

  it('logs a store error inside the loop, backs off and goes on', async () => {
    const { store, client } = setup();
    let failures = 2;
    const flaky: Store = {
      description: store.description,
      now: () => store.now(),
      migrate: () => store.migrate(),
      enqueue: (jobs) => store.enqueue(jobs),
      heartbeat: (request) => store.heartbeat(request),
      complete: (completions) => store.complete(completions),
      fail: (failure) => store.fail(failure),
      release: (leases) => store.release(leases),
      cancel: (jobId) => store.cancel(jobId),
      redrive: (jobId) => store.redrive(jobId),
      reapExpired: () => store.reapExpired(),
      claimPeriodicSlot: (name, slot, owner) => store.claimPeriodicSlot(name, slot, owner),
      getJob: (jobId) => store.getJob(jobId),
      stats: () => store.stats(),
      close: () => store.close(),
      claim: (request) => {
        if (failures > 0) {
          failures -= 1;
          return Promise.reject(new SteadfastError('DATABASE_BUSY', 'SQLITE_BUSY: database is locked'));
        }
        return store.claim(request);
      },
    };
    const errors: WorkerEvents['loop:error'][] = [];
    const worker = startWorker({ store: flaky });
    worker.on('loop:error', (event) => {
      errors.push(event);
    });
    const { id } = await client.enqueue('work', { n: 1 });
    await worker.start();
    await waitFor(async () => (await stateOf(store, id)) === 'succeeded', 'the job to succeed');
    expect(errors.map((event) => event.loop)).toEqual(['slot', 'slot']);
  });

  it('a listener that throws never affects the worker', async () => {
    const { store, client } = setup();
    const worker = startWorker({ store, hooks: { onJobStarted: () => {
      throw new Error('listener bug');
    } } });
    worker.on('job:completed', () => Promise.reject(new Error('async listener bug')));
    const { id } = await client.enqueue('work', { n: 1 });
    await worker.start();
    await waitFor(async () => (await stateOf(store, id)) === 'succeeded', 'the job to succeed');
  });
});

/** `store` with some methods replaced (the SQLite store's own methods keep their `this`). */
function withOverrides(store: Store, overrides: Partial<Store>): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key in overrides) return overrides[key as keyof Store];
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('acknowledge and claim in one transaction', () => {
  it.each([1, 4])('a drain at concurrency %i writes each batch of acknowledgements with the next claim, never on its own', async (concurrency) => {
    const { store, client } = setup();
    const calls = { complete: 0, completeAndClaim: 0 };
    const counting = withOverrides(store, {
      complete: (completions) => {
        calls.complete += 1;
        return store.complete(completions);
      },
      completeAndClaim: (completions, request) => {
        calls.completeAndClaim += 1;
        return store.completeAndClaim(completions, request);
      },
    });
    await client.enqueueMany(Array.from({ length: 30 }, (_, n) => ({ name: 'work' as const, payload: { n } })));
    const worker = startWorker({ store: counting, batchSize: 10, concurrency });
    await worker.start();
    await waitFor(async () => (await store.stats()).totals.succeeded === 30, 'all jobs succeeded');
    expect(calls.complete).toBe(0);
    // Three batches acknowledged with the claims of the second, third and (empty) fourth.
    expect(calls.completeAndClaim).toBe(3);
  });

  it('a failed combined write loses no acknowledgement: they are written again, the slot backs off', async () => {
    const { store, client } = setup();
    let failures = 1;
    const flaky = withOverrides(store, {
      completeAndClaim: (completions, request) => {
        if (failures > 0) {
          failures -= 1;
          return Promise.reject(new SteadfastError('DATABASE_BUSY', 'SQLITE_BUSY: database is locked'));
        }
        return store.completeAndClaim(completions, request);
      },
    });
    const errors: WorkerEvents['loop:error'][] = [];
    const completed: number[] = [];
    const worker = startWorker({ store: flaky, batchSize: 5 });
    worker.on('loop:error', (event) => {
      errors.push(event);
    });
    worker.on('job:completed', (event) => {
      completed.push(event.job.id);
    });
    await client.enqueueMany(Array.from({ length: 12 }, (_, n) => ({ name: 'work' as const, payload: { n } })));
    await worker.start();
    await waitFor(async () => (await store.stats()).totals.succeeded === 12, 'all jobs succeeded');
    expect(errors.map((event) => event.loop)).toEqual(['slot']);
    expect(completed.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    expect((await store.stats()).totals).toMatchObject({ running: 0, dead: 0 });
  });
});

describe('at-least-once, leases and fencing', () => {
  it('startup drains the whole backlog, including jobs whose lease expired while no worker ran', async () => {
    const { store, client } = setup();
    await client.enqueueMany(Array.from({ length: 40 }, (_, n) => ({ name: 'work' as const, payload: { n } })));
    const [orphan] = await store.claim({ owner: 'crashed-worker', queues: ['work'], limit: 1, leaseMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // A poll of one minute: if the worker slept before draining, this test would time out.
    const worker = startWorker({ store, pollMs: 60_000, concurrency: 3, batchSize: 7 });
    await worker.start();
    await waitFor(async () => (await store.stats()).totals.succeeded === 40, 'the backlog to drain');
    expect((await store.getJob(orphan?.job.id ?? 0))?.attempts).toBe(2);
  });

  it('keeps a long job alive with heartbeats: no other worker takes it, it completes once', async () => {
    const { store, client } = setup();
    const runs: string[] = [];
    const slow = (id: string) => async () => {
      runs.push(id);
      await new Promise((resolve) => setTimeout(resolve, 600));
    };
    const a = startWorker({ store, leaseMs: 150, tasks: { work: slow('a'), other: () => undefined }, workerId: 'a' });
    const { id } = await client.enqueue('work', { n: 1 });
    await a.start();
    await waitFor(() => runs.length === 1, 'the job to start');
    const b = startWorker({ store, leaseMs: 150, reapIntervalMs: 20, tasks: { work: slow('b'), other: () => undefined }, workerId: 'b' });
    await b.start();
    await waitFor(async () => (await stateOf(store, id)) === 'succeeded', 'the job to succeed');
    expect(runs).toEqual(['a']);
    expect((await store.getJob(id))?.attempts).toBe(1);
  });

  it('aborts the handler when the lease is lost and discards its late result', async () => {
    const { store, client } = setup();
    const started = deferred();
    const aborted = deferred<unknown>();
    const worker = startWorker({
      store: store,
      leaseMs: 300,
      heartbeatMs: 20,
      tasks: {
        work: async (_job, ctx) => {
          started.resolve();
          ctx.signal.addEventListener('abort', () => {
            aborted.resolve(ctx.signal.reason);
          });
          await new Promise((resolve) => setTimeout(resolve, 200));
          return 'late';
        },
        other: () => undefined,
      },
    });
    const lost: WorkerEvents['lease:lost'][] = [];
    worker.on('lease:lost', (event) => {
      lost.push(event);
    });
    const { id } = await client.enqueue('work', { n: 1 });
    await worker.start();
    await started.promise;
    // Another worker took the job over (as after a lease expiry): owner and token change.
    (store).database.prepare("UPDATE steadfast_jobs SET owner = 'thief', token = token + 1 WHERE id = ?").run(id);
    expect(await aborted.promise).toBe('lease-lost');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await store.getJob(id)).toMatchObject({ state: 'running', owner: 'thief', result: null });
    expect(lost).toEqual([{ jobId: id, reason: 'lease-lost' }]);
  });

  it('cancelling a running job aborts its signal and records it as cancelled', async () => {
    const { store, client } = setup();
    const started = deferred();
    const worker = startWorker({
      store,
      leaseMs: 300,
      heartbeatMs: 20,
      tasks: {
        work: (_job, ctx) =>
          new Promise((_resolve, reject) => {
            started.resolve();
            ctx.signal.addEventListener('abort', () => {
              reject(new Error(String(ctx.signal.reason)));
            });
          }),
        other: () => undefined,
      },
    });
    const { id } = await client.enqueue('work', { n: 1 });
    await worker.start();
    await started.promise;
    expect(await client.cancel(id)).toBe('cancel-requested');
    await waitFor(async () => (await stateOf(store, id)) === 'cancelled', 'the job to be cancelled');
  });
});

describe('retries', () => {
  it('backs off and succeeds on a later attempt', async () => {
    const { store, client } = setup();
    const worker = startWorker({
      store,
      tasks: {
        work: (job) => {
          if (job.attempt < 3) throw new Error(`attempt ${String(job.attempt)}`);
          return job.attempt;
        },
        other: () => undefined,
      },
    });
    const { id } = await client.enqueue('work', { n: 1 }, { maxAttempts: 3 });
    await worker.start();
    await waitFor(async () => (await stateOf(store, id)) === 'succeeded', 'the job to succeed');
    expect(await store.getJob(id)).toMatchObject({ attempts: 3, result: '3' });
  });

  it('a non-retryable error is dead at once; a retry-after does not consume an attempt; dead jobs can be redriven', async () => {
    const { store, client } = setup();
    let retryAfters = 0;
    const worker = startWorker({
      store,
      tasks: {
        work: () => {
          throw new NonRetryableError('bad input');
        },
        other: () => {
          retryAfters += 1;
          if (retryAfters <= 3) throw new RetryAfterError(5);
        },
      },
    });
    const dead = await client.enqueue('work', { n: 1 }, { maxAttempts: 5 });
    const later = await client.enqueue('other', { text: 'x' }, { maxAttempts: 1 });
    const deadEvents: number[] = [];
    worker.on('job:dead', (event) => {
      deadEvents.push(event.job.id);
    });
    await worker.start();
    await waitFor(async () => (await stateOf(store, later.id)) === 'succeeded', 'the retry-after job to succeed');
    await waitFor(async () => (await stateOf(store, dead.id)) === 'dead', 'the non-retryable job to die');
    expect(await store.getJob(dead.id)).toMatchObject({ attempts: 1, lastError: 'NonRetryableError: bad input' });
    expect(await store.getJob(later.id)).toMatchObject({ attempts: 1 });
    expect(deadEvents).toEqual([dead.id]);
    expect(await client.explain(dead.id)).toMatch(/dead after 1 attempt.*Redrive/);
    await client.redrive(dead.id);
    await waitFor(async () => (await store.getJob(dead.id))?.attempts === 1 && (await stateOf(store, dead.id)) === 'dead', 'the redriven job to run again');
    await expect(client.redrive(later.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('shutdown loses nothing', () => {
  it('an idle worker stops at once although its loops sleep for minutes', async () => {
    const { store } = setup();
    const worker = startWorker({
      store,
      pollMs: 600_000,
      reapIntervalMs: 600_000,
      periodic: { rare: { everyMs: 600_000, run: () => undefined } },
    });
    await worker.start();
    await worker.stop();
    expect(worker.state).toBe('stopped');
  }, 5_000);

  it('waits for in-flight jobs within the grace period', async () => {
    const { store, client } = setup();
    const started = deferred();
    const worker = startWorker({
      store,
      tasks: {
        work: async () => {
          started.resolve();
          await new Promise((resolve) => setTimeout(resolve, 100));
        },
        other: () => undefined,
      },
    });
    const { id } = await client.enqueue('work', { n: 1 });
    await worker.start();
    await started.promise;
    await worker.stop({ graceMs: 5_000 });
    expect(await stateOf(store, id)).toBe('succeeded');
  });

  it('a signal first read after the abort (or through a copy of ctx) is already aborted with the reason', async () => {
    const { store, client } = setup();
    const started = deferred();
    const phase = deferred();
    let seen: unknown[] = [];
    const worker = startWorker({
      store,
      leaseMs: 60_000,
      tasks: {
        work: async (_job, ctx) => {
          started.resolve();
          await phase.promise;
          // The first read of the signal is this copy's, after the abort.
          const copy = { ...ctx };
          seen = [copy.signal.aborted, copy.signal.reason, copy.signal === ctx.signal];
        },
        other: () => undefined,
      },
    });
    worker.on('worker:phase', (event) => {
      if (event.phase === 'release') phase.resolve();
    });
    await client.enqueue('work', { n: 1 });
    await worker.start();
    await started.promise;
    await worker.stop({ graceMs: 0 });
    await waitFor(() => seen.length > 0, 'the handler to read its signal');
    expect(seen).toEqual([true, 'shutdown', true]);
  });

  it('aborts what outlives the grace period and releases its lease for another worker at once', async () => {
    const { store, client } = setup();
    const started = deferred();
    let reason: unknown;
    const worker = startWorker({
      store,
      leaseMs: 60_000,
      concurrency: 2,
      batchSize: 5,
      tasks: {
        work: (_job, ctx) =>
          new Promise<void>(() => {
            started.resolve();
            ctx.signal.addEventListener('abort', () => {
              reason = ctx.signal.reason;
            });
          }),
        other: () => undefined,
      },
    });
    const phases: string[] = [];
    worker.on('worker:phase', (event) => {
      phases.push(event.phase);
    });
    const ids = [];
    for (let n = 0; n < 4; n += 1) ids.push((await client.enqueue('work', { n })).id);
    await worker.start();
    await started.promise;
    const first = worker.stop({ graceMs: 30 });
    expect(worker.stop()).toBe(first);
    await first;
    expect(reason).toBe('shutdown');
    expect(phases).toEqual(['stop-claiming', 'drain', 'abort', 'release', 'stopped']);
    const jobs = await Promise.all(ids.map((id) => store.getJob(id)));
    expect(jobs.map((job) => [job?.state, job?.attempts])).toEqual(ids.map(() => ['queued', 0]));
    await expect(worker.start()).rejects.toMatchObject({ code: 'WORKER_STOPPED' });
  });
});

describe('periodic tasks', () => {
  it('run once per slot across workers sharing the store', async () => {
    const { store } = setup();
    const runs: number[] = [];
    const periodic = { tick: { everyMs: 40, run: (ctx: { slot: number }) => void runs.push(ctx.slot) } };
    const a = startWorker({ store, periodic, workerId: 'a' });
    const b = startWorker({ store, periodic, workerId: 'b' });
    await Promise.all([a.start(), b.start()]);
    await waitFor(() => runs.length >= 5, 'five slots');
    await Promise.all([a.stop(), b.stop()]);
    expect(new Set(runs).size).toBe(runs.length);
  });
});

describe('observability', () => {
  it('reports stats per queue and explains a delayed job', async () => {
    const { store, client } = setup();
    const { id } = await client.enqueue('work', { n: 1 }, { delayMs: 60_000 });
    const worker = startWorker({ store });
    await worker.start();
    expect(await worker.explain(id)).toMatch(/delayed until .* \(in (59\.\d|60\.0) s\)/);
    const stats = await worker.stats();
    expect(stats.queues['work']?.queued).toBe(1);
    expect(stats.worker.state).toBe('running');
    expect(await worker.explain(12345)).toBe('No job #12345 exists in this store.');
  });
});
