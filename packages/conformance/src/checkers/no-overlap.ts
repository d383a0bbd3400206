import type { Execution } from './history-model.js';
import type { Checker, Violation } from './violation.js';

const ACCEPTED = new Set(['completed', 'retrying', 'failed']);

function accepted(execution: Execution): boolean {
  const outcome = execution.settlement?.data['outcome'];
  return typeof outcome === 'string' && ACCEPTED.has(outcome);
}

/**
 * No overlap (G3): two executions of one job never run at the same time while both could still
 * legally settle. Wall-clock overlap after a pause cannot be prevented; what must not happen is
 * that the store accepts the results of both.
 */
export const noOverlap: Checker = (model) => {
  const violations: Violation[] = [];
  for (const job of model.jobs.values()) {
    const runs = job.executions;
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        const a = runs[i];
        const b = runs[j];
        if (a === undefined || b === undefined) continue;
        const overlap = b.start.t < a.until && a.start.t < b.until;
        if (overlap && accepted(a) && accepted(b)) {
          violations.push({
            property: 'no-overlap',
            message: `job ${job.key}: executions ${a.execId} and ${b.execId} overlapped and the store accepted both results`,
            witness: [a.start, b.start, ...[a.end, b.end, a.settlement, b.settlement].filter((e) => e !== undefined)].sort((x, y) => x.seq - y.seq),
          });
        }
      }
    }
  }
  return violations;
};
