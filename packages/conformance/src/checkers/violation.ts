import type { HistoryEvent } from '../history/history-event.js';
import type { HistoryModel } from './history-model.js';

/** The properties the checkers judge; each is one file in `src/checkers/`. */
export type PropertyId =
  | 'no-lost-jobs'
  | 'no-unexpected-jobs'
  | 'no-overlap'
  | 'single-completion'
  | 'nothing-after-done'
  | 'no-ack-before-execution'
  | 'attempts-within-limit'
  | 'retry-backoff'
  | 'client-never-dequeues'
  | 'bounded-stop'
  | 'concurrency-limit';

/** A property that does not hold, with the smallest set of events that proves it. */
export interface Violation {
  /** Which property. */
  readonly property: PropertyId;
  /** One sentence a reader understands without the code. */
  readonly message: string;
  /** The events that prove it, in history order. */
  readonly witness: readonly HistoryEvent[];
}

/** A pure function from a history to the violations it contains. */
export type Checker = (model: HistoryModel) => Violation[];
