// The seed-000 background worker (significance jobs + a periodic backup), ported to
// @steadfast/runtime. Run: `npx tsx examples/service/main.ts` (or compile it), then Ctrl-C.
import { createClient, createWorker, openSqliteStore } from '@steadfast/runtime';
import { backupTask } from './backup.js';
import { MemoryDatabase } from './memory-database.js';
import { significanceHandler } from './significance.js';
import type { Tasks } from './tasks.js';

const dataDir = process.env['DATA_DIR'] ?? '.tmp/service';
const db = new MemoryDatabase(`${dataDir}/memories.db`);
// Jobs live in the application's own database, so a memory and its job commit together.
const store = openSqliteStore({ database: db.connection });
const client = createClient<Tasks>({ store, taskNames: ['significance'] });

const worker = createWorker<Tasks>({
  store,
  tasks: { significance: significanceHandler(db) },
  periodic: { backup: { everyMs: 24 * 60 * 60 * 1000, run: backupTask(db, dataDir) } },
  concurrency: 4,
  leaseMs: 30_000,
});

/** The request path: write the memory and enqueue its scoring in one transaction (outbox). */
export function recordMemory(hostBotId: string, narrativeText: string): number {
  return db.transaction(() => {
    const memoryId = db.insertMemory(hostBotId, narrativeText);
    void client.enqueue('significance', { memoryId, narrativeText, hostBotId }, { idempotencyKey: `memory-${String(memoryId)}` });
    return memoryId;
  });
}

await worker.start();
// SIGTERM/SIGINT: stop claiming, let running jobs finish for 10 s, release the rest, exit.
worker.stopOnSignals({ graceMs: 10_000 });
recordMemory('bot-1', 'The day the lighthouse keeper finally answered the letter, everything changed.');
