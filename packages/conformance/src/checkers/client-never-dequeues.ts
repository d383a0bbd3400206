import type { Checker, Violation } from './violation.js';

/** Clients never dequeue (seed 001): no execution runs in a process that only opened a client. */
export const clientNeverDequeues: Checker = (model) => {
  const violations: Violation[] = [];
  for (const job of model.jobs.values()) {
    for (const execution of job.executions) {
      const role = model.roles.get(execution.pid);
      if (role !== undefined && role !== 'worker') {
        violations.push({
          property: 'client-never-dequeues',
          message: `job ${job.key} ran in process ${execution.pid}, which only opened a client (${role})`,
          witness: [execution.start],
        });
      }
    }
  }
  return violations;
};
