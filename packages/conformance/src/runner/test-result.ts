import type { Category } from '../catalogue/conformance-test.js';
import type { HistoryEvent } from '../history/history-event.js';

/** How one test ended. */
export type TestStatus =
  | 'passed'
  | 'failed'
  /** The fault did not happen where intended: proves nothing, counted as a failure. */
  | 'inconclusive'
  /** Needs a capability the adapter does not claim: counted as skipped, never as passed. */
  | 'unsupported'
  /** Failed and listed in the known-failures file: counted as skipped. */
  | 'expected-failure'
  /** Listed in the known-failures file but passed: counted as a failure so the list gets pruned. */
  | 'unexpected-pass';

/** One violated property and the events that prove it. */
export interface Finding {
  readonly property: string;
  readonly message: string;
  readonly witness: readonly HistoryEvent[];
}

/** The result of one test. */
export interface TestResult {
  readonly id: string;
  readonly category: Category;
  readonly title: string;
  readonly status: TestStatus;
  readonly durationMs: number;
  /** Why it did not pass (or why it was skipped). */
  readonly reason?: string;
  readonly findings: readonly Finding[];
  /** A command that runs this test alone. */
  readonly reproduce: string;
}

/** Counts in the shape of the last line of output. */
export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/** Counts results: inconclusive and unexpected passes are failures; unsupported and expected failures are skipped. */
export function summarize(results: readonly TestResult[]): Summary {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const result of results) {
    if (result.status === 'passed') passed++;
    else if (result.status === 'unsupported' || result.status === 'expected-failure') skipped++;
    else failed++;
  }
  return { passed, failed, skipped };
}

/** The plain line any CI can read. */
export function summaryLine(summary: Summary): string {
  return `${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`;
}
