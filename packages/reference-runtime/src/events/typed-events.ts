import type { Logger } from '../logging/logger.js';

/** A listener of one event. */
export type Listener<P> = (payload: P) => void | Promise<void>;

/**
 * A minimal typed event hub. A listener that throws or rejects is logged and never reaches the
 * emitter: observability must not be able to crash the worker it observes (bullmq#1129).
 */
export class TypedEvents<M extends object> {
  readonly #listeners = new Map<keyof M, Set<Listener<never>>>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Add a listener; returns the function that removes it. */
  on<E extends keyof M>(event: E, listener: Listener<M[E]>): () => void {
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** True when `event` has a listener: emitters skip building payloads nobody reads. */
  has(event: keyof M): boolean {
    return (this.#listeners.get(event)?.size ?? 0) > 0;
  }

  /** Call every listener of `event`; failures are logged, never thrown. */
  emit<E extends keyof M>(event: E, payload: M[E]): void {
    const set = this.#listeners.get(event);
    if (set === undefined) return;
    for (const listener of set) {
      try {
        const result = (listener as Listener<M[E]>)(payload);
        if (result instanceof Promise) {
          result.catch((error: unknown) => {
            this.#reportListenerError(event, error);
          });
        }
      } catch (error) {
        this.#reportListenerError(event, error);
      }
    }
  }

  #reportListenerError(event: keyof M, error: unknown): void {
    try {
      this.#logger.error({ event: String(event), err: error }, 'an event listener failed; the worker goes on');
    } catch {
      // A logger that throws has nowhere left to report to.
    }
  }
}
