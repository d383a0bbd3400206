import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClient, createWorker, openSqliteStore, silentLogger, SteadfastError, type Logger } from '../src/index.js';
import { WalCheckpointer } from '../src/store/sqlite/wal-checkpointer.js';
import { tempDatabasePath } from './helpers/temp-database.js';
import { waitFor } from './helpers/wait-for.js';

const run = promisify(execFile);

/** Enqueue `count` jobs in transactions of 100: a few hundred WAL pages, below every auto-checkpoint. */
async function write(store: ReturnType<typeof openSqliteStore>, count: number): Promise<void> {
  const client = createClient({ store });
  for (let n = 0; n < count; n += 100) {
    await client.enqueueMany(Array.from({ length: 100 }, (_, i) => ({ name: 'work', payload: { n: n + i, text: 'x'.repeat(200) } })));
  }
}

function recordingLogger(): Logger & { errors: Record<string, unknown>[] } {
  const errors: Record<string, unknown>[] = [];
  return { ...silentLogger, errors, error: (fields) => void errors.push(fields) };
}

describe('background WAL checkpoints (ADR 0012)', () => {
  it('a background store checkpoints on its thread: the database file grows without an inline checkpoint', async () => {
    const path = tempDatabasePath();
    const store = openSqliteStore({ path, checkpoint: 'background', checkpointIntervalMs: 10 });
    try {
      expect(store.checkpointsInBackground).toBe(true);
      // The connection's own auto-checkpoint is untouched (and far above what this test writes).
      expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      const before = statSync(path).size;
      await write(store, 2000);
      // Pages reach the database file only through a checkpoint; nothing here ran one inline.
      await waitFor(() => statSync(path).size > before, 'the background checkpoint to copy pages into the database file');
    } finally {
      await store.close();
    }
  });

  it('control: an inline store writing the same leaves every page in the WAL', async () => {
    const path = tempDatabasePath();
    const store = openSqliteStore({ path });
    try {
      expect(store.checkpointsInBackground).toBe(false);
      const before = statSync(path).size;
      await write(store, 2000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(statSync(path).size).toBe(before);
    } finally {
      await store.close();
    }
  });

  it('close stops the thread before the connection closes, so the WAL is folded in and removed; callers share it', async () => {
    const path = tempDatabasePath();
    const store = openSqliteStore({ path, checkpoint: 'background', checkpointIntervalMs: 10 });
    await write(store, 500);
    expect(existsSync(`${path}-wal`)).toBe(true);
    const first = store.close();
    expect(store.close()).toBe(first);
    await first;
    // The last connection to close checkpoints and deletes the WAL: a thread still holding its
    // connection would have left it behind.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM steadfast_jobs').get()).toEqual({ n: 500 });
    } finally {
      db.close();
    }
    await expect(store.enqueue([])).rejects.toMatchObject({ code: 'STORE_CLOSED' });
  });

  it('a worker drains through a background store; the database stays intact', async () => {
    const path = tempDatabasePath();
    const store = openSqliteStore({ path, checkpoint: 'background', checkpointIntervalMs: 5 });
    try {
      await write(store, 3000);
      let handled = 0;
      const worker = createWorker({ store, logger: silentLogger, batchSize: 100, tasks: { work: () => void (handled += 1) } });
      await worker.start();
      await waitFor(() => handled === 3000, 'the drain');
      await worker.stop();
      expect((await store.stats()).totals.succeeded).toBe(3000);
      expect(store.database.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await store.close();
    }
  });

  it('a thread that fails is reported once and stops', async () => {
    const failures: unknown[] = [];
    // The thread's connection must find the file: this one does not exist.
    const checkpointer = new WalCheckpointer({
      path: `${tempDatabasePath()}.missing`,
      intervalMs: 10,
      onFailure: (error) => void failures.push(error),
    });
    checkpointer.start();
    expect(checkpointer.running).toBe(true);
    await waitFor(() => failures.length > 0, 'the thread to fail');
    expect(checkpointer.running).toBe(false);
    expect(failures[0]).toMatchObject({ code: 'SQLITE_CANTOPEN' });
    checkpointer.noteCommit();
    await checkpointer.close();
    expect(failures).toHaveLength(1);
  });

  it('the store logs a failed checkpointer and goes on', async () => {
    const path = tempDatabasePath();
    const link = `${path}.link`;
    new Database(path).close();
    symlinkSync(path, link);
    // SQLite resolves the link when it opens; the thread, opening the removed link, finds nothing.
    const database = new Database(link);
    unlinkSync(link);
    const logger = recordingLogger();
    const store = openSqliteStore({ database, checkpoint: 'background', logger });
    try {
      await waitFor(() => logger.errors.length > 0, 'the failure to be logged');
      expect(logger.errors[0]).toMatchObject({ database: link });
      expect(store.checkpointsInBackground).toBe(false);
      await write(store, 100);
      expect((await store.stats()).totals.queued).toBe(100);
    } finally {
      await store.close();
      database.close();
    }
  });

  it('refuses background checkpoints where no second connection can reach the database, and bad options', () => {
    expect(() => openSqliteStore({ path: ':memory:', checkpoint: 'background' })).toThrow(SteadfastError);
    expect(() => openSqliteStore({ path: ':memory:', checkpoint: 'background' })).toThrow(/named database file/);
    expect(() => openSqliteStore({ path: tempDatabasePath(), checkpointIntervalMs: 0 })).toThrow(/checkpointIntervalMs/);
    expect(() => openSqliteStore({ path: tempDatabasePath(), checkpoint: 'thread' as never })).toThrow(/"background" or "inline"/);
  });

  it('a store that is never closed does not keep its process alive', async () => {
    const path = tempDatabasePath();
    const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const program = `
      import { openSqliteStore } from ${JSON.stringify(dist)};
      const store = openSqliteStore({ path: ${JSON.stringify(path)}, checkpoint: 'background', checkpointIntervalMs: 5 });
      await store.enqueue([{ queue: 'q', payload: '{}', priority: 0, runAt: 0, maxAttempts: 1, idempotencyKey: null }]);
      console.log(store.checkpointsInBackground);
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', program], { timeout: 20_000 });
    expect(stdout.trim()).toBe('true');
  });

  it('awaiting close in a process with nothing else to do settles: the thread is waited for, not abandoned', async () => {
    const path = tempDatabasePath();
    const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    // An unreferenced thread would let the event loop end before close settles (exit code 13).
    const program = `
      import { existsSync } from 'node:fs';
      import { openSqliteStore } from ${JSON.stringify(dist)};
      const store = openSqliteStore({ path: ${JSON.stringify(path)}, checkpoint: 'background' });
      await store.enqueue([{ queue: 'q', payload: '{}', priority: 0, runAt: 0, maxAttempts: 1, idempotencyKey: null }]);
      await store.close();
      console.log('closed, wal left:', existsSync(${JSON.stringify(`${path}-wal`)}));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', program], { timeout: 20_000 });
    expect(stdout.trim()).toBe('closed, wal left: false');
  });
});
