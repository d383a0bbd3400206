import type { ConformanceEnvironment, PeriodicTask } from '../adapter.js';
import type { EnqueuePlan } from './enqueue-plan.js';

/** Environment variable that carries a child's configuration as JSON. */
export const CHILD_CONFIG_VARIABLE = 'STEADFAST_CONFORMANCE_CHILD';

/** Worker settings a test chooses for one worker process. */
export interface WorkerSettings {
  readonly concurrency: number;
  readonly leaseMs: number;
  readonly pollMs: number;
  readonly retryDelayMs: number;
  readonly periodic?: readonly PeriodicTask[];
  /** Grace period used when the process receives SIGTERM. */
  readonly sigtermGraceMs: number;
  /** `onSettled` throws after recording each settlement (a hostile observer; F6). */
  readonly throwingObserver?: boolean;
  /** Pass `hooks.beforeComplete` to the adapter (only when it claims `beforeCompleteHook`). */
  readonly beforeCompleteHook?: boolean;
}

/** What a client process does: enqueue these jobs one by one, then close and stay up `lingerMs`. */
export interface ClientScript {
  readonly jobs: readonly EnqueuePlan[];
  /** Stay alive (client open) this long after the last enqueue before closing. */
  readonly lingerMs: number;
  /** After this many enqueues, wait until the test opens `gate` (a cross-process barrier). */
  readonly pause?: { readonly after: number; readonly gate: string };
}

/** The whole configuration of a child process. */
export type ChildConfig = {
  readonly adapterUrl: string;
  readonly env: ConformanceEnvironment;
  readonly historyFile: string;
} & ({ readonly role: 'worker'; readonly worker: WorkerSettings } | { readonly role: 'client'; readonly client: ClientScript });

/** Messages from the test process to a worker process. */
export type ParentMessage =
  /** Call `stop({ graceMs })` `calls` times at once, then let the process end. */
  | { readonly type: 'stop'; readonly graceMs: number; readonly calls: number }
  /** Call `start()` `calls` times at once on the running worker. */
  | { readonly type: 'start'; readonly calls: number }
  /** Call `stop({ graceMs })`, then `start()` on the same handle; the process ends only if the restart failed. */
  | { readonly type: 'restart'; readonly graceMs: number };

/** Messages from a child to the test process. */
export type ChildMessage = { readonly type: 'ready' } | { readonly type: 'failed'; readonly message: string };
