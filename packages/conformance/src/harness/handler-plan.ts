/** One step of what an instrumented handler does on a given execution of its job. */
export type HandlerStep =
  /** Return after `ms` (default 0). */
  | { readonly do: 'succeed'; readonly ms?: number }
  /** Fail with `value` (an `Error`, a string, `undefined`, `null`, a circular object), synchronously or after `ms`. */
  | { readonly do: 'throw'; readonly value: ThrownValue; readonly async?: boolean; readonly ms?: number }
  /** Never settle until the signal aborts; then reject with the abort reason. */
  | { readonly do: 'hang' }
  /** Run `ms` whatever the signal says, then return. */
  | { readonly do: 'ignoreAbort'; readonly ms: number }
  /** Record the side effect, then SIGKILL the own process: a crash between execute and acknowledge. */
  | { readonly do: 'crash' }
  /**
   * Return at once, and SIGKILL the own process inside the runtime's `beforeComplete` hook for
   * this job: a crash after the handler returned and before the completion commit.
   */
  | { readonly do: 'crashBeforeComplete' }
  /** Park until the test opens `gate` (then return) or the signal aborts (then reject). */
  | { readonly do: 'gate'; readonly gate: string };

/** What a failing handler throws. */
export type ThrownValue = 'error' | 'string' | 'undefined' | 'null' | 'circular';

/**
 * The payload of every job the kit enqueues: the job's key, and the plan of its executions. The
 * n-th execution (counted in the shared history, not by the runtime) follows `plan[n]`, the last
 * step repeating.
 */
export interface KitPayload {
  readonly key: string;
  readonly plan: readonly HandlerStep[];
  /** Extra data carried to prove payloads round-trip (compared by the handler). */
  readonly blob?: unknown;
}

/** The task name the kit's jobs are enqueued under. */
export const KIT_TASK = 'kit.job';
/** The task name the kit registers for periodic runs. */
export const KIT_PERIODIC_TASK = 'kit.periodic';
/** A task name no worker registers. */
export const KIT_UNKNOWN_TASK = 'kit.unregistered';
