import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConformanceAdapter, ConformanceEnvironment } from '../adapter.js';
import { buildHistoryModel, jobCompleted } from '../checkers/history-model.js';
import { PropertyFailure, Inconclusive } from '../catalogue/test-outcome.js';
import type { History, HistoryEvent } from '../history/history-event.js';
import { HistoryStore } from '../history/history-store.js';
import { waitUntil, waitUntilAsync } from './bounded-wait.js';
import { CHILD_CONFIG_VARIABLE, type ChildConfig, type ChildMessage, type ClientScript, type WorkerSettings } from './child-config.js';
import type { EnqueuePlan } from './enqueue-plan.js';
import { KIT_PERIODIC_TASK, KIT_TASK } from './handler-plan.js';
import type { KitSettings } from './kit-settings.js';
import { RecordingClient } from './recording-client.js';
import { AdapterError } from '../runner/load-adapter.js';
import { SpawnedProcess, type FaultSignal, type ProcessExit } from './spawned-process.js';

const CHILD_SCRIPT = fileURLToPath(new URL('./child/child-main.js', import.meta.url));

/** A worker or client process of one test. */
export class KitProcess {
  readonly role: 'worker' | 'client';
  readonly #process: SpawnedProcess;
  readonly #history: HistoryStore;

  constructor(role: 'worker' | 'client', process: SpawnedProcess, history: HistoryStore) {
    this.role = role;
    this.#process = process;
    this.#history = history;
  }

  /** The process id (and process group id). */
  get pid(): number {
    return this.#process.pid;
  }

  /** Resolves on the `exit` event. */
  get exited(): Promise<ProcessExit> {
    return this.#process.exited;
  }

  /** Whether the `exit` event was seen. */
  get hasExited(): boolean {
    return this.#process.hasExited;
  }

  /** The tail of the process's stdout and stderr. */
  get output(): string {
    return this.#process.output;
  }

  /** Sends a fault to the process group and records it first. */
  signal(signal: FaultSignal): void {
    if (this.#process.hasExited) return;
    this.#history.append({ type: 'fault', pid: this.pid, data: { signal } });
    this.#process.signal(signal);
  }

  /** Asks the worker to call `stop({ graceMs })` `calls` times at once. */
  stop(graceMs: number, calls = 1): void {
    this.#process.send({ type: 'stop', graceMs, calls });
  }

  /** Asks the running worker to call `start()` again, `calls` times at once. */
  startAgain(calls: number): void {
    this.#process.send({ type: 'start', calls });
  }

  /** Asks the worker to stop, then to `start()` the same instance again. */
  restart(graceMs: number): void {
    this.#process.send({ type: 'restart', graceMs });
  }
}

/** Options of one test run. */
export interface TestRunOptions {
  readonly adapter: ConformanceAdapter;
  readonly adapterUrl: string;
  readonly testId: string;
  readonly settings: KitSettings;
  /** Seed of randomised tests (C9). */
  readonly seed: number;
  /** Parent directory for this run's private directory. */
  readonly workDirectory: string;
}

/**
 * Everything one test owns: a private directory, a fresh environment, the shared history, its
 * processes and its client. `cleanup()` reaps all of it, whatever state the test left.
 */
export class TestRun {
  readonly settings: KitSettings;
  /** Seed of randomised tests: the same seed gives the same random choices (not the same OS schedule). */
  readonly seed: number;
  readonly directory: string;
  readonly historyFile: string;
  readonly history: HistoryStore;
  readonly adapter: ConformanceAdapter;
  /** The URL child processes import the adapter from. */
  readonly adapterUrl: string;
  #phase = 'setup';
  #env: ConformanceEnvironment | undefined;
  #client: RecordingClient | undefined;
  readonly #processes: KitProcess[] = [];
  readonly #options: TestRunOptions;

  constructor(options: TestRunOptions) {
    this.#options = options;
    this.adapter = options.adapter;
    this.adapterUrl = options.adapterUrl;
    this.settings = options.settings;
    this.seed = options.seed;
    this.directory = mkdtempSync(join(options.workDirectory, `${options.testId}-`));
    this.historyFile = join(this.directory, 'history.db');
    this.history = HistoryStore.open(this.historyFile);
  }

  /** The phase the test is in, for timeout messages. */
  get phase(): string {
    return this.#phase;
  }

  /** Names the current phase; a timeout reports the phase it happened in. */
  enter(phase: string): void {
    this.#phase = phase;
    this.history.append({ type: 'note', data: { phase } });
  }

  /** The environment, created on first use. */
  async env(): Promise<ConformanceEnvironment> {
    if (this.#env === undefined) {
      const env = await this.adapter.createEnvironment({ directory: this.directory, id: this.#options.testId.toLowerCase() });
      // Child processes only ever see the JSON form: an environment that does not survive it would fail there, obscurely.
      if (typeof env !== 'object' || env === null || JSON.stringify(JSON.parse(JSON.stringify(env)) as unknown) !== JSON.stringify(env)) {
        throw new AdapterError('createEnvironment() must return a plain JSON object (it is sent to child processes as JSON)');
      }
      this.#env = env;
    }
    return this.#env;
  }

  /** The test process's own recording client, opened on first use. */
  async client(): Promise<RecordingClient> {
    this.#client ??= new RecordingClient(await this.adapter.openClient(await this.env(), { tasks: [KIT_TASK, KIT_PERIODIC_TASK] }), this.history);
    return this.#client;
  }

  /** Closes the test process's client (so that it cannot be the one that dequeues). */
  async closeClient(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    await client?.raw.close();
  }

  /** Enqueues jobs one after the other. */
  async enqueue(...plans: EnqueuePlan[]): Promise<string[]> {
    const client = await this.client();
    const ids: string[] = [];
    for (const plan of plans) ids.push((await client.enqueue(plan)).id);
    return ids;
  }

  /** Starts a worker process and resolves once its worker started. */
  async spawnWorker(overrides: Partial<WorkerSettings> = {}): Promise<KitProcess> {
    const worker: WorkerSettings = {
      concurrency: 1,
      leaseMs: this.settings.leaseMs,
      pollMs: this.settings.pollMs,
      retryDelayMs: this.settings.retryDelayMs,
      sigtermGraceMs: 2000,
      beforeCompleteHook: this.adapter.capabilities.includes('beforeCompleteHook'),
      ...overrides,
    };
    return this.#spawn({ role: 'worker', worker, adapterUrl: this.#options.adapterUrl, env: await this.env(), historyFile: this.historyFile });
  }

  /** Starts a client process running `script`. */
  async spawnClient(script: ClientScript): Promise<KitProcess> {
    return this.#spawn({ role: 'client', client: script, adapterUrl: this.#options.adapterUrl, env: await this.env(), historyFile: this.historyFile });
  }

  async #spawn(config: ChildConfig): Promise<KitProcess> {
    const child = new SpawnedProcess(CHILD_SCRIPT, { ...process.env, [CHILD_CONFIG_VARIABLE]: JSON.stringify(config) }, (spawned, exit) => {
      this.history.append({ type: 'proc.exit', pid: spawned.pid, data: { code: exit.code, signal: exit.signal, role: config.role } });
    });
    const kit = new KitProcess(config.role, child, this.history);
    this.#processes.push(kit);
    const ready = new Promise<void>((resolve, reject) => {
      child.onMessage((message) => {
        const typed = message as ChildMessage;
        if (typed.type === 'ready') resolve();
        if (typed.type === 'failed') reject(new Error(`${config.role} process ${child.pid} failed to start: ${typed.message}`));
      });
      void child.exited.then((exit) => {
        // A worker whose first job kills it (a planned crash) may die before it could say it was ready.
        if (this.events().some((e) => e.type === 'exec.start' && e.pid === child.pid)) resolve();
        reject(new Error(`${config.role} process ${child.pid} exited before it was ready (${exit.signal ?? exit.code ?? '?'}): ${child.output.slice(-2000)}`));
      });
    });
    await withTimeout(ready, 10_000 + this.settings.slackMs, `${config.role} process ${child.pid} to start`);
    return kit;
  }

  /**
   * Lets time pass on purpose: the passing time is the fault (a job waiting in the backlog, an
   * outage held). Never used to wait for an effect; that is what `waitFor` is for.
   */
  async elapse(what: string, ms: number): Promise<void> {
    this.history.append({ type: 'note', data: { elapse: what, ms } });
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Every event so far. */
  events(): History {
    return this.history.read();
  }

  /** Waits for a condition on the history; the timeout message names it and the phase. */
  waitFor<T>(what: string, timeoutMs: number, probe: (events: History) => T | undefined | false): Promise<T> {
    return waitUntil(`${what} (phase: ${this.#phase})`, timeoutMs, () => probe(this.events()));
  }

  /** Waits for an asynchronous condition (e.g. on the adapter's `stats()`). */
  waitForAsync(what: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> {
    return waitUntilAsync(`${what} (phase: ${this.#phase})`, timeoutMs, probe);
  }

  /**
   * Watches for `timeoutMs` that something does NOT happen; resolves with what happened, if it did.
   * Used only where a violation is an event that would otherwise never be seen (a job run early, a
   * job run after it was dead); the window is derived from the declared poll interval and lease.
   */
  async watchFor<T>(what: string, windowMs: number, probe: (events: History) => T | undefined | false): Promise<T | undefined> {
    try {
      return await waitUntil(what, windowMs, () => probe(this.events()));
    } catch {
      return undefined;
    }
  }

  /** Waits until `count` executions of `key` have started; resolves with their start events. */
  waitForStarts(key: string, count: number, timeoutMs: number): Promise<HistoryEvent[]> {
    return this.waitFor(`${count} start(s) of ${key}`, timeoutMs, (events) => {
      const starts = events.filter((e) => e.type === 'exec.start' && e.key === key);
      return starts.length >= count ? starts : undefined;
    });
  }

  /** Waits until every listed job has a completed settlement. */
  async waitForCompleted(keys: readonly string[], timeoutMs: number): Promise<void> {
    await this.waitFor(`completion of ${keys.length} job(s)`, timeoutMs, (events) => {
      const model = buildHistoryModel(events);
      return keys.every((key) => {
        const job = model.jobs.get(key);
        return job !== undefined && jobCompleted(job);
      })
        ? true
        : undefined;
    });
  }

  /** Waits for a process's exit, bounded. */
  async waitForExit(process: KitProcess, timeoutMs: number): Promise<ProcessExit> {
    return withTimeout(process.exited, timeoutMs, `process ${process.pid} (${process.role}) to exit (phase: ${this.#phase})`);
  }

  /** Opens a gate: every handler parked on it returns. */
  openGate(gate: string): void {
    this.history.append({ type: 'gate.open', key: gate });
  }

  /** Records that the intended fault happened; otherwise the test is inconclusive. */
  precondition(what: string, observed: boolean): void {
    if (!observed) throw new Inconclusive(`precondition not observed: ${what}`);
    this.history.append({ type: 'note', data: { precondition: what } });
  }

  /** A test-specific property. */
  check(property: string, holds: boolean, message: string, witness: readonly HistoryEvent[] = []): void {
    if (!holds) throw new PropertyFailure(property, message, witness);
  }

  /** Jobs enqueued with expectation `complete` that have no completion yet. */
  pendingKeys(): string[] {
    const model = buildHistoryModel(this.events());
    return [...model.jobs.values()]
      .filter((job) => job.expect === 'complete' && job.ok !== undefined && !jobCompleted(job))
      .map((job) => job.key);
  }

  /** Heals (one fresh worker) and waits until every job expected to complete has completed. */
  async drain(timeoutMs = this.settings.leaseMs + this.settings.slackMs * 2): Promise<void> {
    this.enter('drain');
    const pending = this.pendingKeys();
    if (pending.length === 0) return;
    const alive = this.#processes.some((p) => p.role === 'worker' && !p.hasExited);
    if (!alive) await this.spawnWorker({ concurrency: 4 });
    await this.waitForCompleted(pending, timeoutMs);
  }

  /** Kills every process this test started (resuming stopped ones), closes everything, removes the directory. */
  async cleanup(): Promise<void> {
    for (const process of this.#processes) {
      process.signal('SIGCONT');
      process.signal('SIGKILL');
    }
    await Promise.all(this.#processes.map((p) => withTimeout(p.exited, 10_000, `process ${p.pid} to die`).catch(() => undefined)));
    await this.closeClient().catch(() => undefined);
    this.history.close();
    if (this.#env !== undefined) await this.adapter.destroyEnvironment?.(this.#env);
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** Rejects with a clear message when `promise` takes longer than `timeoutMs`. */
export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
