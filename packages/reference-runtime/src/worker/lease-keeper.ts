import type { ClaimedJob, Lease, Store } from '../store/store.js';
import { HeldLease } from './held-lease.js';
import { PositionedSet } from './positioned-set.js';
import type { AbortReason } from './task-handler.js';

/** What the keeper needs from its worker. */
export interface LeaseKeeperDeps {
  readonly store: Store;
  readonly owner: string;
  readonly leaseMs: number;
  readonly heartbeatMs: number;
  readonly onLost: (jobId: number, reason: AbortReason) => void;
  readonly onError: (error: unknown) => void;
}

/**
 * Every lease this worker holds, renewed together by one timer (like BullMQ's lock manager, not
 * one timer per job). The period is a third of the lease by default, so two heartbeats can fail
 * before a lease expires. A lease the store no longer grants, or one not renewed before its
 * expiry (the store unreachable), aborts its job's signal: the worker fences itself.
 */
export class LeaseKeeper {
  // Held leases are found through the objects themselves, never by job id: a drain holds and
  // forgets one per job, and a map keyed by ever-new ids costs far more (see PositionedSet).
  readonly #held = new PositionedSet<HeldLease>();
  readonly #deps: LeaseKeeperDeps;
  #timer: NodeJS.Timeout | undefined;
  #beating = false;

  constructor(deps: LeaseKeeperDeps) {
    this.#deps = deps;
  }

  /** Track a fresh claim; `expiresAt` is the expiry the claim wrote. */
  hold(claimed: ClaimedJob, expiresAt: number): HeldLease {
    const held = new HeldLease(claimed, expiresAt);
    this.#held.add(held);
    return held;
  }

  /** True while `held` is still held: not forgotten, lost, or given up at shutdown. */
  holds(held: HeldLease): boolean {
    return this.#held.has(held);
  }

  /** Stop tracking a job whose attempt was recorded. */
  forget(held: HeldLease): void {
    this.#held.delete(held);
  }

  /** Abort and stop tracking every held job; returns their leases (to release them). */
  abortAll(reason: AbortReason): Lease[] {
    const all = this.#held.clear();
    for (const held of all) held.abort(reason);
    return all.map((held) => held.lease);
  }

  get size(): number {
    return this.#held.size;
  }

  start(): void {
    this.#timer ??= setInterval(() => {
      void this.beat();
    }, this.#deps.heartbeatMs);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #lose(held: HeldLease | undefined, reason: AbortReason): void {
    if (held === undefined || !this.#held.delete(held)) return;
    held.abort(reason);
    this.#deps.onLost(held.lease.jobId, reason);
  }

  /** One heartbeat for every held lease. Never throws; one at a time. */
  async beat(): Promise<void> {
    if (this.#beating || this.#held.size === 0) return;
    this.#beating = true;
    try {
      const now = this.#deps.store.now();
      for (const held of this.#held.toArray()) if (held.expiresAt <= now) this.#lose(held, 'lease-lost');
      const beating = this.#held.toArray();
      const byJobId = new Map(beating.map((held) => [held.lease.jobId, held]));
      const result = await this.#deps.store.heartbeat({ owner: this.#deps.owner, leases: beating.map((held) => held.lease), leaseMs: this.#deps.leaseMs });
      for (const jobId of result.extended) {
        const held = byJobId.get(jobId);
        if (held !== undefined && this.#held.has(held)) held.expiresAt = now + this.#deps.leaseMs;
      }
      for (const jobId of result.lost) this.#lose(byJobId.get(jobId), 'lease-lost');
      // A cancelled job keeps its lease: its handler is told through the signal, and the attempt's
      // outcome is then recorded as `cancelled` at once instead of after a lease expiry.
      for (const jobId of result.cancelRequested) {
        const held = byJobId.get(jobId);
        if (held !== undefined && this.#held.has(held) && !held.aborted) held.abort('cancelled');
      }
    } catch (error) {
      this.#deps.onError(error);
    } finally {
      this.#beating = false;
    }
  }
}
