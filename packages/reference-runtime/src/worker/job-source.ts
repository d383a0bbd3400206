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
 * drain alternates "acknowledge a batch, claim a batch".
 */
export class JobSource {
  readonly #deps: JobSourceDeps;
  #buffer: ClaimedJob[] = [];
  #refilling: Promise<void> | undefined;

  constructor(deps: JobSourceDeps) {
    this.#deps = deps;
  }

  /** The next claimed job, or `undefined` when nothing is due (or the worker is stopping). */
  async next(): Promise<ClaimedJob | undefined> {
    if (this.#buffer.length === 0) {
      this.#refilling ??= this.#refill().finally(() => {
        this.#refilling = undefined;
      });
      await this.#refilling;
    }
    return this.#deps.isStopping() ? undefined : this.#buffer.shift();
  }

  /** Jobs claimed but never started (to release on shutdown). */
  takeUnstarted(): ClaimedJob[] {
    return this.#buffer.splice(0);
  }

  async #refill(): Promise<void> {
    if (this.#deps.acks.pending > 0) await this.#deps.acks.flush();
    await yieldToEventLoop();
    if (this.#deps.isStopping()) return;
    const claimed = await this.#deps.store.claim({
      owner: this.#deps.owner,
      queues: this.#deps.queues,
      limit: this.#deps.batchSize,
      leaseMs: this.#deps.leaseMs,
    });
    for (const job of claimed) this.#deps.keeper.hold(job.lease);
    this.#buffer.push(...claimed);
  }
}
