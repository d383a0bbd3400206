import { SteadfastError } from '../errors/steadfast-error.js';

/** One cached value and when it was stored; written together, so freshness can never lag data. */
interface CacheEntry<V> {
  readonly value: V;
  readonly storedAt: number;
}

/** What `get` returns: the value, and whether it is still within the TTL. */
export interface CacheRead<V> {
  readonly value: V;
  readonly fresh: boolean;
  readonly ageMs: number;
}

/** Options of {@link TtlCache}. */
export interface TtlCacheOptions {
  /** How long an entry stays fresh, in ms. */
  readonly ttlMs: number;
  /** Clock in ms; default `Date.now`. */
  readonly clock?: () => number;
}

/**
 * A small cache whose every write stores the value and its freshness in one entry, so a read after
 * any write path sees fresh data (seed 003's TTL-sentinel hazard cannot happen through it). `get`
 * reports stale entries instead of hiding them: the caller decides whether stale is good enough.
 */
export class TtlCache<K, V> {
  /** @ttlSentinel storedAt */
  readonly #entries = new Map<K, CacheEntry<V>>();
  readonly #ttlMs: number;
  readonly #clock: () => number;

  constructor(options: TtlCacheOptions) {
    if (!(Number.isFinite(options.ttlMs) && options.ttlMs > 0)) {
      throw new SteadfastError('INVALID_OPTIONS', `TtlCache ttlMs must be a positive number, got ${String(options.ttlMs)}.`);
    }
    this.#ttlMs = options.ttlMs;
    this.#clock = options.clock ?? Date.now;
  }

  /** Store `value` as fresh now. */
  set(key: K, value: V): void {
    this.#entries.set(key, { value, storedAt: this.#clock() });
  }

  /** The entry with its freshness, or `undefined` when never stored (or deleted). */
  get(key: K): CacheRead<V> | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    const ageMs = this.#clock() - entry.storedAt;
    return { value: entry.value, fresh: ageMs < this.#ttlMs, ageMs };
  }

  /** The value only while fresh. */
  getFresh(key: K): V | undefined {
    const read = this.get(key);
    return read?.fresh === true ? read.value : undefined;
  }

  /** The fresh value, or load, store and return a new one. */
  async getOrLoad(key: K, load: () => Promise<V>): Promise<V> {
    const read = this.get(key);
    if (read?.fresh === true) return read.value;
    const value = await load();
    this.set(key, value);
    return value;
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
