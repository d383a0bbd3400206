import { jobCompleted } from './history-model.js';
import type { Checker, Violation } from './violation.js';

/**
 * Nothing lost (G1): every acknowledged enqueue expected to complete has an execution whose handler
 * returned and whose completion the runtime committed (or whose process was killed before it could say so).
 */
export const noLostJobs: Checker = (model) => {
  const violations: Violation[] = [];
  for (const job of model.jobs.values()) {
    if (job.expect !== 'complete' || job.ok === undefined) continue;
    if (!jobCompleted(job)) {
      violations.push({
        property: 'no-lost-jobs',
        message: `job ${job.key} was acknowledged by enqueue but never completed (${job.executions.length} execution(s))`,
        witness: [job.ok, ...job.executions.flatMap((e) => [e.start, ...(e.end ? [e.end] : [])]), ...job.settlements],
      });
    }
  }
  return violations;
};
