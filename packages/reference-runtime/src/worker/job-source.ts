import type { ClaimedJob, Store } from '../store/store.js';
import type { AckBatcher } from './ack-batcher.js';
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
  #buffer: ClaimedJob[] = [];
  #nextIndex = 0;
  #refilling: Promise<void> | undefined;

  constructor(deps: JobSourceDeps) {
    this.#deps = deps;
  }

  /** The next buffered job, or `undefined` when the buffer is empty (or the worker is stopping). */
  take(): ClaimedJob | undefined {
    if (this.#nextIndex >= this.#buffer.length || this.#deps.isStopping()) return undefined;
    const claimed = this.#buffer[this.#nextIndex];
    this.#nextIndex += 1;
    return claimed;
  }

  /** The next claimed job, claiming a batch when the buffer is empty; `undefined` when nothing is due. */
  async next(): Promise<ClaimedJob | undefined> {
    const buffered = this.take();
    if (buffered !== undefined || this.#deps.isStopping()) return buffered;
    this.#refilling ??= this.#refill().finally(() => {
      this.#refilling = undefined;
    });
    await this.#refilling;
    return this.take();
  }

  /** Jobs claimed but never started (to release on shutdown). */
  takeUnstarted(): ClaimedJob[] {
    const unstarted = this.#buffer.slice(this.#nextIndex);
    this.#buffer = [];
    this.#nextIndex = 0;
    return unstarted;
  }

  async #refill(): Promise<void> {
    if (this.#deps.acks.pending > 0) await this.#deps.acks.flush();
    await yieldToEventLoop();
    if (this.#deps.isStopping() || this.#nextIndex < this.#buffer.length) return;
    const claimed = await this.#deps.store.claim({
      owner: this.#deps.owner,
      queues: this.#deps.queues,
      limit: this.#deps.batchSize,
      leaseMs: this.#deps.leaseMs,
    });
    for (const { lease, job } of claimed) this.#deps.keeper.hold(lease, job.leaseExpiresAt ?? this.#deps.store.now() + this.#deps.leaseMs);
    this.#buffer = claimed;
    this.#nextIndex = 0;
  }
}
