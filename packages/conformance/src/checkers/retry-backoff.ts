import type { Checker, Violation } from './violation.js';

/** Timer granularity we forgive: runtimes schedule in milliseconds, the history stamps in fractions. */
const TOLERANCE_MS = 5;

/**
 * Retries back off: after an execution threw, the next one of the same job starts no sooner than
 * the `retryDelayMs` its worker was started with, when the runtime committed that failure as `retrying`.
 */
export const retryBackoff: Checker = (model) => {
  const violations: Violation[] = [];
  const delayOf = new Map<number, number>();
  for (const event of model.events) {
    if (event.type === 'worker.started') delayOf.set(event.pid, Number(event.data['retryDelayMs'] ?? 0));
  }
  for (const job of model.jobs.values()) {
    const runs = job.executions;
    for (let i = 1; i < runs.length; i++) {
      const previous = runs[i - 1];
      const next = runs[i];
      // Only a failure the runtime committed as "retry later" promises a delay; a fenced or released run does not.
      if (previous?.end?.data['outcome'] !== 'threw' || previous.settlement?.data['outcome'] !== 'retrying' || next === undefined) continue;
      const required = delayOf.get(previous.pid) ?? 0;
      const waited = next.start.t - previous.end.t;
      if (waited + TOLERANCE_MS < required) {
        violations.push({
          property: 'retry-backoff',
          message: `job ${job.key} was retried ${waited.toFixed(0)} ms after a failure; the retry delay is ${required} ms`,
          witness: [previous.end, next.start],
        });
      }
    }
  }
  return violations;
};
