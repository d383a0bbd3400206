import { NonRetryableError } from '../errors/non-retryable-error.js';
import { RetryAfterError } from '../errors/retry-after-error.js';

/** How the delay between attempts grows. */
export interface RetryPolicy {
  /** Delay before the second attempt, in ms. Default 1000. */
  readonly baseMs: number;
  /** Upper bound of any delay, in ms. Default 300 000 (5 min). */
  readonly maxMs: number;
  /** Growth per attempt. Default 2. */
  readonly factor: number;
  /**
   * `full`: uniform in [0, d]; `equal` (default): uniform in [d/2, d]; `none`: exactly d. Jitter
   * spreads retries of jobs that failed together (an outage) so they do not return together.
   */
  readonly jitter: 'full' | 'equal' | 'none';
}

/** The defaults of {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 1000, maxMs: 300_000, factor: 2, jitter: 'equal' };

/** Delay before the attempt after `attempt` (1-based) failed. Pure given `random`. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * policy.factor ** exponent);
  switch (policy.jitter) {
    case 'none':
      return Math.round(ceiling);
    case 'full':
      return Math.round(ceiling * random());
    case 'equal':
      return Math.round(ceiling / 2 + (ceiling / 2) * random());
  }
}

/** What to record for a failed attempt. */
export interface FailureDecision {
  /** When to run again, or `null`: dead now. */
  readonly retryAt: number | null;
  /** False when the attempt is given back (retry-after). */
  readonly countsAsAttempt: boolean;
}

/**
 * The decision for a failed attempt: a `NonRetryableError` is dead at once; a `RetryAfterError`
 * waits its delay without using an attempt; anything else backs off, and is dead after the last
 * attempt (the store re-checks this in its guard). Pure given `now` and `random`.
 */
export function decideFailure(
  error: unknown,
  attempt: number,
  maxAttempts: number,
  now: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): FailureDecision {
  if (error instanceof NonRetryableError) return { retryAt: null, countsAsAttempt: true };
  if (error instanceof RetryAfterError) return { retryAt: now + error.delayMs, countsAsAttempt: false };
  if (attempt >= maxAttempts) return { retryAt: null, countsAsAttempt: true };
  return { retryAt: now + backoffDelay(attempt, policy, random), countsAsAttempt: true };
}
