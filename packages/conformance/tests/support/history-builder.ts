import type { History, HistoryEvent, NewHistoryEvent } from '../../src/history/history-event.js';

/** Builds a hand-written history: each call appends one event at the given time (ms). */
export class HistoryBuilder {
  readonly #events: HistoryEvent[] = [];

  add(t: number, pid: number, event: NewHistoryEvent): this {
    this.#events.push({ seq: this.#events.length + 1, t, pid, key: null, jobId: null, attempt: null, execId: null, data: {}, ...event });
    return this;
  }

  enqueued(t: number, key: string, jobId: string, data: Record<string, unknown> = {}): this {
    return this.add(t, 1, { type: 'enqueue.invoke', key, data: { expect: 'complete', maxAttempts: null, ...data } }).add(t, 1, { type: 'enqueue.ok', key, jobId });
  }

  worker(t: number, pid: number, data: Record<string, unknown> = {}): this {
    return this.add(t, pid, { type: 'proc.spawn', data: { role: 'worker' } }).add(t, pid, { type: 'worker.started', data: { concurrency: 1, retryDelayMs: 0, ...data } });
  }

  start(t: number, pid: number, key: string, jobId: string, attempt: number, execId: string): this {
    return this.add(t, pid, { type: 'exec.start', key, jobId, attempt, execId });
  }

  end(t: number, pid: number, key: string, jobId: string, attempt: number, execId: string, outcome: 'returned' | 'threw' = 'returned'): this {
    return this.add(t, pid, { type: 'exec.end', key, jobId, attempt, execId, data: { outcome } });
  }

  settled(t: number, pid: number, jobId: string, attempt: number, outcome: string): this {
    return this.add(t, pid, { type: 'settled', jobId, attempt, data: { outcome } });
  }

  /** start + end(returned) + settled(completed) */
  ran(t0: number, t1: number, pid: number, key: string, jobId: string, attempt: number, execId: string): this {
    return this.start(t0, pid, key, jobId, attempt, execId).end(t1, pid, key, jobId, attempt, execId).settled(t1 + 1, pid, jobId, attempt, 'completed');
  }

  /** The runtime's `beforeComplete` hook ran for `jobId` in `pid` (capability `beforeCompleteHook`). */
  completing(t: number, pid: number, jobId: string): this {
    return this.add(t, pid, { type: 'exec.completing', jobId });
  }

  exit(t: number, pid: number, signal: string | null = 'SIGKILL'): this {
    return this.add(t, pid, { type: 'proc.exit', data: { code: signal === null ? 0 : null, signal } });
  }

  build(): History {
    return [...this.#events];
  }
}
