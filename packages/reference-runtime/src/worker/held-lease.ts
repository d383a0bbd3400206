import type { ClaimedJob, ClaimedJobRecord, Lease } from '../store/store.js';
import type { Positioned } from './positioned-set.js';
import type { AbortReason } from './task-handler.js';

/**
 * One claimed job this worker holds: the job, its lease, and the abort state of its attempt. The
 * `AbortController` behind `signal` is made only when someone asks for the signal (most handlers
 * never do, and one per job is a measurable part of a drain); an abort that came first is replayed
 * on it, so the signal a handler gets is aborted, with the same reason, in every case where an
 * eager one would be.
 */
export class HeldLease implements Positioned {
  readonly job: ClaimedJobRecord;
  readonly lease: Lease;
  /** Local view of the lease's expiry, moved on every successful heartbeat. */
  expiresAt: number;
  /** The lease keeper's bookkeeping (−1 once it no longer holds the lease). */
  position = -1;
  #reason: AbortReason | undefined;
  #controller: AbortController | undefined;

  constructor(claimed: ClaimedJob, expiresAt: number) {
    this.job = claimed.job;
    this.lease = claimed.lease;
    this.expiresAt = expiresAt;
  }

  /** Aborts on lease loss, cancellation or shutdown; `reason` is the first {@link AbortReason}. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#reason !== undefined) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  get aborted(): boolean {
    return this.#reason !== undefined;
  }

  /** Why the attempt was aborted, or `undefined` while it was not. */
  get reason(): AbortReason | undefined {
    return this.#reason;
  }

  /** Abort the attempt; like `AbortController.abort`, only the first reason counts. */
  abort(reason: AbortReason): void {
    if (this.#reason !== undefined) return;
    this.#reason = reason;
    this.#controller?.abort(reason);
  }
}
