import { describeError } from '../errors/describe-error.js';
import type { TypedEvents } from '../events/typed-events.js';
import { serialiseJson } from '../payload/serialise-json.js';
import type { ClaimedJobRecord, Lease } from '../store/store.js';
import type { AckBatcher, PendingAck } from './ack-batcher.js';
import { contextOf, jobOf } from './handler-arguments.js';
import type { HeldLease } from './held-lease.js';
import type { LeaseKeeper } from './lease-keeper.js';
import { PositionedSet, type Positioned } from './positioned-set.js';
import { decideFailure } from './retry-policy.js';
import type { JobEventInfo, SettlementOutcome, WorkerEvents } from './worker-events.js';
import type { ResolvedWorkerOptions } from './worker-options.js';

/**
 * One started attempt: the runner's bookkeeping, and (once its handler resolved) the completion
 * waiting in the ack batcher. One object per job instead of an info, a completion, a pending
 * acknowledgement and their promises.
 */
class Attempt implements PendingAck, Positioned {
  readonly lease: Lease;
  readonly held: HeldLease;
  readonly startedAt = Date.now();
  result: string | null = null;
  /** The runner's bookkeeping: where it is among the started attempts, −1 once settled. */
  position = -1;
  readonly #record: ClaimedJobRecord;
  readonly #onAcknowledged: (attempt: Attempt, accepted: boolean) => void;
  #info: JobEventInfo | undefined;

  constructor(held: HeldLease, onAcknowledged: (attempt: Attempt, accepted: boolean) => void) {
    this.#record = held.job;
    this.lease = held.lease;
    this.held = held;
    this.#onAcknowledged = onAcknowledged;
  }

  get id(): number {
    return this.#record.id;
  }

  /** The attempt as events describe it, made when the first event with a listener needs it. */
  get info(): JobEventInfo {
    this.#info ??= {
      id: this.#record.id,
      name: this.#record.queue,
      attempt: this.#record.attempts,
      maxAttempts: this.#record.maxAttempts,
    };
    return this.#info;
  }

  settle(accepted: boolean): void {
    this.#onAcknowledged(this, accepted);
  }
}

/**
 * Runs one claimed attempt and records its outcome: acknowledged after the handler resolved,
 * a failed attempt otherwise (retry, dead or cancelled, by the retry policy), nothing at all when
 * the lease was lost meanwhile (another worker owns the job now; the store would fence us anyway).
 * Event payloads are built only for events somebody listens to.
 */
export class JobRunner {
  readonly #options: ResolvedWorkerOptions;
  readonly #keeper: LeaseKeeper;
  readonly #acks: AckBatcher;
  readonly #events: TypedEvents<WorkerEvents>;
  /** Started attempts not yet settled. */
  readonly #started = new PositionedSet<Attempt>();
  readonly #onAcknowledged = (attempt: Attempt, accepted: boolean): void => {
    this.#acknowledged(attempt, accepted);
  };

  constructor(options: ResolvedWorkerOptions, keeper: LeaseKeeper, acks: AckBatcher, events: TypedEvents<WorkerEvents>) {
    this.#options = options;
    this.#keeper = keeper;
    this.#acks = acks;
    this.#events = events;
  }

  /** Acknowledgements not yet written (resolves once every one was written or given up). */
  acknowledgements(): Promise<void> {
    return this.#acks.idle();
  }

  /**
   * Settle the started attempts among `jobIds` as released (after shutdown's release committed);
   * their handlers' late outcomes are then ignored.
   */
  settleReleased(jobIds: readonly number[]): void {
    const released = new Set(jobIds);
    for (const attempt of this.#started.toArray()) if (released.has(attempt.id)) this.#settle(attempt, 'released');
  }

  #settle(attempt: Attempt, outcome: SettlementOutcome): void {
    if (!this.#started.delete(attempt)) return;
    if (this.#events.has('job:settled')) this.#events.emit('job:settled', { job: attempt.info, outcome });
  }

  async run(held: HeldLease): Promise<void> {
    if (held.aborted || !this.#keeper.holds(held)) return;
    const { job: record } = held;
    const attempt = new Attempt(held, this.#onAcknowledged);
    this.#started.add(attempt);
    if (this.#events.has('job:started')) this.#events.emit('job:started', { job: attempt.info });
    let result: string | null;
    try {
      // Inline rather than a helper: one async frame (and its promise) less per job.
      const handler = this.#options.handlers.get(record.queue);
      if (handler === undefined) throw new Error(`no handler for task "${record.queue}"`);
      const value: unknown = await handler(jobOf(record), contextOf(held, record.attempts, this.#options.logger, this.#options.workerId));
      result =
        value === undefined ? null : serialiseJson(value, `The result of job #${String(record.id)}`, this.#options.maxResultBytes);
    } catch (error) {
      if (this.#lost(attempt)) return;
      try {
        await this.#recordFailure(attempt, error);
      } finally {
        this.#keeper.forget(held);
      }
      return;
    }
    if (this.#lost(attempt)) return;
    // The lease stays held (and heartbeated) until the acknowledgement commits.
    attempt.result = result;
    this.#acks.complete(attempt);
  }

  /** True (and the attempt settled) when the lease was lost or released while the handler ran. */
  #lost(attempt: Attempt): boolean {
    if (this.#keeper.holds(attempt.held)) return false;
    // Lost (the result is discarded: refused) or released at shutdown (settled there).
    if (attempt.held.reason !== 'shutdown') this.#settle(attempt, 'refused');
    return true;
  }

  #acknowledged(attempt: Attempt, accepted: boolean): void {
    try {
      if (accepted) {
        this.#settle(attempt, 'completed');
        if (this.#events.has('job:completed')) {
          this.#events.emit('job:completed', { job: attempt.info, durationMs: Date.now() - attempt.startedAt });
        }
      } else {
        this.#settle(attempt, 'refused');
        this.#events.emit('lease:lost', { jobId: attempt.lease.jobId, reason: 'fenced' });
      }
    } finally {
      this.#keeper.forget(attempt.held);
    }
  }

  async #recordFailure(attempt: Attempt, error: unknown): Promise<void> {
    const { store, retry } = this.#options;
    const { info, lease } = attempt;
    const reason = attempt.held.reason;
    const message = reason === 'cancelled' ? 'cancelled while running' : describeError(error);
    const decision = decideFailure(error, info.attempt, info.maxAttempts, store.now(), retry);
    const outcome = await store.fail({ lease, error: message, ...decision });
    if (outcome === 'fenced') {
      this.#settle(attempt, 'refused');
      this.#events.emit('lease:lost', { jobId: lease.jobId, reason: 'fenced' });
      return;
    }
    this.#settle(attempt, outcome);
    this.#options.logger.warn({ jobId: info.id, task: info.name, attempt: info.attempt, outcome, err: message }, 'job attempt failed');
    this.#events.emit('job:failed', { job: info, error: message });
    if (outcome === 'retried') this.#events.emit('job:retried', { job: info, error: message, retryAt: decision.retryAt ?? store.now() });
    else if (outcome === 'dead') this.#events.emit('job:dead', { job: info, error: message });
    else this.#events.emit('job:cancelled', { job: info });
  }
}
