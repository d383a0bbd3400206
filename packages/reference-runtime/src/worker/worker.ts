import type { AnyTasks, TaskMap } from '../client/task-map.js';
import { SteadfastError } from '../errors/steadfast-error.js';
import { explainJob } from '../explain/explain-job.js';
import { TypedEvents, type Listener } from '../events/typed-events.js';
import type { StoreStats } from '../store/store.js';
import { AckBatcher } from './ack-batcher.js';
import { JobRunner } from './job-runner.js';
import { JobSource } from './job-source.js';
import { LeaseKeeper } from './lease-keeper.js';
import { loopBackoff } from './loop-backoff.js';
import { runPeriodicLoop } from './periodic-loop.js';
import { runSlotLoop } from './slot-loop.js';
import { Wakeup } from './wakeup.js';
import type { LoopName, ShutdownPhase, WorkerEvents, WorkerHooks } from './worker-events.js';
import { resolveWorkerOptions, type ResolvedWorkerOptions, type WorkerOptions } from './worker-options.js';

/** Where a worker is in its life. Workers are not restartable: create a new one. */
export type WorkerState = 'idle' | 'starting' | 'running' | 'stopping' | 'stopped';

/** Options of `stop`. */
export interface StopOptions {
  /** How long in-flight jobs may finish before their signals abort. Default: the worker's `graceMs`. */
  readonly graceMs?: number;
}

/** Options of `stopOnSignals`. */
export interface StopOnSignalsOptions extends StopOptions {
  /** Default `['SIGTERM', 'SIGINT']`. */
  readonly signals?: readonly NodeJS.Signals[];
  /** Exit the process once stopped (code 0, or 130 after a forced stop). Default true. */
  readonly exit?: boolean;
}

/** A worker's local view, added to the store's stats. */
export interface WorkerStats extends StoreStats {
  readonly worker: {
    readonly id: string;
    readonly state: WorkerState;
    /** Jobs whose lease this worker holds (running, prefetched or awaiting acknowledgement). */
    readonly leasesHeld: number;
  };
}

const HOOK_EVENTS: readonly (readonly [keyof WorkerHooks, keyof WorkerEvents])[] = [
  ['onJobStarted', 'job:started'],
  ['onJobCompleted', 'job:completed'],
  ['onJobFailed', 'job:failed'],
  ['onJobDead', 'job:dead'],
  ['onLeaseLost', 'lease:lost'],
  ['onLoopError', 'loop:error'],
];

/**
 * The supervisor: owns the slots, the lease keeper, the reaper, the periodic loops and the
 * shutdown phases. The slot loop itself (`runSlotLoop`) is small and knows none of this.
 */
export class Worker<T extends TaskMap = AnyTasks> {
  /** This worker's id in leases and slot claims. */
  readonly id: string;
  readonly #options: ResolvedWorkerOptions;
  readonly #events: TypedEvents<WorkerEvents>;
  readonly #keeper: LeaseKeeper;
  readonly #acks: AckBatcher;
  readonly #source: JobSource;
  readonly #runner: JobRunner;
  readonly #slotWakeup = new Wakeup();
  readonly #serviceWakeup = new Wakeup();
  readonly #periodicAbort = new AbortController();
  #state: WorkerState = 'idle';
  #loops: Promise<void>[] = [];
  #startPromise: Promise<void> | undefined;
  #stopPromise: Promise<void> | undefined;
  #force: (() => void) | undefined;
  #forced = false;
  #unsubscribe: (() => void) | undefined;

  constructor(options: WorkerOptions<T>) {
    this.#options = resolveWorkerOptions(options);
    this.id = this.#options.workerId;
    this.#events = new TypedEvents<WorkerEvents>(this.#options.logger);
    for (const [hook, event] of HOOK_EVENTS) {
      const listener = this.#options.hooks[hook];
      if (listener !== undefined) this.#events.on(event, listener as Listener<WorkerEvents[typeof event]>);
    }
    const { store, workerId, leaseMs, heartbeatMs, batchSize } = this.#options;
    this.#keeper = new LeaseKeeper({
      store,
      owner: workerId,
      leaseMs,
      heartbeatMs,
      onLost: (jobId, reason) => {
        this.#options.logger.warn({ jobId, reason }, 'lease lost; the job is aborted here and may run elsewhere');
        this.#events.emit('lease:lost', { jobId, reason });
      },
      onError: (error) => {
        this.#loopError('heartbeat', error);
      },
    });
    this.#acks = new AckBatcher(store, Math.max(batchSize, 64), (error) => {
      this.#loopError('ack', error);
    });
    this.#source = new JobSource({
      store,
      owner: workerId,
      queues: [...this.#options.handlers.keys()],
      batchSize,
      leaseMs,
      keeper: this.#keeper,
      acks: this.#acks,
      isStopping: () => this.#isStopping(),
    });
    this.#runner = new JobRunner(this.#options, this.#keeper, this.#acks, this.#events);
  }

  get state(): WorkerState {
    return this.#state;
  }

  /**
   * Listen to an event. A listener that throws is logged and never affects the worker.
   * Returns the function that removes the listener.
   */
  on<E extends keyof WorkerEvents>(event: E, listener: Listener<WorkerEvents[E]>): () => void {
    return this.#events.on(event, listener);
  }

  #isStopping(): boolean {
    return this.#state === 'stopping' || this.#state === 'stopped';
  }

  /** Report a loop's error; never throws, so a broken logger cannot end the loop reporting. */
  #loopError(loop: LoopName, error: unknown): void {
    try {
      this.#options.logger.error({ loop, err: error }, 'worker loop error; retrying with backoff');
    } catch {
      // The event below still carries the error.
    }
    this.#events.emit('loop:error', { loop, error });
  }

  #phase(phase: ShutdownPhase): void {
    this.#options.logger.info({ workerId: this.id, phase }, 'worker shutdown phase');
    this.#events.emit('worker:phase', { phase });
  }

  /**
   * Start claiming and running jobs. Recovers expired leases first, then drains the whole backlog
   * before it ever sleeps. Idempotent while running; a stopped worker refuses (`WORKER_STOPPED`).
   * @operation
   */
  start(): Promise<void> {
    if (this.#isStopping()) {
      return Promise.reject(new SteadfastError('WORKER_STOPPED', `Worker ${this.id} was stopped; create a new worker to run again.`));
    }
    this.#startPromise ??= this.#start();
    return this.#startPromise;
  }

  async #start(): Promise<void> {
    this.#state = 'starting';
    const { store } = this.#options;
    try {
      await store.reapExpired();
    } catch (error) {
      this.#state = 'idle';
      this.#startPromise = undefined;
      throw error;
    }
    if (this.#isStopping()) return;
    this.#state = 'running';
    this.#keeper.start();
    this.#unsubscribe = store.subscribe?.(() => {
      this.#slotWakeup.wakeAll();
    });
    const slot = () =>
      runSlotLoop({
        take: () => this.#source.take(),
        next: () => this.#source.next(),
        run: (claimed) => this.#runner.run(claimed),
        isStopping: () => this.#isStopping(),
        wakeup: this.#slotWakeup,
        pollMs: this.#options.pollMs,
        onError: (error) => {
          this.#loopError('slot', error);
        },
      });
    this.#loops = Array.from({ length: this.#options.handlers.size === 0 ? 0 : this.#options.concurrency }, slot);
    this.#loops.push(this.#reaperLoop());
    for (const [name, task] of this.#options.periodic) {
      this.#loops.push(
        runPeriodicLoop({
          name,
          task,
          store,
          workerId: this.id,
          wakeup: this.#serviceWakeup,
          isStopping: () => this.#isStopping(),
          signal: this.#periodicAbort.signal,
          logger: this.#options.logger,
          events: this.#events,
          onError: (error) => {
            this.#loopError('periodic', error);
          },
        }),
      );
    }
  }

  /** Requeues jobs whose lease expired (crashed workers), on every live worker. */
  async #reaperLoop(): Promise<void> {
    let failures = 0;
    while (!this.#isStopping()) {
      try {
        await this.#serviceWakeup.sleep(failures > 0 ? loopBackoff(failures) : 0);
        const reaped = await this.#options.store.reapExpired();
        if (reaped.requeued.length > 0) this.#slotWakeup.wakeAll();
        failures = 0;
        await this.#serviceWakeup.sleep(this.#options.reapIntervalMs);
      } catch (error) {
        failures += 1;
        this.#loopError('reaper', error);
      }
    }
  }

  /**
   * Stop: no new claims, every sleeping loop woken at once, in-flight jobs given `graceMs` to
   * finish, the rest aborted through their signal and their leases released so another worker
   * may take them at once. Idempotent; concurrent callers share one promise. Never rejects.
   * @operation
   */
  stop(options: StopOptions = {}): Promise<void> {
    if (this.#stopPromise !== undefined) return this.#stopPromise;
    const graceMs = options.graceMs ?? this.#options.graceMs;
    if (!(Number.isFinite(graceMs) && graceMs >= 0)) {
      return Promise.reject(new SteadfastError('INVALID_OPTIONS', `\`graceMs\` must be ≥ 0, got ${String(graceMs)}.`));
    }
    this.#stopPromise = this.#shutdown(graceMs);
    return this.#stopPromise;
  }

  async #shutdown(graceMs: number): Promise<void> {
    const wasRunning = this.#startPromise !== undefined;
    this.#state = 'stopping';
    this.#phase('stop-claiming');
    this.#unsubscribe?.();
    this.#slotWakeup.close();
    this.#serviceWakeup.close();
    if (wasRunning) {
      await this.#startPromise?.catch(() => undefined);
      this.#phase('drain');
      let graceTimer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<void>((resolve) => {
        // A second signal may arrive before this phase begins: then there is no grace at all.
        if (this.#forced) {
          resolve();
          return;
        }
        graceTimer = setTimeout(resolve, graceMs);
        this.#force = resolve;
      });
      const drained = Promise.all(this.#loops).then(() => this.#runner.acknowledgements());
      await Promise.race([drained, graceOver]);
      clearTimeout(graceTimer);
      this.#phase('abort');
      this.#periodicAbort.abort('shutdown');
      await this.#acks.flush();
      // Leases are collected before pending acknowledgements are given up, so those jobs are
      // released with the rest instead of waiting for their lease to expire.
      const leases = this.#keeper.abortAll('shutdown');
      this.#acks.abandon();
      for (const held of this.#source.takeUnstarted()) {
        if (!leases.some((lease) => lease.jobId === held.lease.jobId)) leases.push(held.lease);
      }
      this.#keeper.stop();
      this.#phase('release');
      try {
        await this.#options.store.release(leases);
        this.#runner.settleReleased(leases.map((lease) => lease.jobId));
      } catch (error) {
        // The leases then expire on their own and the jobs run again: late, never lost.
        this.#loopError('slot', error);
      }
    }
    this.#state = 'stopped';
    this.#phase('stopped');
  }

  /**
   * Stop on SIGTERM/SIGINT with the grace period; a second signal cuts the grace short. Returns
   * the function that removes the listeners.
   */
  stopOnSignals(options: StopOnSignalsOptions = {}): () => void {
    const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
    const exit = options.exit ?? true;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (this.#stopPromise !== undefined) {
        this.#options.logger.warn({ signal }, 'second signal: aborting in-flight jobs now');
        this.#forced = true;
        this.#force?.();
        return;
      }
      this.#options.logger.info({ signal }, 'signal received: stopping');
      void this.stop(options).then(() => {
        if (exit) process.exit(this.#forced ? 130 : 0);
      });
    };
    for (const signal of signals) process.on(signal, onSignal);
    return () => {
      for (const signal of signals) process.off(signal, onSignal);
    };
  }

  /** The store's counts plus this worker's leases. */
  async stats(): Promise<WorkerStats> {
    const stats = await this.#options.store.stats();
    return { ...stats, worker: { id: this.id, state: this.#state, leasesHeld: this.#keeper.size } };
  }

  /** In words, why a job is or is not running. */
  async explain(jobId: number): Promise<string> {
    const { store } = this.#options;
    return explainJob(await store.getJob(jobId), jobId, store.now());
  }
}

/**
 * Create a worker that claims and runs the given tasks and periodic tasks.
 *
 * ```ts
 * const worker = createWorker<Tasks>({ store, tasks: { significance: async (job, ctx) => {} } });
 * await worker.start();
 * worker.stopOnSignals();
 * ```
 */
export function createWorker<T extends TaskMap>(options: WorkerOptions<T>): Worker<T> {
  return new Worker<T>(options);
}
