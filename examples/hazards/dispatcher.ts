// Hazard 2, part 1 (seed 002 task 5): a dispatcher whose executor is private by name.
// Nothing is wrong in this file; the hazard is in main.ts, which reaches in from outside.

/** Runs submitted tasks on a bounded pool. */
export class Executor {
  private readonly pending: (() => Promise<void>)[] = [];

  submit(task: () => Promise<void>): void {
    this.pending.push(task);
  }

  /** Drops what has not started; returns how many tasks were dropped. */
  shutdown(): number {
    const dropped = this.pending.length;
    this.pending.length = 0;
    return dropped;
  }
}

/** Routes jobs to the executor; owns its lifecycle. */
export class Dispatcher {
  _executor = new Executor();
  private stopping = false;

  dispatch(task: () => Promise<void>): void {
    if (this.stopping) throw new Error('dispatcher is stopping');
    this._executor.submit(task);
  }

  /** The supported way to stop: refuse new work first, then stop the executor. */
  stop(): number {
    this.stopping = true;
    return this._executor.shutdown();
  }
}

export const dispatcher = new Dispatcher();
