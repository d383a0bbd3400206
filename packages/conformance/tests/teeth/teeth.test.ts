import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE, runSuite, selectTests, type KitSettings, type TestResult } from '../../dist/index.js';
import { describeFailure } from '../../dist/vitest.js';
import { ADAPTER_MUTANTS, KILL_MATRIX } from './kill-matrix.js';

const TOY = new URL('../fixtures/toy-runtime/toy-adapter.js', import.meta.url).href;

// A broken runtime only has to fail; shorter deadlines make it fail sooner.
const FAST: KitSettings = { leaseMs: 600, pollMs: 30, retryDelayMs: 100, slackMs: 2000 };

function verdicts(results: readonly TestResult[]): string {
  return results.map((r) => `${r.id}: ${r.status}${r.status === 'failed' ? '' : `\n${describeFailure(r)}`}`).join('\n');
}

/** Selects a toy variant for this process and, through the inherited environment, for its children. */
function variant(name: 'DEFECT' | 'CAPABILITIES', value: string): void {
  process.env[`TOY_RUNTIME_${name}`] = value;
}

afterEach(() => {
  delete process.env['TOY_RUNTIME_DEFECT'];
  delete process.env['TOY_RUNTIME_CAPABILITIES'];
});

describe('the kit has teeth', () => {
  const claimed = new Set([...Object.values(KILL_MATRIX).flat(), ...Object.values(ADAPTER_MUTANTS).flatMap((m) => m.tests)]);

  it('every catalogue test is one that at least one broken runtime must fail', () => {
    expect(CATALOGUE.map((t) => t.id).filter((id) => !claimed.has(id))).toEqual([]);
  });

  it('the kill matrix names only tests of the catalogue', () => {
    expect([...claimed].filter((id) => !CATALOGUE.some((t) => t.id === id))).toEqual([]);
  });

  for (const [defect, ids] of Object.entries(KILL_MATRIX)) {
    it(`the runtime with defect "${defect}" fails ${ids.join(', ')}`, { timeout: 120_000 }, async () => {
      variant('DEFECT', defect);
      const report = await runSuite({ adapterUrl: `${TOY}?defect=${defect}`, tests: selectTests(ids), settings: FAST, testTimeoutMs: 30_000 });
      expect(report.results.every((r) => r.status === 'failed'), verdicts(report.results)).toBe(true);
    });
  }

  for (const [name, { defect, tests }] of Object.entries(ADAPTER_MUTANTS)) {
    it(`the adapter claiming no capability with defect "${name}" fails ${tests.join(', ')}`, { timeout: 60_000 }, async () => {
      variant('CAPABILITIES', 'none');
      variant('DEFECT', defect);
      const report = await runSuite({ adapterUrl: `${TOY}?capabilities=none&defect=${defect}`, tests: selectTests(tests), settings: FAST });
      expect(report.results.every((r) => r.status === 'failed'), verdicts(report.results)).toBe(true);
    });
  }
});
