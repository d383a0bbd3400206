import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Capability } from '../adapter.js';
import type { ConformanceTest } from '../catalogue/conformance-test.js';
import { DEFAULT_KIT_SETTINGS, type KitSettings } from '../harness/kit-settings.js';
import { chooseSeed } from '../harness/seeded-random.js';
import type { ExpectedFailures } from './expected-failures.js';
import { loadAdapter } from './load-adapter.js';
import { runTest } from './run-test.js';
import { summarize, type Summary, type TestResult } from './test-result.js';

/** Options of a suite run. */
export interface RunSuiteOptions {
  /** The adapter module's URL. */
  readonly adapterUrl: string;
  /** The tests to run. */
  readonly tests: readonly ConformanceTest[];
  readonly settings?: KitSettings;
  readonly expectedFailures?: ExpectedFailures;
  /** Seed of randomised tests (default: `STEADFAST_CONFORMANCE_SEED`, else a fresh one; printed in the report). */
  readonly seed?: number;
  /** Per-test time limit (default 45 s). */
  readonly testTimeoutMs?: number;
  /** How to describe the adapter in reproduction commands. */
  readonly adapterArgument?: string;
  /** Called before and after each test. */
  readonly onProgress?: (event: { readonly phase: 'start'; readonly test: ConformanceTest; readonly index: number; readonly total: number } | { readonly phase: 'end'; readonly result: TestResult; readonly index: number; readonly total: number }) => void;
}

/** The report of a whole run. */
export interface SuiteReport {
  readonly adapter: string;
  readonly capabilities: readonly Capability[];
  readonly node: string;
  readonly durationMs: number;
  /** The seed randomised tests used (replay with `--seed`). */
  readonly seed: number;
  readonly results: readonly TestResult[];
  readonly summary: Summary;
}

/** Applies the known-failures list to one result. */
export function applyExpectations(result: TestResult, expected: ExpectedFailures | undefined): TestResult {
  const why = expected?.get(result.id);
  if (why === undefined) return result;
  if (result.status === 'failed' || result.status === 'inconclusive') return { ...result, status: 'expected-failure', reason: `expected failure (${why}): ${result.reason ?? ''}` };
  if (result.status === 'passed') return { ...result, status: 'unexpected-pass', reason: `listed as a known failure (${why}) but passed: remove it from the list` };
  return result;
}

/** Runs tests one after another (they spawn processes of their own; in parallel they would starve each other). */
export async function runSuite(options: RunSuiteOptions): Promise<SuiteReport> {
  const adapter = await loadAdapter(options.adapterUrl);
  const workDirectory = mkdtempSync(join(tmpdir(), 'steadfast-conformance-'));
  const started = performance.now();
  const seed = chooseSeed(options.seed);
  const results: TestResult[] = [];
  try {
    for (const [index, test] of options.tests.entries()) {
      options.onProgress?.({ phase: 'start', test, index, total: options.tests.length });
      const raw = await runTest(test, {
        adapter,
        adapterUrl: options.adapterUrl,
        settings: options.settings ?? DEFAULT_KIT_SETTINGS,
        seed,
        workDirectory,
        timeoutMs: options.testTimeoutMs ?? 45_000,
        reproduce: `npx steadfast-conformance --adapter ${options.adapterArgument ?? options.adapterUrl} --only ${test.id}${test.randomised === true ? ` --seed ${seed}` : ''}`,
      });
      const result = applyExpectations(raw, options.expectedFailures);
      results.push(result);
      options.onProgress?.({ phase: 'end', result, index, total: options.tests.length });
    }
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }
  return { adapter: adapter.name, capabilities: [...adapter.capabilities], node: process.version, durationMs: performance.now() - started, seed, results, summary: summarize(results) };
}
