import type { ConformanceTest } from './conformance-test.js';
import { crashTests } from './crash.js';
import { failureTests } from './failure.js';
import { inputTests } from './input.js';
import { lifecycleTests } from './lifecycle.js';
import { raceTests } from './race.js';
import { shutdownTests } from './shutdown.js';

/** The whole catalogue, in report order. */
export const CATALOGUE: readonly ConformanceTest[] = [...crashTests, ...raceTests, ...shutdownTests, ...failureTests, ...inputTests, ...lifecycleTests];

/** Selects tests by category names and/or ids (case-insensitive); everything when `only` is empty. */
export function selectTests(only: readonly string[]): ConformanceTest[] {
  if (only.length === 0) return [...CATALOGUE];
  const wanted = new Set(only.map((o) => o.toLowerCase()));
  const unknown = [...wanted].filter((w) => !CATALOGUE.some((test) => test.id.toLowerCase() === w || test.category === w));
  if (unknown.length > 0) throw new Error(`--only: unknown test or category: ${unknown.join(', ')}`);
  return CATALOGUE.filter((test) => wanted.has(test.id.toLowerCase()) || wanted.has(test.category));
}
