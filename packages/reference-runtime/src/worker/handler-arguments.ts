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
 *
 * A class rather than an object literal with `get signal()`: V8 builds such a literal through its
 * runtime, with a new getter function per object (about 0.3–0.5 µs per job, measured in Node 20),
 * while one shared descriptor defined on an instance costs about a fifth of that. The held lease
 * sits in a private field, so neither a spread nor `JSON.stringify` nor `Object.keys` sees it.
 */
class HandlerContext implements JobContext {
  static readonly #signal: PropertyDescriptor = {
    get(this: HandlerContext): AbortSignal {
      return this.#held.signal;
    },
    enumerable: true,
  };

  declare readonly signal: AbortSignal;
  readonly attempt: number;
  readonly logger: Logger;
  readonly workerId: string;
  readonly #held: HeldLease;

  constructor(held: HeldLease, attempt: number, logger: Logger, workerId: string) {
    this.#held = held;
    Object.defineProperty(this, 'signal', HandlerContext.#signal);
    this.attempt = attempt;
    this.logger = logger;
    this.workerId = workerId;
  }
}

/** The `ctx` a handler gets (see {@link HandlerContext}). */
export function contextOf(held: HeldLease, attempt: number, logger: Logger, workerId: string): JobContext {
  return new HandlerContext(held, attempt, logger, workerId);
}
