import type { ConformanceClient, EnqueueRequest, EnqueueResult } from '../adapter.js';
import type { HistoryStore } from '../history/history-store.js';
import { KIT_TASK, type KitPayload } from './handler-plan.js';
import type { EnqueuePlan } from './enqueue-plan.js';

/** Describes a rejection whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return `non-Error ${JSON.stringify(error)}`;
  } catch {
    return 'non-Error value';
  }
}

/** Wraps an adapter's client so that every enqueue is recorded (invoke, then ok or fail). */
export class RecordingClient {
  readonly #client: ConformanceClient;
  readonly #history: HistoryStore;

  constructor(client: ConformanceClient, history: HistoryStore) {
    this.#client = client;
    this.#history = history;
  }

  /** The adapter's client, for calls the kit does not record (stats, cancel, close). */
  get raw(): ConformanceClient {
    return this.#client;
  }

  /** Enqueues a kit job; resolves with the result, or rejects as the adapter did (after recording). */
  async enqueue(plan: EnqueuePlan): Promise<EnqueueResult> {
    const payload: KitPayload = plan.blob === undefined ? { key: plan.key, plan: plan.plan } : { key: plan.key, plan: plan.plan, blob: plan.blob };
    return this.enqueueRequest(plan, {
      task: KIT_TASK,
      payload,
      ...(plan.maxAttempts === undefined ? {} : { maxAttempts: plan.maxAttempts }),
      ...(plan.delayMs === undefined ? {} : { delayMs: plan.delayMs }),
      ...(plan.priority === undefined ? {} : { priority: plan.priority }),
      ...(plan.idempotencyKey === undefined ? {} : { idempotencyKey: plan.idempotencyKey }),
    });
  }

  /** Enqueues an arbitrary request recorded under `plan.key` (bad-input tests). */
  async enqueueRequest(plan: Pick<EnqueuePlan, 'key' | 'expect' | 'maxAttempts' | 'extraAttempts'>, request: EnqueueRequest): Promise<EnqueueResult> {
    this.#history.append({
      type: 'enqueue.invoke',
      key: plan.key,
      data: { expect: plan.expect ?? 'complete', maxAttempts: plan.maxAttempts ?? null, extraAttempts: plan.extraAttempts ?? 0 },
    });
    let result: EnqueueResult;
    try {
      result = await this.#client.enqueue(request);
    } catch (error) {
      this.#history.append({ type: 'enqueue.fail', key: plan.key, data: { message: describeError(error), isError: error instanceof Error } });
      throw error;
    }
    this.#history.append({ type: 'enqueue.ok', key: plan.key, jobId: result.id, data: { created: result.created ?? true } });
    return result;
  }
}
