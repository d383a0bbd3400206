import { JOB_STATES, type JobState, type StoreStats } from '../store.js';
import { prepared, type Connection } from './prepared.js';

const COUNTS = `SELECT queue, state, COUNT(*) AS n FROM steadfast_jobs GROUP BY queue, state`;
const OLDEST = `SELECT MIN(run_at) AS oldest FROM steadfast_jobs WHERE state = 'queued' AND run_at <= ?`;

function zeroCounts(): Record<JobState, number> {
  return Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
}

/** Counts per queue and state, read in one snapshot. */
export function stats(db: Connection, now: number): StoreStats {
  return db.transaction((): StoreStats => {
    // A null-prototype map: queue names come from users and may be `__proto__`.
    const queues = Object.create(null) as Record<string, Record<JobState, number>>;
    const totals = zeroCounts();
    for (const row of prepared(db, COUNTS).all() as { queue: string; state: JobState; n: number }[]) {
      const counts = (queues[row.queue] ??= zeroCounts());
      counts[row.state] = row.n;
      totals[row.state] += row.n;
    }
    const { oldest } = prepared(db, OLDEST).get(now) as { oldest: number | null };
    return { queues, totals, oldestQueuedAgeMs: oldest === null ? null : now - oldest };
  })();
}
