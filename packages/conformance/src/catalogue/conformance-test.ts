import type { Capability, ConformanceAdapter } from '../adapter.js';
import type { TestRun } from '../harness/test-run.js';

/** The categories of the catalogue, in report order. */
export type Category = 'crash' | 'race' | 'shutdown' | 'failure' | 'input' | 'lifecycle';

/** Every category, in report order. */
export const CATEGORIES: readonly Category[] = ['crash', 'race', 'shutdown', 'failure', 'input', 'lifecycle'];

/** One test of the catalogue. Its title states the property it proves. */
export interface ConformanceTest {
  /** Stable id (`C1`, `R2`, …), used by `--only` and known-failure files. */
  readonly id: string;
  readonly category: Category;
  /** The property, as a sentence. */
  readonly title: string;
  /** Capabilities the test needs; without them it is `unsupported`. */
  readonly requires?: readonly Capability[];
  /** Extra support check (e.g. an optional client method); returns why it is unsupported, if it is. */
  readonly unsupportedReason?: (adapter: ConformanceAdapter) => string | undefined;
  /** Uses the run's seed (`TestRun.seed`): its reproduction command carries `--seed`. */
  readonly randomised?: boolean;
  /** Provokes the fault, waits for its observable effects, checks the test-specific property. */
  readonly run: (t: TestRun) => Promise<void>;
}
