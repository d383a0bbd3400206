/** Optional behaviours an adapter may claim; unclaimed ones are reported as `unsupported`. */
export type Capability =
  | 'delayedJobs'
  | 'priorities'
  | 'periodicTasks'
  | 'heartbeat'
  | 'idempotencyKeys'
  | 'cancellation'
  | 'enqueueOnlyClient'
  | 'fencing';

/** What a runtime author implements to run the kit against their runtime. */
export interface ConformanceAdapter {
  /** Shown in the report. */
  name: string;
  /** The optional behaviours this runtime claims. */
  capabilities: readonly Capability[];
}
