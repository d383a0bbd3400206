/**
 * Interruptible sleeps: every loop of a worker sleeps through one `Wakeup`, and `wakeAll` ends
 * every pending sleep at once (stop, a local enqueue). After `close`, sleeps return immediately.
 */
export class Wakeup {
  readonly #sleepers = new Set<() => void>();
  #closed = false;

  /** Resolve after `ms`, or earlier on `wakeAll`/`close`. Never rejects. */
  sleep(ms: number): Promise<void> {
    if (this.#closed || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#sleepers.add(done);
    });
  }

  /** End every pending sleep now. */
  wakeAll(): void {
    for (const wake of [...this.#sleepers]) wake();
  }

  /** End every sleep now and make later sleeps return at once. */
  close(): void {
    this.#closed = true;
    this.wakeAll();
  }

  get closed(): boolean {
    return this.#closed;
  }
}
