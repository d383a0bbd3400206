import { attemptsWithinLimit } from './attempts-within-limit.js';
import { boundedStop } from './bounded-stop.js';
import { clientNeverDequeues } from './client-never-dequeues.js';
import { concurrencyLimit } from './concurrency-limit.js';
import type { HistoryModel } from './history-model.js';
import { noAckBeforeExecution } from './no-ack-before-execution.js';
import { noLostJobs } from './no-lost-jobs.js';
import { noOverlap } from './no-overlap.js';
import { noUnexpectedJobs } from './no-unexpected-jobs.js';
import { nothingAfterDone } from './nothing-after-done.js';
import { retryBackoff } from './retry-backoff.js';
import { singleCompletion } from './single-completion.js';
import type { Checker, PropertyId, Violation } from './violation.js';

/** The global invariants, checked after every test. */
export const INVARIANTS: Readonly<Record<PropertyId, Checker>> = {
  'no-lost-jobs': noLostJobs,
  'no-unexpected-jobs': noUnexpectedJobs,
  'no-overlap': noOverlap,
  'single-completion': singleCompletion,
  'nothing-after-done': nothingAfterDone,
  'no-ack-before-execution': noAckBeforeExecution,
  'attempts-within-limit': attemptsWithinLimit,
  'retry-backoff': retryBackoff,
  'client-never-dequeues': clientNeverDequeues,
  'bounded-stop': boundedStop,
  'concurrency-limit': concurrencyLimit,
};

/** Runs every invariant over a model. */
export function checkInvariants(model: HistoryModel): Violation[] {
  return Object.values(INVARIANTS).flatMap((check) => check(model));
}
