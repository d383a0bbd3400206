import type { HeldLease } from './held-lease.js';
import { loopBackoff } from './loop-backoff.js';
import type { Wakeup } from './wakeup.js';

/** What one slot needs: where jobs come from and how to run one. */
export interface SlotLoopDeps {
  /** A buffered job at once, without a promise, or `undefined`. */
  readonly take: () => HeldLease | undefined;
  /** The next job, claiming when nothing is buffered; `undefined` when nothing is due. */
  readonly next: () => Promise<HeldLease | undefined>;
  readonly run: (held: HeldLease) => Promise<void>;
  readonly isStopping: () => boolean;
  readonly wakeup: Wakeup;
  readonly pollMs: number;
  readonly onError: (error: unknown) => void;
}

/**
 * One worker slot: get a job, run it, repeat; sleep when nothing is due. The body is guarded: a
 * store error (`SQLITE_BUSY`, a locked file) or a bug is reported and retried with backoff, and
 * the slot goes on. It ends only when the worker stops.
 */
export async function runSlotLoop(deps: SlotLoopDeps): Promise<void> {
  let failures = 0;
  while (!deps.isStopping()) {
    try {
      if (failures > 0) await deps.wakeup.sleep(loopBackoff(failures));
      const claimed = deps.take() ?? (await deps.next());
      if (claimed === undefined) await deps.wakeup.sleep(deps.pollMs);
      else await deps.run(claimed);
      failures = 0;
    } catch (error) {
      failures += 1;
      deps.onError(error);
    }
  }
}
