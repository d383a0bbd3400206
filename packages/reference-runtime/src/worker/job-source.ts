import type { ClaimRequest, ClaimedJob, Store } from '../store/store.js';
import type { AckBatcher } from './ack-batcher.js';
import type { HeldLease } from './held-lease.js';
import type { LeaseKeeper } from './lease-keeper.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** What the source needs from its worker. */
export interface JobSourceDeps {
  readonly store: Store;
  readonly owner: string;
  readonly queues: readonly string[];
  readonly batchSize: number;
  readonly leaseMs: number;
  readonly keeper: LeaseKeeper;
  readonly acks: AckBatcher;
  readonly isStopping: () => boolean;
}

/**
 * Hands claimed jobs to the slots. Claims a batch in one transaction when its buffer is empty, one
 * claim at a time however many slots ask; pending acknowledgements are written first, so a
 * drain alternates "acknowledge a batch, claim a batch". A buffered job is taken without a
 * promise: most of a drain's jobs come from the buffer.
 */
export class JobSource {
  readonly #deps: JobSourceDeps;
  /** The last claim's jobs, held from the moment they were claimed. */
  #buffer: HeldLease[] = [];
  #nextIndex = 0;
  #refilling: Promise<void> | undefined;

  constructor(deps: JobSourceDeps) {
    this.#deps = deps;
  }

  /** The next buffered job, or `undefined` when the buffer is empty (or the worker is stopping). */
  take(): HeldLease | undefined {
    if (this.#nextIndex >= this.#buffer.length || this.#deps.isStopping()) return undefined;
    const claimed = this.#buffer[this.#nextIndex];
    this.#nextIndex += 1;
    return claimed;
  }

  /** The next claimed job, claiming a batch when the buffer is empty; `undefined` when nothing is due. */
  async next(): Promise<HeldLease | undefined> {
    const buffered = this.take();
    if (buffered !== undefined || this.#deps.isStopping()) return buffered;
    this.#refilling ??= this.#refill().finally(() => {
      this.#refilling = undefined;
    });
    await this.#refilling;
    return this.take();
  }

  /** Jobs claimed but never started (to release on shutdown). */
  takeUnstarted(): HeldLease[] {
    const unstarted = this.#buffer.slice(this.#nextIndex);
    this.#buffer = [];
    this.#nextIndex = 0;
    return unstarted;
  }

  async #refill(): Promise<void> {
    const { acks, store } = this.#deps;
    if (store.completeAndClaim === undefined) {
      if (acks.pending > 0) await acks.flush();
      await yieldToEventLoop();
      if (this.#deps.isStopping()) return;
      this.#fill(await store.claim(this.#request()));
      return;
    }
    // The acknowledgements of this turn (every slot's, not only the one that found the buffer
    // empty) ride on the claim's transaction: one commit per turn instead of two.
    acks.beginClaim();
    try {
      await yieldToEventLoop();
      if (this.#deps.isStopping()) return;
      const batch = acks.takeBatch();
      if (batch.length === 0) {
        this.#fill(await store.claim(this.#request()));
        return;
      }
      let result;
      try {
        result = await store.completeAndClaim(batch, this.#request());
      } catch (error) {
        // Neither part was written: the acknowledgements are queued again, the slot backs off.
        acks.putBack(batch);
        throw error;
      }
      this.#fill(result.claimed);
      acks.written(batch, result.accepted);
    } finally {
      acks.endClaim();
    }
  }

  #request(): ClaimRequest {
    return { owner: this.#deps.owner, queues: this.#deps.queues, limit: this.#deps.batchSize, leaseMs: this.#deps.leaseMs };
  }

  /** Hold the leases of fresh claims and buffer them. */
  #fill(claimed: ClaimedJob[]): void {
    const { keeper, leaseMs, store } = this.#deps;
    this.#buffer = claimed.map((one) => keeper.hold(one, one.job.leaseExpiresAt ?? store.now() + leaseMs));
    this.#nextIndex = 0;
  }
}
