import type { Lease, Store } from '../store/store.js';
import { HeldLease } from './held-lease.js';
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
  readonly #held = new Map<number, HeldLease>();
  readonly #deps: LeaseKeeperDeps;
  #timer: NodeJS.Timeout | undefined;
  #beating = false;

  constructor(deps: LeaseKeeperDeps) {
    this.#deps = deps;
  }

  /** Track a fresh claim; `expiresAt` is the expiry the claim wrote. */
  hold(lease: Lease, expiresAt: number): HeldLease {
    const held = new HeldLease(lease, expiresAt);
    this.#held.set(lease.jobId, held);
    return held;
  }

  /** True while `lease` (same token) is still held. */
  holds(lease: Lease): boolean {
    return this.#held.get(lease.jobId)?.lease.token === lease.token;
  }

  /** The held lease of a job (with its abort state), or `undefined` once it is no longer held. */
  heldOf(jobId: number): HeldLease | undefined {
    return this.#held.get(jobId);
  }

  /** Stop tracking a job whose attempt was recorded. */
  forget(lease: Lease): void {
    if (this.holds(lease)) this.#held.delete(lease.jobId);
  }

  /** Abort and stop tracking every held job; returns their leases (to release them). */
  abortAll(reason: AbortReason): Lease[] {
    const leases = [...this.#held.values()].map((held) => held.lease);
    for (const held of this.#held.values()) held.abort(reason);
    this.#held.clear();
    return leases;
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

  #lose(jobId: number, reason: AbortReason): void {
    const held = this.#held.get(jobId);
    if (held === undefined) return;
    this.#held.delete(jobId);
    held.abort(reason);
    this.#deps.onLost(jobId, reason);
  }

  /** One heartbeat for every held lease. Never throws; one at a time. */
  async beat(): Promise<void> {
    if (this.#beating || this.#held.size === 0) return;
    this.#beating = true;
    try {
      const now = this.#deps.store.now();
      for (const [jobId, held] of this.#held) if (held.expiresAt <= now) this.#lose(jobId, 'lease-lost');
      const leases = [...this.#held.values()].map((held) => held.lease);
      const result = await this.#deps.store.heartbeat({ owner: this.#deps.owner, leases, leaseMs: this.#deps.leaseMs });
      for (const jobId of result.extended) {
        const held = this.#held.get(jobId);
        if (held !== undefined) held.expiresAt = now + this.#deps.leaseMs;
      }
      for (const jobId of result.lost) this.#lose(jobId, 'lease-lost');
      // A cancelled job keeps its lease: its handler is told through the signal, and the attempt's
      // outcome is then recorded as `cancelled` at once instead of after a lease expiry.
      for (const jobId of result.cancelRequested) {
        const held = this.#held.get(jobId);
        if (held !== undefined && !held.aborted) held.abort('cancelled');
      }
    } catch (error) {
      this.#deps.onError(error);
    } finally {
      this.#beating = false;
    }
  }
}
