import type { HistoryEvent } from '../history/history-event.js';
import type { Checker, Violation } from './violation.js';

/** The concurrency limit holds: a worker never runs more handlers at once than it was started with. */
export const concurrencyLimit: Checker = (model) => {
  const violations: Violation[] = [];
  const limit = new Map<number, number>();
  const running = new Map<number, HistoryEvent[]>();
  const startOf = new Map<string, HistoryEvent>();
  const reported = new Set<number>();
  for (const event of model.events) {
    if (event.type === 'worker.started') limit.set(event.pid, Number(event.data['concurrency']));
    if (event.type === 'exec.start' && event.execId !== null) {
      startOf.set(event.execId, event);
      const list = running.get(event.pid) ?? [];
      list.push(event);
      running.set(event.pid, list);
      const max = limit.get(event.pid);
      if (max !== undefined && list.length > max && !reported.has(event.pid)) {
        reported.add(event.pid);
        violations.push({
          property: 'concurrency-limit',
          message: `process ${event.pid} ran ${list.length} handlers at once with concurrency ${max}`,
          witness: [...list],
        });
      }
    }
    if (event.type === 'exec.end' && event.execId !== null) {
      const list = running.get(event.pid);
      if (list !== undefined) running.set(event.pid, list.filter((s) => s.execId !== event.execId));
    }
  }
  return violations;
};
