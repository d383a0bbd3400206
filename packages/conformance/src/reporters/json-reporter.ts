import type { SuiteReport } from '../runner/run-suite.js';

/** The whole report as JSON (witness events included). */
export function renderJson(report: SuiteReport): string {
  return JSON.stringify(report, null, 2);
}
