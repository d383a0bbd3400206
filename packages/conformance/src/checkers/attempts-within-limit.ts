import type { Checker, Violation } from './violation.js';

/** Retries within the limit (G5): a job starts at most `maxAttempts` times, crashes included. */
export const attemptsWithinLimit: Checker = (model) => {
  const violations: Violation[] = [];
  for (const job of model.jobs.values()) {
    if (job.maxAttempts === undefined) continue;
    const allowance = Number(job.invoke?.data['extraAttempts'] ?? 0);
    if (job.executions.length > job.maxAttempts + allowance) {
      violations.push({
        property: 'attempts-within-limit',
        message: `job ${job.key} started ${job.executions.length} times with maxAttempts ${job.maxAttempts}`,
        witness: job.executions.map((e) => e.start),
      });
    }
  }
  return violations;
};
