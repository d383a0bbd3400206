import { describeError } from '../errors/describe-error.js';
import type { TypedEvents } from '../events/typed-events.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../store/store.js';
import { loopBackoff } from './loop-backoff.js';
import type { PeriodicTask } from './task-handler.js';
import type { Wakeup } from './wakeup.js';
import type { WorkerEvents } from './worker-events.js';

/** What a periodic loop needs from its worker. */
export interface PeriodicLoopDeps {
  readonly name: string;
  readonly task: PeriodicTask;
  readonly store: Store;
  readonly workerId: string;
  readonly wakeup: Wakeup;
  readonly isStopping: () => boolean;
  /** Aborts when the worker's grace period ends. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  readonly events: TypedEvents<WorkerEvents>;
  /** Reports a store error of the loop (logged and emitted as `loop:error`); never throws. */
  readonly onError: (error: unknown) => void;
}

/** Ms until the next slot boundary. Pure. */
export function msUntilNextSlot(now: number, everyMs: number): number {
  return (Math.floor(now / everyMs) + 1) * everyMs - now;
}

async function runSlot(deps: PeriodicLoopDeps, slot: number): Promise<void> {
  try {
    await deps.task.run({ signal: deps.signal, slot, logger: deps.logger, workerId: deps.workerId });
    deps.events.emit('periodic:completed', { name: deps.name, slot });
  } catch (error) {
    const message = describeError(error);
    deps.logger.error({ periodic: deps.name, slot, err: message }, 'periodic task failed; the next slot runs as usual');
    deps.events.emit('periodic:failed', { name: deps.name, slot, error: message });
  }
}

/**
 * One periodic task: at each slot boundary, try to claim the slot row; only the winner (one
 * process among all sharing the store) runs it. After downtime only the current slot runs, so at
 * most one missed slot is caught up. The sleep is interruptible, so `stop` never waits a period.
 */
export async function runPeriodicLoop(deps: PeriodicLoopDeps): Promise<void> {
  const { everyMs } = deps.task;
  let lastSlot = Number.NEGATIVE_INFINITY;
  let failures = 0;
  while (!deps.isStopping()) {
    try {
      if (failures > 0) await deps.wakeup.sleep(loopBackoff(failures));
      const slot = Math.floor(deps.store.now() / everyMs);
      if (slot > lastSlot) {
        const won = await deps.store.claimPeriodicSlot(deps.name, slot, deps.workerId);
        lastSlot = slot;
        if (won) await runSlot(deps, slot);
      }
      failures = 0;
      await deps.wakeup.sleep(msUntilNextSlot(deps.store.now(), everyMs));
    } catch (error) {
      failures += 1;
      deps.onError(error);
    }
  }
}
