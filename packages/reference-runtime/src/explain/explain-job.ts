import type { JobRecord } from '../store/store.js';

function at(ms: number): string {
  return new Date(ms).toISOString();
}

function span(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return `${String(Math.round(abs))} ms`;
  if (abs < 120_000) return `${(abs / 1000).toFixed(1)} s`;
  if (abs < 7_200_000) return `${(abs / 60_000).toFixed(1)} min`;
  return `${(abs / 3_600_000).toFixed(1)} h`;
}

function attemptsSoFar(job: JobRecord): string {
  if (job.attempts === 0) return '';
  const last = job.lastError === null ? '' : `; last error: ${job.lastError}`;
  return ` It has used ${String(job.attempts)} of ${String(job.maxAttempts)} attempts${last}.`;
}

/**
 * In words, why a job is (or is not) running right now, judged at `now` on the store's clock.
 * Pure: the same record and time give the same sentence.
 */
export function explainJob(job: JobRecord | undefined, jobId: number, now: number): string {
  if (job === undefined) return `No job #${String(jobId)} exists in this store.`;
  const name = `Job #${String(job.id)} (${job.queue})`;
  switch (job.state) {
    case 'queued':
      if (job.runAt > now) {
        return `${name} is delayed until ${at(job.runAt)} (in ${span(job.runAt - now)}).${attemptsSoFar(job)}`;
      }
      return (
        `${name} is due since ${at(job.runAt)} (${span(now - job.runAt)} ago) and waits for a worker that ` +
        `serves queue "${job.queue}" (priority ${String(job.priority)}); if it stays here, no running worker has this task, or all are busy.` +
        attemptsSoFar(job)
      );
    case 'running': {
      const lease = job.leaseExpiresAt ?? now;
      const owner = job.owner ?? 'an unknown worker';
      const cancel = job.cancelRequested ? ' Cancellation was requested; the worker aborts it at its next heartbeat.' : '';
      if (lease > now) {
        return `${name} is running: the lease is held by ${owner} until ${at(lease)} (attempt ${String(job.attempts)} of ${String(job.maxAttempts)}).${cancel}`;
      }
      return (
        `${name} is marked running but the lease held by ${owner} expired at ${at(lease)} (${span(now - lease)} ago): ` +
        `that worker crashed, hung or is cut off; the next reap by any live worker ${job.attempts >= job.maxAttempts ? 'marks it dead (it was the last attempt)' : 'puts it back in the queue'}.${cancel}`
      );
    }
    case 'succeeded':
      return `${name} succeeded at ${at(job.finishedAt ?? job.updatedAt)} after ${String(job.attempts)} attempt(s).`;
    case 'dead':
      return (
        `${name} is dead after ${String(job.attempts)} attempt(s) (max ${String(job.maxAttempts)})` +
        `${job.lastError === null ? '' : `; last error: ${job.lastError}`}. Redrive it to run it again.`
      );
    case 'cancelled':
      return `${name} was cancelled at ${at(job.finishedAt ?? job.updatedAt)}.`;
  }
}
