import type { Logger } from '../logging/logger.js';
import type { ClaimedJobRecord } from '../store/store.js';
import type { HeldLease } from './held-lease.js';
import type { Job, JobContext } from './task-handler.js';

/** The `job` a handler gets: plain data (spreading or serialising it keeps every field). */
export function jobOf(record: ClaimedJobRecord): Job<unknown> {
  return {
    id: record.id,
    name: record.queue,
    payload: JSON.parse(record.payload) as unknown,
    attempt: record.attempts,
    maxAttempts: record.maxAttempts,
    token: record.token,
  };
}

/**
 * The `ctx` a handler gets. `signal` is an own, enumerable getter (so `{ ...ctx }` still carries
 * the signal): the held lease makes its `AbortController` on the first read.
 */
export function contextOf(held: HeldLease, attempt: number, logger: Logger, workerId: string): JobContext {
  return {
    get signal(): AbortSignal {
      return held.signal;
    },
    attempt,
    logger,
    workerId,
  };
}
