import { describeError } from '../errors/describe-error.js';
import type { TypedEvents } from '../events/typed-events.js';
import { serialiseJson } from '../payload/serialise-json.js';
import type { ClaimedJob, Lease } from '../store/store.js';
import type { AckBatcher } from './ack-batcher.js';
import type { LeaseKeeper } from './lease-keeper.js';
import { decideFailure } from './retry-policy.js';
import type { AbortReason, Job, JobContext } from './task-handler.js';
import type { JobEventInfo, SettlementOutcome, WorkerEvents } from './worker-events.js';
import type { ResolvedWorkerOptions } from './worker-options.js';

type Outcome = { readonly ok: true; readonly result: string | null } | { readonly ok: false; readonly error: unknown };

/**
 * Runs one claimed attempt and records its outcome: acknowledged after the handler resolved,
 * a failed attempt otherwise (retry, dead or cancelled, by the retry policy), nothing at all when
 * the lease was lost meanwhile (another worker owns the job now; the store would fence us anyway).
 */
export class JobRunner {
  readonly #options: ResolvedWorkerOptions;
  readonly #keeper: LeaseKeeper;
  readonly #acks: AckBatcher;
  readonly #events: TypedEvents<WorkerEvents>;
  readonly #acknowledging = new Set<Promise<void>>();
  /** Started attempts not yet settled, by job id. */
  readonly #started = new Map<number, JobEventInfo>();

  constructor(options: ResolvedWorkerOptions, keeper: LeaseKeeper, acks: AckBatcher, events: TypedEvents<WorkerEvents>) {
    this.#options = options;
    this.#keeper = keeper;
    this.#acks = acks;
    this.#events = events;
  }

  /** Acknowledgements not yet written. */
  acknowledgements(): Promise<void> {
    return Promise.all(this.#acknowledging).then(() => undefined);
  }

  /**
   * Settle the started attempts among `jobIds` as released (after shutdown's release committed);
   * their handlers' late outcomes are then ignored.
   */
  settleReleased(jobIds: readonly number[]): void {
    for (const jobId of jobIds) {
      const info = this.#started.get(jobId);
      if (info !== undefined) this.#settle(info, 'released');
    }
  }

  #settle(info: JobEventInfo, outcome: SettlementOutcome): void {
    if (this.#started.get(info.id) !== info) return;
    this.#started.delete(info.id);
    this.#events.emit('job:settled', { job: info, outcome });
  }

  async run(claimed: ClaimedJob): Promise<void> {
    const { job: record, lease } = claimed;
    const info: JobEventInfo = { id: record.id, name: record.queue, attempt: record.attempts, maxAttempts: record.maxAttempts };
    const signal = this.#keeper.signalOf(record.id);
    if (signal === undefined || signal.aborted) return;
    this.#started.set(info.id, info);
    this.#events.emit('job:started', { job: info });
    const startedAt = Date.now();
    const outcome = await this.#invoke(claimed, signal);
    if (!this.#keeper.holds(lease)) {
      // Lost (the result is discarded: refused) or released at shutdown (settled there).
      if (signal.reason !== 'shutdown') this.#settle(info, 'refused');
      return;
    }
    if (outcome.ok) {
      const done = this.#acknowledge(lease, outcome.result, info, startedAt);
      this.#acknowledging.add(done);
      void done.finally(() => this.#acknowledging.delete(done));
      return;
    }
    try {
      await this.#recordFailure(lease, outcome.error, info, signal);
    } finally {
      this.#keeper.forget(lease);
    }
  }

  async #invoke(claimed: ClaimedJob, signal: AbortSignal): Promise<Outcome> {
    const { job: record } = claimed;
    const handler = this.#options.handlers.get(record.queue);
    try {
      if (handler === undefined) throw new Error(`no handler for task "${record.queue}"`);
      const job: Job<unknown> = {
        id: record.id,
        name: record.queue,
        payload: JSON.parse(record.payload) as unknown,
        attempt: record.attempts,
        maxAttempts: record.maxAttempts,
        token: record.token,
      };
      const context: JobContext = {
        signal,
        attempt: record.attempts,
        logger: this.#options.logger,
        workerId: this.#options.workerId,
      };
      const value: unknown = await handler(job, context);
      const result =
        value === undefined ? null : serialiseJson(value, `The result of job #${String(record.id)}`, this.#options.maxResultBytes);
      return { ok: true, result };
    } catch (error) {
      return { ok: false, error };
    }
  }

  async #acknowledge(lease: Lease, result: string | null, info: JobEventInfo, startedAt: number): Promise<void> {
    try {
      const accepted = await this.#acks.complete({ lease, result });
      if (accepted) {
        this.#settle(info, 'completed');
        this.#events.emit('job:completed', { job: info, durationMs: Date.now() - startedAt });
      } else {
        this.#settle(info, 'refused');
        this.#events.emit('lease:lost', { jobId: lease.jobId, reason: 'fenced' });
      }
    } finally {
      this.#keeper.forget(lease);
    }
  }

  async #recordFailure(lease: Lease, error: unknown, info: JobEventInfo, signal: AbortSignal): Promise<void> {
    const { store, retry } = this.#options;
    const reason = signal.aborted ? (signal.reason as AbortReason) : undefined;
    const message = reason === 'cancelled' ? 'cancelled while running' : describeError(error);
    const decision = decideFailure(error, info.attempt, info.maxAttempts, store.now(), retry);
    const outcome = await store.fail({ lease, error: message, ...decision });
    if (outcome === 'fenced') {
      this.#settle(info, 'refused');
      this.#events.emit('lease:lost', { jobId: lease.jobId, reason: 'fenced' });
      return;
    }
    this.#settle(info, outcome);
    this.#options.logger.warn({ jobId: info.id, task: info.name, attempt: info.attempt, outcome, err: message }, 'job attempt failed');
    this.#events.emit('job:failed', { job: info, error: message });
    if (outcome === 'retried') this.#events.emit('job:retried', { job: info, error: message, retryAt: decision.retryAt ?? store.now() });
    else if (outcome === 'dead') this.#events.emit('job:dead', { job: info, error: message });
    else this.#events.emit('job:cancelled', { job: info });
  }
}
