import type { Logger } from '../logging/logger.js';
import type { ClaimedJobRecord } from '../store/store.js';
import type { HeldLease } from './held-lease.js';
import type { Job, JobContext } from './task-handler.js';

/**
 * The `job` a handler gets. The payload is parsed on first read and then kept (the same object on
 * every read): a handler that never reads it costs no parse. Payloads were validated as JSON when
 * they were enqueued.
 */
export class JobView implements Job<unknown> {
  readonly id: number;
  readonly name: string;
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly token: number;
  readonly #text: string;
  #parsed = false;
  #payload: unknown;

  constructor(record: ClaimedJobRecord) {
    this.id = record.id;
    this.name = record.queue;
    this.attempt = record.attempts;
    this.maxAttempts = record.maxAttempts;
    this.token = record.token;
    this.#text = record.payload;
  }

  get payload(): unknown {
    if (!this.#parsed) {
      this.#payload = JSON.parse(this.#text);
      this.#parsed = true;
    }
    return this.#payload;
  }

  /** Plain data for logs and `JSON.stringify`, as if `payload` were a field. */
  toJSON(): Job<unknown> {
    return { id: this.id, name: this.name, payload: this.payload, attempt: this.attempt, maxAttempts: this.maxAttempts, token: this.token };
  }
}

/** The `ctx` a handler gets; its `signal` is the held lease's, made on first read. */
export class AttemptContext implements JobContext {
  readonly attempt: number;
  readonly logger: Logger;
  readonly workerId: string;
  readonly #held: HeldLease;

  constructor(held: HeldLease, attempt: number, logger: Logger, workerId: string) {
    this.#held = held;
    this.attempt = attempt;
    this.logger = logger;
    this.workerId = workerId;
  }

  get signal(): AbortSignal {
    return this.#held.signal;
  }
}
