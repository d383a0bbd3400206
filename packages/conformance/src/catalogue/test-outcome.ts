import type { HistoryEvent } from '../history/history-event.js';

/** A test-specific property did not hold. */
export class PropertyFailure extends Error {
  override readonly name = 'PropertyFailure';
  readonly property: string;
  readonly witness: readonly HistoryEvent[];

  constructor(property: string, message: string, witness: readonly HistoryEvent[] = []) {
    super(message);
    this.property = property;
    this.witness = witness;
  }
}

/** The fault did not happen where the test intended: the run proves nothing. */
export class Inconclusive extends Error {
  override readonly name = 'Inconclusive';
}

/** The test needs something the adapter does not offer (found at run time). */
export class Unsupported extends Error {
  override readonly name = 'Unsupported';
}
