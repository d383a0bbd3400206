import type { Completion, Store } from '../store/store.js';

/** A completion waiting to be written; `settle` is told whether its lease still held. */
export interface PendingAck extends Completion {
  /** Called once: after the write committed, or with `false` when the batcher gave up (shutdown). */
  settle(accepted: boolean): void;
}

/**
 * Acknowledges successful attempts in batches: completions that arrive in the same turn of the
 * event loop share one transaction (written `maxBatch` at a time), either their own at the next
 * turn or the job source's next claim (`takeBatch`), whichever comes first. A job is acknowledged
 * only after its handler resolved, and its lease stays held (and heartbeated) until the
 * acknowledgement commits, so batching can delay a completion but never lose a job (ADR 0009).
 * Outcomes are reported by callback, not by one promise per job: a drain acknowledges every job.
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
  #idleWaiters: (() => void)[] = [];
  /** Completions handed out by `takeBatch` and not yet reported back. */
  #outside = 0;
  /** Claims under way that will take the pending completions (`beginClaim`/`endClaim`). */
  #claims = 0;
  #abandoned = false;

  constructor(store: Store, maxBatch: number, onError: (error: unknown) => void) {
    this.#store = store;
    this.#maxBatch = maxBatch;
    this.#onError = onError;
  }

  /** Queue a completion; its `settle` is called once it was written. */
  complete(ack: PendingAck): void {
    // Never written at once: completions of one turn are few (at most the jobs held), and the
    // job source's claim, usually in the same turn, takes them into its own transaction.
    this.#pending.push(ack);
    this.#schedule();
  }

  /**
   * A claim that will take the pending completions (`takeBatch`) is under way: until `endClaim`,
   * the turn-end flush leaves them to it, so the completions of every slot finishing in this turn
   * share the claim's transaction.
   */
  beginClaim(): void {
    this.#claims += 1;
  }

  /** The claim announced by `beginClaim` is over; whatever it did not take is flushed next turn. */
  endClaim(): void {
    this.#claims -= 1;
    if (this.#pending.length > 0 && this.#retryTimer === undefined) this.#schedule();
  }

  /**
   * Hand up to `maxBatch` pending completions to a caller that writes them in its own transaction
   * (acknowledge-and-claim). It must report back with `written` or `putBack`.
   */
  takeBatch(): PendingAck[] {
    const batch = this.#pending.splice(0, this.#maxBatch);
    this.#outside += batch.length;
    return batch;
  }

  /** A batch from `takeBatch` was committed: `accepted[i]` says whether `batch[i]`'s lease held. */
  written(batch: readonly PendingAck[], accepted: readonly boolean[]): void {
    this.#outside -= batch.length;
    batch.forEach((ack, index) => {
      ack.settle(accepted[index] === true);
    });
    this.#wakeIdleWaiters();
  }

  /** A batch from `takeBatch` was not written (its transaction failed or never ran): queue it again. */
  putBack(batch: readonly PendingAck[]): void {
    this.#outside -= batch.length;
    if (this.#abandoned) {
      for (const ack of batch) ack.settle(false);
      this.#wakeIdleWaiters();
      return;
    }
    this.#pending.unshift(...batch);
    if (this.#retryTimer === undefined) this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      // A claim under way takes them into its own transaction; `endClaim` schedules what is left.
      if (this.#claims === 0) this.#flushFromTimer();
    });
  }

  get pending(): number {
    return this.#pending.length;
  }

  /** Resolves once nothing is pending or being written (every `settle` was called). */
  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => {
      this.#idleWaiters.push(resolve);
    });
  }

  #isIdle(): boolean {
    return this.#pending.length === 0 && this.#flushing === undefined && this.#outside === 0;
  }

  #wakeIdleWaiters(): void {
    if (!this.#isIdle()) return;
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  // `flush` retries failed writes itself, but a settle callback that throws would reject it; from
  // a timer callback that rejection would end the process, so it is reported like a failed write.
  #flushFromTimer(): void {
    this.flush().catch((error: unknown) => {
      this.#onError(error);
    });
  }

  /** Write every pending completion. Never rejects: a failed write is retried with backoff. */
  flush(): Promise<void> {
    this.#flushing ??= this.#flushAll().finally(() => {
      this.#flushing = undefined;
      // A completion queued after the loop's last check but before this point joined a flush
      // that was already ending: schedule its own, unless a retry after an error is pending.
      if (this.#pending.length > 0 && this.#retryTimer === undefined) this.#schedule();
      this.#wakeIdleWaiters();
    });
    return this.#flushing;
  }

  async #flushAll(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0, this.#maxBatch);
      let accepted: boolean[];
      try {
        accepted = await this.#store.complete(batch);
        this.#failures = 0;
      } catch (error) {
        this.#pending = [...batch, ...this.#pending];
        this.#failures += 1;
        this.#onError(error);
        clearTimeout(this.#retryTimer);
        this.#retryTimer = setTimeout(() => {
          this.#retryTimer = undefined;
          this.#flushFromTimer();
        }, Math.min(5000, 50 * 2 ** this.#failures));
        return;
      }
      batch.forEach((ack, index) => {
        ack.settle(accepted[index] === true);
      });
    }
  }

  /** Give up on what is still pending (shutdown): those jobs run again after their lease. */
  abandon(): void {
    this.#abandoned = true;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    for (const ack of this.#pending.splice(0)) ack.settle(false);
    this.#wakeIdleWaiters();
  }
}
