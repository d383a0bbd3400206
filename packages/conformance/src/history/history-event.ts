/** What happened, as one process saw it. The vocabulary follows Jepsen: invoke, then ok or fail. */
export type HistoryEventType =
  /** A process of the kit started (data: `{ role }`). */
  | 'proc.spawn'
  /** A process ended (recorded by the parent from the `exit` event; data: `{ code, signal }`). */
  | 'proc.exit'
  /** The parent sent a signal to a process group (data: `{ signal }`). */
  | 'fault'
  /** An enqueue was called (data: `{ maxAttempts, expect }`). */
  | 'enqueue.invoke'
  /** An enqueue resolved with a job id. */
  | 'enqueue.ok'
  /** An enqueue rejected (data: `{ message }`). */
  | 'enqueue.fail'
  /** A handler began an execution. */
  | 'exec.start'
  /** A handler performed its side effect (the point after which a crash must redeliver). */
  | 'exec.effect'
  /** A handler parked on a gate. */
  | 'exec.parked'
  /** A handler observed its abort signal. */
  | 'exec.abort'
  /** A handler returned or threw (data: `{ outcome: 'returned' | 'threw' }`). */
  | 'exec.end'
  /**
   * The runtime is about to commit this job's completion (`beforeCompleteHook`; jobId set): before
   * this event no completion of the job was committed by this process.
   */
  | 'exec.completing'
  /** The runtime reported a settlement through `onSettled` (data: `{ outcome }`). */
  | 'settled'
  /** `startWorker` resolved (data: `{ concurrency }`). */
  | 'worker.started'
  /** `startWorker` rejected or threw (data: `{ message }`). */
  | 'worker.error'
  /**
   * `WorkerHandle.start()` was called again and settled (data: `{ when: 'running' | 'stopped',
   * ok, message?, isError? }`), or the handle has none (data: `{ unsupported: true }`).
   */
  | 'worker.start.call'
  /** `stop()` was called (data: `{ graceMs }`). */
  | 'worker.stop.begin'
  /** `stop()` resolved (data: `{ call }`) or rejected (data: `{ call, message }`). */
  | 'worker.stop.end'
  /** A gate was opened by the test process (key: the gate name). */
  | 'gate.open'
  /** Free-form observation by a test (data: anything). */
  | 'note';

/** One row of the history. `t` is the system-wide monotonic clock in milliseconds. */
export interface HistoryEvent {
  /** Global order of appends. */
  readonly seq: number;
  /** `process.hrtime` in milliseconds: comparable across processes on one machine. */
  readonly t: number;
  /** The process that appended the event (for `proc.exit` and `fault`: the process it is about). */
  readonly pid: number;
  /** What happened. */
  readonly type: HistoryEventType;
  /** The kit's job key (from the payload), when the event is about a job. */
  readonly key: string | null;
  /** The runtime's job id, when known. */
  readonly jobId: string | null;
  /** The attempt number the runtime reported, when known. */
  readonly attempt: number | null;
  /** `pid:n`: one execution of a handler. */
  readonly execId: string | null;
  /** Extra details. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** An event before the store gave it a sequence number. */
export type NewHistoryEvent = Omit<HistoryEvent, 'seq' | 't' | 'pid' | 'key' | 'jobId' | 'attempt' | 'execId' | 'data'> &
  Partial<Pick<HistoryEvent, 't' | 'pid' | 'key' | 'jobId' | 'attempt' | 'execId' | 'data'>>;

/** The history a checker reads: events in append order. */
export type History = readonly HistoryEvent[];
