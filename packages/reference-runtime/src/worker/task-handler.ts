import type { Logger } from '../logging/logger.js';

/** The job as a handler sees it. */
export interface Job<P> {
  readonly id: number;
  /** The task name. */
  readonly name: string;
  readonly payload: P;
  /** 1-based number of this attempt. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** The fencing token of this attempt: pass it to side effects that must be fenced too. */
  readonly token: number;
}

/** Why a handler's signal aborted. */
export type AbortReason = 'lease-lost' | 'cancelled' | 'shutdown';

/** What a handler gets besides its job. */
export interface JobContext {
  /**
   * Aborts when the lease is lost (another worker may now run the job), the job is cancelled, or
   * the worker stops past its grace period. `signal.reason` is an {@link AbortReason}.
   */
  readonly signal: AbortSignal;
  readonly attempt: number;
  /** The worker's logger with the job's id and name bound. */
  readonly logger: Logger;
  /** The id of the worker running this attempt. */
  readonly workerId: string;
}

/** A job handler: resolve to succeed (the value, if any, is stored as the job's result). */
export type TaskHandler<P> = (job: Job<P>, context: JobContext) => unknown;

/** What a periodic task gets. */
export interface PeriodicContext {
  /** Aborts when the worker stops past its grace period. */
  readonly signal: AbortSignal;
  /** The slot being run: `floor(time / everyMs)`. */
  readonly slot: number;
  readonly logger: Logger;
  readonly workerId: string;
}

/** A task that runs once per `everyMs` slot across every worker sharing the store. */
export interface PeriodicTask {
  /** Slot length in ms (≥ 10). */
  readonly everyMs: number;
  /** The work of one slot. An error is logged and reported; the next slot runs as usual. */
  readonly run: (context: PeriodicContext) => unknown;
}
