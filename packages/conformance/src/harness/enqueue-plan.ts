import type { JobExpectation } from '../checkers/history-model.js';
import type { HandlerStep } from './handler-plan.js';

/** One job a test enqueues through the kit's recording client. */
export interface EnqueuePlan {
  /** The kit's key; unique within a test. */
  readonly key: string;
  /** What the handler does on each execution. */
  readonly plan: readonly HandlerStep[];
  /** What the checkers expect of it (default `complete`). */
  readonly expect?: JobExpectation;
  /** Executions allowed beyond `maxAttempts` (a fenced execution that could not complete). */
  readonly extraAttempts?: number;
  readonly maxAttempts?: number;
  readonly delayMs?: number;
  readonly priority?: number;
  readonly idempotencyKey?: string;
  /** Extra payload data (round-trip tests). */
  readonly blob?: unknown;
}
