import { SteadfastError, type RuntimeErrorCode } from '../../errors/steadfast-error.js';

const BY_SQLITE_CODE: Readonly<Record<string, { code: RuntimeErrorCode; hint: string }>> = {
  SQLITE_BUSY: {
    code: 'DATABASE_BUSY',
    hint: 'another connection held the write lock longer than busyTimeoutMs; the worker retries on its own',
  },
  SQLITE_LOCKED: { code: 'DATABASE_BUSY', hint: 'the database is locked by this connection' },
  SQLITE_READONLY: {
    code: 'DATABASE_READ_ONLY',
    hint: 'the database file (or its directory, which holds the -wal and -shm files) cannot be written',
  },
  SQLITE_NOTADB: { code: 'NOT_A_DATABASE', hint: 'the file exists but is not an SQLite database' },
  SQLITE_CANTOPEN: { code: 'DATABASE_ERROR', hint: 'the database file cannot be opened (check the path)' },
};

function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A database failure as a `SteadfastError` with a stable code; an error that already is one passes
 * through. Extended codes (`SQLITE_BUSY_SNAPSHOT`, `SQLITE_READONLY_DBMOVED`) map like their base.
 */
export function toSteadfastError(error: unknown, where: string): SteadfastError {
  if (error instanceof SteadfastError) return error;
  const code = sqliteCode(error);
  const base = code?.match(/^SQLITE_[A-Z]+/)?.[0];
  const known = base === undefined ? undefined : BY_SQLITE_CODE[base];
  const detail = error instanceof Error ? error.message : String(error);
  if (known !== undefined) {
    return new SteadfastError(known.code, `${where}: ${known.hint} (${detail})`, { cause: error });
  }
  return new SteadfastError('DATABASE_ERROR', `${where}: ${detail}`, { cause: error });
}
