import { describe, expect, it } from 'vitest';
import { enableWal } from '../src/store/sqlite/enable-wal.js';

/** A connection whose `journal_mode` pragma answers SQLITE_BUSY `failures` times, then succeeds. */
function flakyConnection(failures: number): { pragma: (source: string) => unknown; calls: number } {
  const connection = {
    calls: 0,
    pragma(source: string): unknown {
      expect(source).toBe('journal_mode = WAL');
      connection.calls += 1;
      if (connection.calls <= failures) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      return 'wal';
    },
  };
  return connection;
}

describe('enableWal', () => {
  it('retries the switch to WAL while another process is switching the same fresh file (SQLite answers BUSY without waiting)', () => {
    const connection = flakyConnection(3);
    const sleeps: number[] = [];
    enableWal(connection, { timeoutMs: 1_000, sleep: (ms) => sleeps.push(ms) });
    expect(connection.calls).toBe(4);
    expect(sleeps).toHaveLength(3);
    expect(sleeps.every((ms) => ms > 0 && ms <= 50)).toBe(true);
  });

  it('gives up with the BUSY error once the busy timeout is spent', () => {
    const connection = flakyConnection(Number.POSITIVE_INFINITY);
    let now = 0;
    expect(() =>
      enableWal(connection, {
        timeoutMs: 100,
        sleep: (ms) => {
          now += ms;
        },
        clock: () => now,
      }),
    ).toThrow(/database is locked/);
    expect(now).toBeGreaterThanOrEqual(100);
  });

  it('does not retry other errors', () => {
    const connection = {
      calls: 0,
      pragma(): unknown {
        connection.calls += 1;
        throw Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' });
      },
    };
    expect(() => enableWal(connection, { timeoutMs: 1_000, sleep: () => undefined })).toThrow(/not a database/);
    expect(connection.calls).toBe(1);
  });
});
