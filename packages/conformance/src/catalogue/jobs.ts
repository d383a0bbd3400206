import { buildHistoryModel, jobCompleted } from '../checkers/history-model.js';
import type { EnqueuePlan } from '../harness/enqueue-plan.js';
import type { HandlerStep } from '../harness/handler-plan.js';
import type { History, HistoryEvent } from '../history/history-event.js';

/** `count` jobs named `prefix-0…` with the same plan. */
export function jobs(prefix: string, count: number, plan: readonly HandlerStep[], extra: Partial<EnqueuePlan> = {}): EnqueuePlan[] {
  return Array.from({ length: count }, (_, i) => ({ key: `${prefix}-${i}`, plan, ...extra }));
}

/** Events of one type (and optionally one key). */
export function eventsOf(events: History, type: HistoryEvent['type'], key?: string): HistoryEvent[] {
  return events.filter((e) => e.type === type && (key === undefined || e.key === key));
}

/** The settlement reported for an execution's start event, if any. */
export function settlementOf(events: History, start: HistoryEvent): HistoryEvent | undefined {
  return events.find((e) => e.type === 'settled' && e.pid === start.pid && e.jobId === start.jobId && e.attempt === start.attempt);
}

/** Whether `key` has a completed execution, as far as the history can tell (`jobCompleted`). */
export function isCompleted(events: History, key: string): boolean {
  const job = buildHistoryModel(events).jobs.get(key);
  return job !== undefined && jobCompleted(job);
}
