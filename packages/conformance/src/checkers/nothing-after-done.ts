import type { Checker, Violation } from './violation.js';

/** Nothing after done (G4): no execution of a job starts after its completion was committed. */
export const nothingAfterDone: Checker = (model) => {
  const violations: Violation[] = [];
  for (const job of model.jobs.values()) {
    const done = job.settlements.find((s) => s.data['outcome'] === 'completed');
    if (done === undefined) continue;
    const late = job.executions.find((e) => e.start.seq > done.seq);
    if (late !== undefined) {
      violations.push({
        property: 'nothing-after-done',
        message: `job ${job.key} started again (${late.execId}) after its completion was acknowledged`,
        witness: [done, late.start],
      });
    }
  }
  return violations;
};
