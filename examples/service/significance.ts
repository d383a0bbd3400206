import type { Job, JobContext } from '@steadfast/runtime';
import type { MemoryDatabase } from './memory-database.js';
import type { Tasks } from './tasks.js';

/** Pivotal memories are pinned automatically, at most this many per bot. */
const AUTO_PIN_CAP = 8;

/** Stand-in for the classifier round-trip of the original service; honours the abort signal. */
async function computeSignificance(text: string, signal: AbortSignal): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  signal.throwIfAborted();
  return Math.min(3, Math.floor(text.length / 40));
}

/**
 * The significance job. Unlike the original worker, a crash between scoring and writing loses
 * nothing (the job is acknowledged only after this resolves), and a throw is a failed attempt
 * that is retried with backoff instead of a log line and a dropped job.
 */
export function significanceHandler(db: MemoryDatabase) {
  return async (job: Job<Tasks['significance']>, ctx: JobContext): Promise<{ score: number }> => {
    const { memoryId, narrativeText, hostBotId } = job.payload;
    const score = await computeSignificance(narrativeText, ctx.signal);
    // Idempotent writes: a redelivered job (at-least-once) sets the same values again.
    db.transaction(() => {
      db.setSignificance(memoryId, score);
      if (score >= 3) db.autoPinWithCap(hostBotId, memoryId, AUTO_PIN_CAP);
    });
    ctx.logger.info({ memoryId, score }, 'significance set');
    return { score };
  };
}
