import { describe, expect, it } from 'vitest';
import { backoffDelay, decideFailure, DEFAULT_RETRY_POLICY, NonRetryableError, RetryAfterError } from '../src/index.js';

const policy = { ...DEFAULT_RETRY_POLICY, baseMs: 100, maxMs: 1000 };

describe('backoffDelay', () => {
  it('grows exponentially up to maxMs without jitter', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, { ...policy, jitter: 'none' }))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('equal jitter stays within [d/2, d]; full jitter within [0, d]', () => {
    expect(backoffDelay(3, { ...policy, jitter: 'equal' }, () => 0)).toBe(200);
    expect(backoffDelay(3, { ...policy, jitter: 'equal' }, () => 1)).toBe(400);
    expect(backoffDelay(3, { ...policy, jitter: 'full' }, () => 0)).toBe(0);
    expect(backoffDelay(3, { ...policy, jitter: 'full' }, () => 0.5)).toBe(200);
  });
});

describe('decideFailure', () => {
  it('retries with backoff while attempts remain, then goes dead', () => {
    expect(decideFailure(new Error('x'), 1, 3, 1000, { ...policy, jitter: 'none' })).toEqual({ retryAt: 1100, countsAsAttempt: true });
    expect(decideFailure(new Error('x'), 3, 3, 1000, policy)).toEqual({ retryAt: null, countsAsAttempt: true });
  });

  it('a NonRetryableError is dead at once; a RetryAfterError gives the attempt back', () => {
    expect(decideFailure(new NonRetryableError('no'), 1, 9, 0, policy)).toEqual({ retryAt: null, countsAsAttempt: true });
    expect(decideFailure(new RetryAfterError(250), 9, 9, 1000, policy)).toEqual({ retryAt: 1250, countsAsAttempt: false });
  });
});
