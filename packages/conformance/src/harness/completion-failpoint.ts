import type { HistoryStore } from '../history/history-store.js';

/**
 * The kit's side of the `beforeCompleteHook` capability, in one worker process. Every completion
 * the runtime is about to commit is recorded (`exec.completing`) before the commit, so the history
 * knows which completions were never attempted; a job armed by its handler
 * (`crashBeforeComplete`) kills the process right there.
 */
export class CompletionFailpoint {
  readonly #history: HistoryStore;
  readonly #armed = new Set<string>();

  constructor(history: HistoryStore) {
    this.#history = history;
  }

  /** The next completion commit of `jobId` in this process dies before it happens. */
  arm(jobId: string): void {
    this.#armed.add(jobId);
  }

  /** The hook passed to the adapter as `hooks.beforeComplete`. */
  readonly beforeComplete = async (jobIds: readonly string[]): Promise<void> => {
    for (const jobId of jobIds) this.#history.append({ type: 'exec.completing', jobId: String(jobId) });
    if (!jobIds.some((jobId) => this.#armed.has(String(jobId)))) return;
    process.kill(process.pid, 'SIGKILL');
    // SIGKILL is delivered asynchronously; the commit must never start meanwhile.
    await new Promise<never>(() => undefined);
  };
}
