import { PERIODIC_KEY_PREFIX } from './periodic-key.js';
import type { Checker, Violation } from './violation.js';

/**
 * Nothing unexpected (G2): every execution ran a payload the kit enqueued, intact. A payload that
 * lost its key (a half-written job, a mangled payload) or a job nobody enqueued is a violation.
 */
export const noUnexpectedJobs: Checker = (model) => {
  const violations: Violation[] = model.orphanStarts.map((start) => ({
    property: 'no-unexpected-jobs',
    message: `a handler ran a payload the kit never enqueued: ${JSON.stringify(start.data['payload'])}`,
    witness: [start],
  }));
  for (const job of model.jobs.values()) {
    if (job.invoke !== undefined || job.key.startsWith(PERIODIC_KEY_PREFIX)) continue;
    const first = job.executions[0];
    if (first === undefined) continue;
    violations.push({
      property: 'no-unexpected-jobs',
      message: `job ${job.key} ran but was never enqueued`,
      witness: [first.start],
    });
  }
  return violations;
};
