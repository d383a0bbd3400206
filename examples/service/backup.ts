import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PeriodicContext } from '@steadfast/runtime';
import type { MemoryDatabase } from './memory-database.js';

/**
 * The nightly backup of the original tick loop, as a periodic task: one run per slot across every
 * process of the service (a claimed slot row), interrupted at once by shutdown, and a failure is
 * reported without stopping the next slot.
 */
export function backupTask(db: MemoryDatabase, dataDir: string, keep = 14) {
  return async (ctx: PeriodicContext): Promise<void> => {
    const dir = join(dataDir, 'backups');
    mkdirSync(dir, { recursive: true });
    await db.backupTo(join(dir, `memories-${String(ctx.slot)}.db`));
    ctx.signal.throwIfAborted();
    const old = readdirSync(dir).sort().slice(0, -keep);
    for (const file of old) rmSync(join(dir, file), { force: true });
    ctx.logger.info({ slot: ctx.slot, pruned: old.length }, 'backup taken');
  };
}
