import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logging/logger.js';
import { contextOf } from '../src/worker/handler-arguments.js';
import { HeldLease } from '../src/worker/held-lease.js';

function held(): HeldLease {
  const leaseExpiresAt = Date.now() + 30_000;
  const job = { id: 7, queue: 'task', payload: '{}', priority: 0, runAt: 0, attempts: 2, maxAttempts: 3, token: 3, leaseExpiresAt };
  return new HeldLease({ job, lease: { jobId: 7, owner: 'w1', token: 3 } }, leaseExpiresAt);
}

describe('the ctx a handler gets', () => {
  it('has signal, attempt, logger and workerId as own enumerable properties, and nothing else', () => {
    const ctx = contextOf(held(), 2, silentLogger, 'w1');
    expect(Object.keys(ctx).sort()).toEqual(['attempt', 'logger', 'signal', 'workerId']);
    expect(Object.getOwnPropertySymbols(ctx)).toEqual([]);
    expect({ ...ctx }).toEqual({ signal: ctx.signal, attempt: 2, logger: silentLogger, workerId: 'w1' });
  });

  it('makes the signal on the first read and returns the same one after, also through a copy', () => {
    const lease = held();
    const ctx = contextOf(lease, 1, silentLogger, 'w1');
    const first = ctx.signal;
    expect(ctx.signal).toBe(first);
    expect({ ...ctx }.signal).toBe(first);
    lease.abort('cancelled');
    expect(first.aborted).toBe(true);
    expect(first.reason).toBe('cancelled');
  });

  it('gives a signal first read after the abort already aborted, with its reason', () => {
    const lease = held();
    const ctx = contextOf(lease, 1, silentLogger, 'w1');
    lease.abort('lease-lost');
    expect({ ...ctx }.signal.reason).toBe('lease-lost');
  });
});
