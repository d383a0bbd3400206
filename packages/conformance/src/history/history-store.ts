import Database from 'better-sqlite3';
import type { History, HistoryEvent, HistoryEventType, NewHistoryEvent } from './history-event.js';
import { monotonicNow } from './monotonic-now.js';

interface Row {
  seq: number;
  t: number;
  pid: number;
  type: string;
  key: string | null;
  job_id: string | null;
  attempt: number | null;
  exec_id: string | null;
  data: string;
}

/**
 * The shared history: one SQLite file in WAL mode that every process of a test appends to. An
 * append is a committed transaction before it returns, so a fact recorded just before a SIGKILL
 * survives it (an IPC message would not).
 */
export class HistoryStore {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  readonly #countStarts: Database.Statement;
  readonly #since: Database.Statement;
  readonly #gateOpen: Database.Statement;

  private constructor(file: string) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('busy_timeout = 10000');
    this.#db.exec(`CREATE TABLE IF NOT EXISTS events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      t REAL NOT NULL, pid INTEGER NOT NULL, type TEXT NOT NULL,
      key TEXT, job_id TEXT, attempt INTEGER, exec_id TEXT, data TEXT NOT NULL)`);
    this.#insert = this.#db.prepare(
      'INSERT INTO events (t, pid, type, key, job_id, attempt, exec_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.#countStarts = this.#db.prepare("SELECT count(*) AS n FROM events WHERE type = 'exec.start' AND key = ?");
    this.#since = this.#db.prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq');
    this.#gateOpen = this.#db.prepare("SELECT 1 FROM events WHERE type = 'gate.open' AND key = ? LIMIT 1");
  }

  /** Opens (creating if needed) the history file. */
  static open(file: string): HistoryStore {
    return new HistoryStore(file);
  }

  /** Appends one event and returns its sequence number. */
  append(event: NewHistoryEvent): number {
    const result = this.#insert.run(
      event.t ?? monotonicNow(),
      event.pid ?? process.pid,
      event.type,
      event.key ?? null,
      event.jobId ?? null,
      event.attempt ?? null,
      event.execId ?? null,
      JSON.stringify(event.data ?? {}),
    );
    return Number(result.lastInsertRowid);
  }

  /**
   * Records the start of an execution and returns how many executions of `key` started before it,
   * atomically, so two processes starting the same job agree on who was first.
   */
  appendStart(event: NewHistoryEvent & { key: string }): number {
    const run = this.#db.transaction(() => {
      const before = (this.#countStarts.get(event.key) as { n: number }).n;
      this.append(event);
      return before;
    });
    return run.immediate();
  }

  /** Whether the test process has opened the named gate. */
  isGateOpen(gate: string): boolean {
    return this.#gateOpen.get(gate) !== undefined;
  }

  /** Every event appended after `seq` (0 for all), in order. */
  read(afterSeq = 0): History {
    return (this.#since.all(afterSeq) as Row[]).map(toEvent);
  }

  /** Closes the file. */
  close(): void {
    this.#db.close();
  }
}

function toEvent(row: Row): HistoryEvent {
  return {
    seq: row.seq,
    t: row.t,
    pid: row.pid,
    type: row.type as HistoryEventType,
    key: row.key,
    jobId: row.job_id,
    attempt: row.attempt,
    execId: row.exec_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}
