import type { Completion, Store } from '../store/store.js';

interface PendingAck {
  readonly completion: Completion;
  readonly settle: (accepted: boolean) => void;
}

/**
 * Acknowledges successful attempts in batches: completions that arrive in the same turn of the
 * event loop (or up to `maxBatch`) share one transaction. A job is acknowledged only after its
 * handler resolved, and its lease stays held (and heartbeated) until the acknowledgement commits,
 * so batching can delay a completion but never lose a job (ADR 0009).
 */
export class AckBatcher {
  readonly #store: Store;
  readonly #maxBatch: number;
  readonly #onError: (error: unknown) => void;
  #pending: PendingAck[] = [];
  #flushing: Promise<void> | undefined;
  #scheduled = false;
  #failures = 0;
  #retryTimer: NodeJS.Timeout | undefined;

  constructor(store: Store, maxBatch: number, onError: (error: unknown) => void) {
    this.#store = store;
    this.#maxBatch = maxBatch;
    this.#onError = onError;
  }

  /** Queue a completion; resolves to whether its lease still held when it was written. */
  complete(completion: Completion): Promise<boolean> {
    return new Promise((settle) => {
      this.#pending.push({ completion, settle });
      if (this.#pending.length >= this.#maxBatch) void this.flush();
      else this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.flush();
    });
  }

  get pending(): number {
    return this.#pending.length;
  }

  /** Write every pending completion. Never rejects: a failed write is retried with backoff. */
  flush(): Promise<void> {
    this.#flushing ??= this.#flushAll().finally(() => {
      this.#flushing = undefined;
      // A completion queued after the loop's last check but before this point joined a flush
      // that was already ending: schedule its own, unless a retry after an error is pending.
      if (this.#pending.length > 0 && this.#retryTimer === undefined) this.#schedule();
    });
    return this.#flushing;
  }

  async #flushAll(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0, this.#maxBatch);
      try {
        const accepted = await this.#store.complete(batch.map((ack) => ack.completion));
        batch.forEach((ack, index) => {
          ack.settle(accepted[index] === true);
        });
        this.#failures = 0;
      } catch (error) {
        this.#pending = [...batch, ...this.#pending];
        this.#failures += 1;
        this.#onError(error);
        clearTimeout(this.#retryTimer);
        this.#retryTimer = setTimeout(() => {
          this.#retryTimer = undefined;
          void this.flush();
        }, Math.min(5000, 50 * 2 ** this.#failures));
        return;
      }
    }
  }

  /** Give up on what is still pending (shutdown): those jobs run again after their lease. */
  abandon(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    for (const ack of this.#pending.splice(0)) ack.settle(false);
  }
}
