import { describe, it } from 'vitest';
import { CATALOGUE } from './catalogue/index.js';
import type { ConformanceTest } from './catalogue/conformance-test.js';
import { DEFAULT_KIT_SETTINGS, type KitSettings } from './harness/kit-settings.js';
import { chooseSeed } from './harness/seeded-random.js';
import { formatWitness } from './reporters/format-witness.js';
import type { ExpectedFailures } from './runner/expected-failures.js';
import { loadAdapter, toAdapterUrl } from './runner/load-adapter.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTest } from './runner/run-test.js';
import { applyExpectations } from './runner/run-suite.js';
import type { TestResult } from './runner/test-result.js';

/** Options of `defineConformanceSuite`. */
export interface ConformanceSuiteOptions {
  /** Test ids or categories to run (default: all). */
  readonly only?: readonly string[];
  /** Known failures: test id → reason; reported as skipped with the reason. */
  readonly expectedFailures?: Readonly<Record<string, string>>;
  /**
   * Test ids that must come out `unsupported` for this adapter (e.g. `I5`, which only applies to
   * adapters that leave a capability unclaimed). Each becomes a test that asserts exactly that,
   * so a repository that forbids skipped tests still sees every catalogue entry accounted for;
   * it fails if the kit runs the test after all. Unsupported tests not listed are skipped.
   */
  readonly expectedUnsupported?: readonly string[];
  /** Timing parameters (defaults: `DEFAULT_KIT_SETTINGS`). */
  readonly settings?: KitSettings;
  /** Seed of randomised tests (default: `STEADFAST_CONFORMANCE_SEED`, else a fresh one, shown in failures). */
  readonly seed?: number;
  /** Per-test limit in milliseconds (default 45 000). */
  readonly testTimeoutMs?: number;
}

/** Renders a failed result as an assertion message: property, witness excerpt, reproduction. */
export function describeFailure(result: TestResult): string {
  const lines = [`${result.id} ${result.status}: ${result.reason ?? ''}`];
  for (const finding of result.findings.slice(0, 5)) lines.push(`property ${finding.property}: ${finding.message}`, formatWitness(finding.witness));
  lines.push(`reproduce: ${result.reproduce}`);
  return lines.join('\n');
}

/**
 * Declares one vitest test per catalogue test against the adapter module at `adapter` (a path
 * relative to the working directory, or a URL such as `new URL('./adapter.js', import.meta.url)`).
 * Unsupported tests and known failures are skipped with their reason; everything else must pass.
 */
export function defineConformanceSuite(adapter: string | URL, options: ConformanceSuiteOptions = {}): void {
  const adapterUrl = toAdapterUrl(adapter);
  const wanted = new Set((options.only ?? []).map((o) => o.toLowerCase()));
  const tests: ConformanceTest[] = CATALOGUE.filter((t) => wanted.size === 0 || wanted.has(t.id.toLowerCase()) || wanted.has(t.category));
  const expected: ExpectedFailures = new Map(Object.entries(options.expectedFailures ?? {}).map(([id, why]) => [id.toUpperCase(), why]));
  const expectedUnsupported = new Set((options.expectedUnsupported ?? []).map((id) => id.toUpperCase()));
  const seed = chooseSeed(options.seed);
  const loaded = loadAdapter(adapterUrl);
  // A rejection is reported by the first test that awaits it.
  loaded.catch(() => undefined);

  describe(`steadfast conformance: ${String(adapter)}`, () => {
    for (const test of tests) {
      const mustBeUnsupported = expectedUnsupported.has(test.id.toUpperCase());
      const name = `${test.id} ${test.title}${mustBeUnsupported ? ' [expected: unsupported by this adapter]' : ''}`;
      it(name, { timeout: (options.testTimeoutMs ?? 45_000) + 15_000 }, async (context) => {
        const workDirectory = mkdtempSync(join(tmpdir(), 'steadfast-conformance-'));
        try {
          const raw = await runTest(test, {
            adapter: await loaded,
            adapterUrl,
            settings: options.settings ?? DEFAULT_KIT_SETTINGS,
            seed,
            workDirectory,
            timeoutMs: options.testTimeoutMs ?? 45_000,
            reproduce: `npx steadfast-conformance --adapter ${String(adapter)} --only ${test.id}${test.randomised === true ? ` --seed ${seed}` : ''}`,
          });
          const result = applyExpectations(raw, expected);
          if (mustBeUnsupported) {
            if (result.status !== 'unsupported') {
              throw new Error(`${test.id} was expected to be unsupported by this adapter but came out ${result.status}: ${result.reason ?? ''}`);
            }
            return;
          }
          if (result.status === 'unsupported' || result.status === 'expected-failure') {
            context.skip(result.reason ?? result.status);
            return;
          }
          if (result.status !== 'passed') throw new Error(describeFailure(result));
        } finally {
          rmSync(workDirectory, { recursive: true, force: true });
        }
      });
    }
  });
}
