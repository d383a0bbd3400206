import { SteadfastError } from '../errors/steadfast-error.js';
import { serialiseJson } from '../payload/serialise-json.js';
import type { NewJob } from '../store/store.js';

/** Per-job options of `enqueue`. */
export interface EnqueueOptions {
  /** Not before this time (a `Date` or ms since the epoch). Exclusive with `delayMs`. */
  readonly runAt?: Date | number;
  /** Not before this many ms from now. Exclusive with `runAt`. */
  readonly delayMs?: number;
  /** Higher runs first; an integer. Default 0. */
  readonly priority?: number;
  /** Attempts before the job is dead, ≥ 1. Default: the client's `maxAttempts` (5). */
  readonly maxAttempts?: number;
  /**
   * At most one job per (task, key), for as long as the job row exists: a duplicate enqueue while
   * the first is queued, running, or finished (succeeded, dead, cancelled) writes nothing and
   * returns the existing job with `deduplicated: true`. Redrive the job to run it again.
   */
  readonly idempotencyKey?: string;
}

/** Client-wide limits and defaults that shape every new job. */
export interface JobDefaults {
  readonly maxAttempts: number;
  readonly maxPayloadBytes: number;
}

function invalid(message: string): never {
  throw new SteadfastError('INVALID_OPTIONS', message);
}

function runAtOf(options: EnqueueOptions, now: number): number {
  if (options.runAt !== undefined && options.delayMs !== undefined) invalid('give `runAt` or `delayMs`, not both.');
  if (options.delayMs !== undefined) {
    if (!(Number.isFinite(options.delayMs) && options.delayMs >= 0)) {
      invalid(`\`delayMs\` must be a finite number ≥ 0, got ${String(options.delayMs)}.`);
    }
    return now + Math.ceil(options.delayMs);
  }
  if (options.runAt === undefined) return now;
  const ms = options.runAt instanceof Date ? options.runAt.getTime() : options.runAt;
  if (!Number.isFinite(ms)) invalid(`\`runAt\` must be a valid Date or a finite number of ms, got ${String(options.runAt)}.`);
  return Math.ceil(ms);
}

/**
 * The row to insert for one `enqueue` call, or a `SteadfastError` and nothing written. All
 * validation of a new job lives here, at the door.
 */
export function toNewJob(
  queue: string,
  payload: unknown,
  options: EnqueueOptions | undefined,
  defaults: JobDefaults,
  now: number,
): NewJob {
  const given = options ?? {};
  if (typeof given !== 'object') invalid('enqueue options must be an object.');
  const priority = given.priority ?? 0;
  if (!Number.isSafeInteger(priority)) invalid(`\`priority\` must be an integer, got ${String(priority)}.`);
  const maxAttempts = given.maxAttempts ?? defaults.maxAttempts;
  if (!(Number.isSafeInteger(maxAttempts) && maxAttempts >= 1)) {
    invalid(`\`maxAttempts\` must be an integer ≥ 1, got ${String(maxAttempts)}.`);
  }
  const key = given.idempotencyKey;
  if (key !== undefined && (typeof key !== 'string' || key.length === 0 || key.length > 512)) {
    invalid('`idempotencyKey` must be a non-empty string of at most 512 characters.');
  }
  return {
    queue,
    payload: serialiseJson(payload, `The payload of "${queue}"`, defaults.maxPayloadBytes),
    priority,
    runAt: runAtOf(given, now),
    maxAttempts,
    idempotencyKey: key ?? null,
  };
}
