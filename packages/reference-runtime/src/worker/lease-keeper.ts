import type { Lease, Store } from '../store/store.js';
import type { AbortReason } from './task-handler.js';

interface Held {
  readonly lease: Lease;
  readonly controller: AbortController;
  /** Local view of the lease's expiry, moved on every successful heartbeat. */
  expiresAt: number;
}

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
  readonly #held = new Map<number, Held>();
  readonly #deps: LeaseKeeperDeps;
  #timer: NodeJS.Timeout | undefined;
  #beating = false;

  constructor(deps: LeaseKeeperDeps) {
    this.#deps = deps;
  }

  /** Track a fresh claim; returns the signal its handler gets. */
  hold(lease: Lease): AbortSignal {
    const controller = new AbortController();
    this.#held.set(lease.jobId, { lease, controller, expiresAt: this.#deps.store.now() + this.#deps.leaseMs });
    return controller.signal;
  }

  /** True while `lease` (same token) is still held. */
  holds(lease: Lease): boolean {
    return this.#held.get(lease.jobId)?.lease.token === lease.token;
  }

  /** The abort signal of a held job. */
  signalOf(jobId: number): AbortSignal | undefined {
    return this.#held.get(jobId)?.controller.signal;
  }

  /** Stop tracking a job whose attempt was recorded. */
  forget(lease: Lease): void {
    if (this.holds(lease)) this.#held.delete(lease.jobId);
  }

  /** Abort and stop tracking every held job; returns their leases (to release them). */
  abortAll(reason: AbortReason): Lease[] {
    const leases = [...this.#held.values()].map((held) => held.lease);
    for (const held of this.#held.values()) held.controller.abort(reason);
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
    held.controller.abort(reason);
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
        if (held !== undefined && !held.controller.signal.aborted) held.controller.abort('cancelled');
      }
    } catch (error) {
      this.#deps.onError(error);
    } finally {
      this.#beating = false;
    }
  }
}
