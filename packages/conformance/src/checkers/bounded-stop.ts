import type { HistoryEvent } from '../history/history-event.js';
import type { Checker, Violation } from './violation.js';

/** How much longer than its grace period a stop may take: handlers that ignore abort, store commits. */
export const STOP_SLACK_MS = 1500;

/**
 * Bounded stop time: every `stop({ graceMs })` resolves within `graceMs` plus a fixed slack, and
 * every call resolves (none rejects).
 */
export const boundedStop: Checker = (model) => {
  const violations: Violation[] = [];
  const begun = new Map<number, HistoryEvent>();
  const ended = new Set<number>();
  for (const event of model.events) {
    if (event.type === 'worker.stop.begin' && !begun.has(event.pid)) begun.set(event.pid, event);
    if (event.type !== 'worker.stop.end') continue;
    const begin = begun.get(event.pid);
    if (begin === undefined) continue;
    if (typeof event.data['message'] === 'string') {
      violations.push({ property: 'bounded-stop', message: `stop() rejected: ${event.data['message']}`, witness: [begin, event] });
    }
    if (ended.has(event.pid)) continue;
    ended.add(event.pid);
    const bound = Number(begin.data['graceMs'] ?? 0) + STOP_SLACK_MS;
    if (event.t - begin.t > bound) {
      violations.push({
        property: 'bounded-stop',
        message: `stop() took ${(event.t - begin.t).toFixed(0)} ms; the bound is grace + slack = ${bound} ms`,
        witness: [begin, event],
      });
    }
  }
  for (const [pid, begin] of begun) {
    if (ended.has(pid)) continue;
    const exit = model.exits.get(pid);
    // A process killed by the test cannot be blamed for not finishing its stop.
    if (exit !== undefined && exit.data['signal'] !== null) continue;
    violations.push({ property: 'bounded-stop', message: `stop() never resolved in process ${pid}`, witness: exit ? [begin, exit] : [begin] });
  }
  return violations;
};
