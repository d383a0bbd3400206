import type { History, HistoryEvent } from '../history/history-event.js';

/** What the test expected of a job when it enqueued it. */
export type JobExpectation =
  /** Must complete successfully at least once. */
  | 'complete'
  /** Must never complete (e.g. a poison job, a job whose handler always throws). */
  | 'fail'
  /** No liveness expectation (e.g. a job cancelled or enqueued by a killed client). */
  | 'any';

/** One execution of a handler, from its start to its end or its process's death. */
export interface Execution {
  /** `pid:n`. */
  readonly execId: string;
  /** The job key. */
  readonly key: string;
  /** The process that ran it. */
  readonly pid: number;
  /** The `exec.start` event. */
  readonly start: HistoryEvent;
  /** The `exec.end` event, if the handler finished. */
  readonly end: HistoryEvent | undefined;
  /** The settlement the runtime reported for this execution, if any. */
  readonly settlement: HistoryEvent | undefined;
  /** When the execution stopped running: its end, else its process's exit, else `Infinity`. */
  readonly until: number;
  /** Whether its process was killed by a signal (SIGKILL, SIGTERM) before it reported a settlement. */
  readonly killedBeforeSettling: boolean;
  /** Whether its process called the adapter's `beforeComplete` hook for every commit (`beforeCompleteHook`). */
  readonly hooked: boolean;
  /** The `exec.completing` event of this execution's job in its process after it started, if any. */
  readonly completing: HistoryEvent | undefined;
}

/** A job as the history shows it. */
export interface JobRecord {
  /** The kit's key. */
  readonly key: string;
  /** `enqueue.invoke`, if the job was enqueued through the kit. */
  readonly invoke: HistoryEvent | undefined;
  /** `enqueue.ok`, if the enqueue was acknowledged. */
  readonly ok: HistoryEvent | undefined;
  /** The expectation recorded at enqueue. */
  readonly expect: JobExpectation;
  /** Attempts allowed (from the enqueue), or `undefined` for the runtime's default. */
  readonly maxAttempts: number | undefined;
  /** Executions in start order. */
  readonly executions: readonly Execution[];
  /** Settlements in history order. */
  readonly settlements: readonly HistoryEvent[];
}

/** The history partitioned by job (each job is an independent object), plus per-process facts. */
export interface HistoryModel {
  /** Every event. */
  readonly events: History;
  /** Jobs by key. */
  readonly jobs: ReadonlyMap<string, JobRecord>;
  /** Executions whose payload carried no kit key (unexpected payloads). */
  readonly orphanStarts: readonly HistoryEvent[];
  /** Exit time of each process that exited. */
  readonly exits: ReadonlyMap<number, HistoryEvent>;
  /** Role of each process of the kit (`worker`, `client`, `test`). */
  readonly roles: ReadonlyMap<number, string>;
}

function settlementKey(pid: number, jobId: string | null, attempt: number | null): string {
  return `${pid}|${jobId ?? ''}|${attempt ?? ''}`;
}

/** Builds the model; linear in the history's length. */
export function buildHistoryModel(events: History): HistoryModel {
  const exits = new Map<number, HistoryEvent>();
  const roles = new Map<number, string>();
  const keyOfJobId = new Map<string, string>();
  const invokes = new Map<string, HistoryEvent>();
  const oks = new Map<string, HistoryEvent>();
  const starts = new Map<string, HistoryEvent[]>();
  const ends = new Map<string, HistoryEvent>();
  const orphanStarts: HistoryEvent[] = [];
  const settledByExec = new Map<string, HistoryEvent>();
  const settlements: HistoryEvent[] = [];
  const hookedPids = new Set<number>();
  const completings = new Map<string, HistoryEvent[]>();

  for (const event of events) {
    switch (event.type) {
      case 'proc.exit':
        exits.set(event.pid, event);
        break;
      case 'proc.spawn':
        roles.set(event.pid, String(event.data['role']));
        break;
      case 'enqueue.invoke':
        if (event.key !== null) invokes.set(event.key, event);
        break;
      case 'enqueue.ok':
        if (event.key !== null) oks.set(event.key, event);
        if (event.key !== null && event.jobId !== null) keyOfJobId.set(event.jobId, event.key);
        break;
      case 'exec.start':
        if (event.key === null) {
          orphanStarts.push(event);
        } else {
          const list = starts.get(event.key) ?? [];
          list.push(event);
          starts.set(event.key, list);
          if (event.jobId !== null) keyOfJobId.set(event.jobId, event.key);
        }
        break;
      case 'exec.end':
        if (event.execId !== null) ends.set(event.execId, event);
        break;
      case 'worker.started':
        if (event.data['beforeCompleteHook'] === true) hookedPids.add(event.pid);
        break;
      case 'exec.completing': {
        const id = `${event.pid}|${event.jobId ?? ''}`;
        const list = completings.get(id) ?? [];
        list.push(event);
        completings.set(id, list);
        break;
      }
      case 'settled': {
        const id = settlementKey(event.pid, event.jobId, event.attempt);
        if (!settledByExec.has(id)) settledByExec.set(id, event);
        settlements.push(event);
        break;
      }
      default:
        break;
    }
  }

  const keys = new Set<string>([...invokes.keys(), ...starts.keys()]);
  const jobs = new Map<string, JobRecord>();
  for (const key of keys) {
    const invoke = invokes.get(key);
    const executions = (starts.get(key) ?? []).map((start): Execution => {
      const execId = start.execId ?? `${start.pid}:?`;
      const end = ends.get(execId);
      const exit = exits.get(start.pid);
      return {
        execId,
        key,
        pid: start.pid,
        start,
        end,
        settlement: settledByExec.get(settlementKey(start.pid, start.jobId, start.attempt)),
        until: end?.t ?? exit?.t ?? Number.POSITIVE_INFINITY,
        killedBeforeSettling:
          !settledByExec.has(settlementKey(start.pid, start.jobId, start.attempt)) &&
          exit !== undefined &&
          exit.data['signal'] !== null &&
          exit.data['signal'] !== undefined,
        hooked: hookedPids.has(start.pid),
        completing: completings.get(`${start.pid}|${start.jobId ?? ''}`)?.find((c) => c.seq > start.seq),
      };
    });
    const expect = invoke?.data['expect'];
    const maxAttempts = invoke?.data['maxAttempts'];
    jobs.set(key, {
      key,
      invoke,
      ok: oks.get(key),
      expect: expect === 'fail' || expect === 'any' ? expect : 'complete',
      maxAttempts: typeof maxAttempts === 'number' ? maxAttempts : undefined,
      executions,
      settlements: settlements.filter((s) => s.jobId !== null && keyOfJobId.get(s.jobId) === key),
    });
  }
  return { events, jobs, orphanStarts, exits, roles };
}

/**
 * Whether an execution finished its job as far as the history can tell: its handler returned and
 * the runtime reported the completion as committed — or its handler returned and its process was
 * killed before it could report anything. The runtime's commit and the kit's `settled` record live
 * in two databases, so a SIGKILL that lands between them leaves a committed completion the history
 * cannot see; counting that execution as lost would fail correct runtimes at random (ADR-0010).
 * With `beforeCompleteHook` the window shrinks to "commit attempted, not reported": a process
 * killed before its hook ran for the job never attempted the commit, so that execution did not
 * finish the job and a redelivery must.
 */
export function executionCompleted(execution: Execution): boolean {
  if (execution.end?.data['outcome'] !== 'returned') return false;
  if (execution.settlement?.data['outcome'] === 'completed') return true;
  if (!execution.killedBeforeSettling) return false;
  return !execution.hooked || execution.completing !== undefined;
}

/** Whether some execution of the job finished it (see {@link executionCompleted}). */
export function jobCompleted(job: JobRecord): boolean {
  return job.executions.some(executionCompleted);
}
