import type { HistoryEvent } from '../history/history-event.js';
import type { Checker, Violation } from './violation.js';

/**
 * No acknowledgement before execution (seed 002, task 2): a completion is committed only after the
 * handler of that very execution returned. Marking done first turns a crash into a lost job.
 */
export const noAckBeforeExecution: Checker = (model) => {
  const violations: Violation[] = [];
  const returned = new Map<string, HistoryEvent>();
  const startOf = new Map<string, HistoryEvent>();
  for (const event of model.events) {
    if (event.type === 'exec.start' && event.execId !== null) startOf.set(event.execId, event);
    if (event.type === 'exec.end' && event.data['outcome'] === 'returned' && event.execId !== null) {
      const start = startOf.get(event.execId);
      if (start !== undefined) returned.set(`${start.pid}|${start.jobId}|${start.attempt}`, event);
    }
    if (event.type === 'settled' && event.data['outcome'] === 'completed') {
      if (!returned.has(`${event.pid}|${event.jobId}|${event.attempt}`)) {
        violations.push({
          property: 'no-ack-before-execution',
          message: `job ${event.jobId ?? '?'} attempt ${event.attempt ?? '?'} was acknowledged as completed before its handler returned`,
          witness: [event],
        });
      }
    }
  }
  return violations;
};
