import { setTimeout as delay } from 'node:timers/promises';
import type { JobContext, JobHandler } from '../adapter.js';
import { periodicKey } from '../checkers/periodic-key.js';
import type { HistoryStore } from '../history/history-store.js';
import type { CompletionFailpoint } from './completion-failpoint.js';
import { KIT_PERIODIC_TASK, KIT_TASK, type HandlerStep, type KitPayload, type ThrownValue } from './handler-plan.js';

/** How often a parked handler looks at its gate in the shared history. */
const GATE_POLL_MS = 10;

function isKitPayload(payload: unknown): payload is KitPayload {
  if (typeof payload !== 'object' || payload === null) return false;
  const candidate = payload as { key?: unknown; plan?: unknown };
  return typeof candidate.key === 'string' && Array.isArray(candidate.plan) && candidate.plan.length > 0;
}

function thrown(value: ThrownValue): unknown {
  switch (value) {
    case 'error':
      return new Error('planned failure');
    case 'string':
      return 'planned failure (a string)';
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'circular': {
      const cyclic: Record<string, unknown> = { reason: 'planned failure (circular)' };
      cyclic['self'] = cyclic;
      return cyclic;
    }
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}

/** Resolves when the signal aborts (with its reason). */
function whenAborted(signal: AbortSignal): Promise<unknown> {
  if (signal.aborted) return Promise.resolve(abortReason(signal));
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(abortReason(signal)), { once: true }));
}

/**
 * The kit's handlers. Each records its start (atomically numbered across processes), follows the
 * plan its payload carries, and records its end, so the history holds what really happened
 * whichever runtime ran it.
 */
export function createInstrumentedHandlers(history: HistoryStore, failpoint?: CompletionFailpoint): Record<string, JobHandler> {
  let executions = 0;

  async function perform(step: HandlerStep, execId: string, key: string, context: JobContext): Promise<void> {
    switch (step.do) {
      case 'succeed':
        if (step.ms !== undefined && step.ms > 0) await delay(step.ms);
        return;
      case 'throw':
        if (step.async === true || step.ms !== undefined) await delay(step.ms ?? 0);
        throw thrown(step.value);
      case 'hang': {
        const reason = await whenAborted(context.signal);
        history.append({ type: 'exec.abort', key, execId });
        throw reason;
      }
      case 'ignoreAbort':
        context.signal.addEventListener('abort', () => history.append({ type: 'exec.abort', key, execId }), { once: true });
        await delay(step.ms);
        return;
      case 'crash':
        history.append({ type: 'exec.effect', key, execId });
        process.kill(process.pid, 'SIGKILL');
        // SIGKILL is delivered asynchronously; never let the handler return meanwhile.
        await new Promise<never>(() => undefined);
        return;
      case 'crashBeforeComplete':
        // Without the hook the kit cannot place the crash; a test asking for it is a kit bug.
        if (failpoint === undefined) throw new Error('crashBeforeComplete needs the beforeCompleteHook capability');
        failpoint.arm(context.jobId);
        return;
      case 'gate': {
        history.append({ type: 'exec.parked', key, execId, data: { gate: step.gate } });
        while (!history.isGateOpen(step.gate)) {
          if (context.signal.aborted) {
            history.append({ type: 'exec.abort', key, execId });
            throw abortReason(context.signal);
          }
          await delay(GATE_POLL_MS);
        }
        return;
      }
    }
  }

  async function run(key: string | null, payload: unknown, plan: readonly HandlerStep[], context: JobContext, data: Record<string, unknown>): Promise<void> {
    executions += 1;
    const execId = `${process.pid}:${executions}`;
    const base = { key, jobId: context.jobId, attempt: context.attempt, execId };
    if (key === null) {
      history.append({ type: 'exec.start', ...base, data: { payload: safeJson(payload) } });
      history.append({ type: 'exec.end', ...base, data: { outcome: 'returned' } });
      return;
    }
    const index = history.appendStart({ type: 'exec.start', ...base, key, data });
    const step = plan[Math.min(index, plan.length - 1)] ?? { do: 'succeed' };
    try {
      await perform(step, execId, key, context);
    } catch (error) {
      history.append({ type: 'exec.end', ...base, data: { outcome: 'threw', aborted: context.signal.aborted } });
      throw error;
    }
    history.append({ type: 'exec.end', ...base, data: { outcome: 'returned', aborted: context.signal.aborted } });
  }

  return {
    [KIT_TASK]: (payload, context) => {
      if (!isKitPayload(payload)) return run(null, payload, [], context, {});
      return run(payload.key, payload, payload.plan, context, payload.blob === undefined ? {} : { blob: safeJson(payload.blob) });
    },
    [KIT_PERIODIC_TASK]: (_payload, context) => run(periodicKey(KIT_PERIODIC_TASK, context.slot), null, [{ do: 'succeed' }], context, { slot: context.slot ?? null, periodic: true }),
  };
}

function safeJson(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value ?? null)) as unknown;
  } catch {
    return '<not JSON>';
  }
}
