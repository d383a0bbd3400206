import type { JobRecord } from '../store.js';
import { JOB_COLUMNS, toJobRecord, type JobRow } from './job-row.js';
import { prepared, type Connection } from './prepared.js';

const ONE = `SELECT ${JOB_COLUMNS} FROM steadfast_jobs WHERE id = ?`;

/** One job by id (a read, not a transition). */
export function getJob(db: Connection, jobId: number): JobRecord | undefined {
  const row = prepared(db, ONE).get(jobId) as JobRow | undefined;
  return row === undefined ? undefined : toJobRecord(row);
}
