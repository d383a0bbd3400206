import type { ConformanceAdapter } from '../adapter.js';
import { checkInvariants } from '../checkers/index.js';
import { buildHistoryModel } from '../checkers/history-model.js';
import type { ConformanceTest } from '../catalogue/conformance-test.js';
import { Inconclusive, PropertyFailure, Unsupported } from '../catalogue/test-outcome.js';
import type { KitSettings } from '../harness/kit-settings.js';
import { TestRun } from '../harness/test-run.js';
import type { Finding, TestResult, TestStatus } from './test-result.js';

/** Options for running one test. */
export interface RunTestOptions {
  readonly adapter: ConformanceAdapter;
  readonly adapterUrl: string;
  readonly settings: KitSettings;
  /** Seed of randomised tests (C9). */
  readonly seed: number;
  readonly workDirectory: string;
  /** A hung runtime fails the test after this long instead of hanging the run. */
  readonly timeoutMs: number;
  /** How to run this test alone, shown with failures. */
  readonly reproduce: string;
}

/** Why the test is unsupported by this adapter, if it is. */
export function unsupportedReason(test: ConformanceTest, adapter: ConformanceAdapter): string | undefined {
  const missing = (test.requires ?? []).filter((capability) => !adapter.capabilities.includes(capability));
  if (missing.length > 0) return `unsupported: ${missing.join(', ')} not claimed`;
  const extra = test.unsupportedReason?.(adapter);
  return extra === undefined ? undefined : `unsupported: ${extra}`;
}

class TestTimeout extends Error {
  override readonly name = 'TestTimeout';
}

/** Runs one test in a fresh environment, then the global invariants over its history. */
export async function runTest(test: ConformanceTest, options: RunTestOptions): Promise<TestResult> {
  const base = { id: test.id, category: test.category, title: test.title, reproduce: options.reproduce };
  const skip = unsupportedReason(test, options.adapter);
  if (skip !== undefined) return { ...base, status: 'unsupported', durationMs: 0, reason: skip, findings: [] };

  const started = performance.now();
  const run = new TestRun({ adapter: options.adapter, adapterUrl: options.adapterUrl, testId: test.id, settings: options.settings, seed: options.seed, workDirectory: options.workDirectory });
  let status: TestStatus = 'passed';
  let reason: string | undefined;
  const findings: Finding[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    const body = test.run(run);
    // The body keeps polling after a timeout until cleanup closes the history; its late rejection is expected.
    body.catch(() => undefined);
    await Promise.race([
      body,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TestTimeout(`the test did not finish within ${options.timeoutMs} ms (phase: ${run.phase})`)), options.timeoutMs);
      }),
    ]);
  } catch (error) {
    if (error instanceof Inconclusive) {
      status = 'inconclusive';
      reason = error.message;
    } else if (error instanceof Unsupported) {
      status = 'unsupported';
      reason = `unsupported: ${error.message}`;
    } else if (error instanceof PropertyFailure) {
      status = 'failed';
      reason = error.message;
      findings.push({ property: error.property, message: error.message, witness: error.witness });
    } else {
      status = 'failed';
      reason = error instanceof Error ? error.message : String(error);
    }
  } finally {
    clearTimeout(timer);
  }
  if (status !== 'unsupported') {
    try {
      const violations = checkInvariants(buildHistoryModel(run.events()));
      if (violations.length > 0) {
        findings.push(...violations);
        status = 'failed';
        reason ??= violations[0]?.message;
      }
    } catch (error) {
      status = 'failed';
      reason ??= `the history could not be checked: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  await run.cleanup();
  return { ...base, status, durationMs: performance.now() - started, ...(reason === undefined ? {} : { reason }), findings };
}
