import type { AbortReason } from './task-handler.js';

/** A named step of `stop()`, in order. */
export type ShutdownPhase = 'stop-claiming' | 'drain' | 'abort' | 'release' | 'stopped';

/** Which loop an error came from. */
export type LoopName = 'slot' | 'heartbeat' | 'reaper' | 'ack' | 'periodic';

/** Summary of a job in events. */
export interface JobEventInfo {
  readonly id: number;
  readonly name: string;
  readonly attempt: number;
  readonly maxAttempts: number;
}

/**
 * How an attempt ended, as committed to (or refused by) the store: `completed`, `retried`,
 * `dead`, `cancelled`; `refused` when the lease was no longer held (fencing: the result was
 * discarded); `released` when shutdown gave the job back without counting the attempt.
 */
export type SettlementOutcome = 'completed' | 'retried' | 'dead' | 'cancelled' | 'refused' | 'released';

/** Every event a worker emits, with its payload. */
export interface WorkerEvents {
  'job:started': { readonly job: JobEventInfo };
  'job:completed': { readonly job: JobEventInfo; readonly durationMs: number };
  /** Any failed attempt, whatever comes next. */
  'job:failed': { readonly job: JobEventInfo; readonly error: string };
  'job:retried': { readonly job: JobEventInfo; readonly error: string; readonly retryAt: number };
  'job:dead': { readonly job: JobEventInfo; readonly error: string };
  'job:cancelled': { readonly job: JobEventInfo };
  /** Exactly once per started attempt that reached an outcome, after the store's commit. */
  'job:settled': { readonly job: JobEventInfo; readonly outcome: SettlementOutcome };
  /** The worker no longer holds a job it started: its result is discarded. */
  'lease:lost': { readonly jobId: number; readonly reason: AbortReason | 'fenced' };
  /** A loop caught an error (a store failure, a bug) and goes on after a backoff. */
  'loop:error': { readonly loop: LoopName; readonly error: unknown };
  'periodic:completed': { readonly name: string; readonly slot: number };
  'periodic:failed': { readonly name: string; readonly slot: number; readonly error: string };
  'worker:phase': { readonly phase: ShutdownPhase };
}

/** Handlers for events, given as an option instead of calling `worker.on`. */
export interface WorkerHooks {
  /** @hook */
  readonly onJobStarted?: (event: WorkerEvents['job:started']) => void;
  /** @hook */
  readonly onJobCompleted?: (event: WorkerEvents['job:completed']) => void;
  /** @hook */
  readonly onJobFailed?: (event: WorkerEvents['job:failed']) => void;
  /** @hook redrive */
  readonly onJobDead?: (event: WorkerEvents['job:dead']) => void;
  /** @hook */
  readonly onLeaseLost?: (event: WorkerEvents['lease:lost']) => void;
  /** @hook */
  readonly onLoopError?: (event: WorkerEvents['loop:error']) => void;
}
