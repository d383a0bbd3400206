/**
 * Throw from a handler when the job should run again later for a reason that is not its fault
 * (a rate limit, a dependency not ready yet). The job is re-queued after `delayMs` and the attempt
 * is not counted against `maxAttempts`.
 */
export class RetryAfterError extends Error {
  /** How long to wait before the next attempt, in milliseconds. */
  readonly delayMs: number;

  constructor(delayMs: number, message = `retry after ${String(delayMs)} ms`, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RetryAfterError';
    this.delayMs = Math.max(0, Number.isFinite(delayMs) ? delayMs : 0);
  }
}
