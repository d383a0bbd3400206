// Hazard 1 — unguarded loop body (seed 002, tasks 1 and 4).
//
// A task server drains completed tasks into long-term memory and requeues tasks whose agent went
// quiet. Both loops run for the life of the process. Neither catches anything: the first time the
// database is busy or the summariser times out, the loop's promise rejects, nobody awaits it, and
// draining (or requeueing) stops for good while the server keeps answering health checks.
import { setTimeout as sleep } from 'node:timers/promises';

export interface CompletedTask {
  taskId: string;
  agent: string;
  result: string;
}

export interface TaskQueue {
  /** Completed tasks not yet written to memory. */
  drainCompleted(): CompletedTask[];
  markDone(taskId: string): void;
  requeueStale(staleAfterMs: number): number;
  failExhausted(maxAttempts: number): number;
}

export interface Executor {
  execute(task: CompletedTask): Promise<void>;
}

export interface MemoryStore {
  upsertMemorySummary(task: CompletedTask): Promise<void>;
}

export interface Logger {
  info(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

const DRAIN_INTERVAL_MS = 2_000;
const REQUEUE_INTERVAL_MS = 30_000;
const STALE_AFTER_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

export class TaskServer {
  private readonly stopController = new AbortController();
  private drainTask: Promise<void> | undefined;
  private requeueTask: Promise<void> | undefined;

  constructor(
    private readonly taskQueue: TaskQueue,
    private readonly executor: Executor,
    private readonly memory: MemoryStore,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.drainTask = this.drainLoop(this.stopController.signal);
    this.requeueTask = this.requeueLoop(this.stopController.signal);
  }

  async stop(): Promise<void> {
    this.stopController.abort();
    await Promise.allSettled([this.drainTask, this.requeueTask]);
  }

  /** Seed 002, task 1 (before): one failed drain or one failed task ends draining for good. */
  private async drainLoop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const completed = this.taskQueue.drainCompleted();
      for (const task of completed) {
        await this.executor.execute(task);
        await this.memory.upsertMemorySummary(task);
        this.taskQueue.markDone(task.taskId);
      }
      this.logger.info('drained', completed.length);
      await sleep(DRAIN_INTERVAL_MS, undefined, { signal });
    }
  }

  /** Seed 002, task 4 (before): a requeue round that throws ends requeueing for good. */
  private async requeueLoop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await sleep(REQUEUE_INTERVAL_MS, undefined, { signal });
      const requeued = this.taskQueue.requeueStale(STALE_AFTER_MS);
      const failed = this.taskQueue.failExhausted(MAX_ATTEMPTS);
      this.logger.info('requeue round', { requeued, failed });
    }
  }
}
