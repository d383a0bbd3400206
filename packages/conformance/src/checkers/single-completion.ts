import type { Checker, Violation } from './violation.js';

/** One completion (G3): the store accepts at most one successful completion per job. */
export const singleCompletion: Checker = (model) => {
  const violations: Violation[] = [];
  for (const job of model.jobs.values()) {
    const completions = job.settlements.filter((s) => s.data['outcome'] === 'completed');
    if (completions.length > 1) {
      violations.push({
        property: 'single-completion',
        message: `job ${job.key} was acknowledged as completed ${completions.length} times`,
        witness: completions,
      });
    }
  }
  return violations;
};
