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
export type ParentMessage = { readonly type: 'stop'; readonly graceMs: number; readonly calls: number };

/** Messages from a child to the test process. */
export type ChildMessage = { readonly type: 'ready' } | { readonly type: 'failed'; readonly message: string };
