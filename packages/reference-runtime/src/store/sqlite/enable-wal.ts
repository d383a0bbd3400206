/** The part of a connection the switch needs; a fake in tests. */
export interface PragmaConnection {
  pragma(source: string): unknown;
}

/** Options of `enableWal`; `sleep` and `clock` are injectable so the retry is tested without waiting. */
export interface EnableWalOptions {
  /** Give up after this long (the store's `busyTimeoutMs`). */
  readonly timeoutMs: number;
  /** Blocks for `ms` milliseconds; opening a store is synchronous. */
  readonly sleep?: (ms: number) => void;
  readonly clock?: () => number;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function blockingSleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

function isBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_BUSY';
}

/**
 * Switches a connection to WAL. When several processes open the same fresh file at once, SQLite
 * can answer the switch with SQLITE_BUSY at once instead of calling the busy handler (two
 * connections each holding a shared lock and both wanting the exclusive one), so the switch is
 * retried with a short backoff until `timeoutMs` is spent — the same patience `busy_timeout`
 * gives every other statement.
 */
export function enableWal(connection: PragmaConnection, options: EnableWalOptions): void {
  const sleep = options.sleep ?? blockingSleep;
  const clock = options.clock ?? Date.now;
  const deadline = clock() + options.timeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      connection.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!isBusy(error) || clock() >= deadline) throw error;
      // Jitter keeps two openers from colliding again on the same beat.
      sleep(Math.min(50, 2 ** attempt) * (0.5 + Math.random() / 2));
    }
  }
}
