import type { SuiteReport } from '../runner/run-suite.js';
import { formatWitness } from './format-witness.js';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JUnit XML: one testsuite per category; unsupported and expected failures are `skipped`. */
export function renderJunit(report: SuiteReport): string {
  const byCategory = new Map<string, typeof report.results>();
  for (const r of report.results) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  const suites = [...byCategory].map(([category, results]) => {
    const cases = results.map((r) => {
      const open = `    <testcase classname="${escape(`${report.adapter}.${category}`)}" name="${escape(`${r.id} ${r.title}`)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
      if (r.status === 'passed') return `${open}/>`;
      if (r.status === 'unsupported' || r.status === 'expected-failure') return `${open}>\n      <skipped message="${escape(r.reason ?? r.status)}"/>\n    </testcase>`;
      const body = [r.reason ?? '', ...r.findings.map((f) => `${f.property}: ${f.message}\n${formatWitness(f.witness)}`), `reproduce: ${r.reproduce}`].join('\n');
      return `${open}>\n      <failure message="${escape(`${r.status}: ${r.reason ?? ''}`)}">${escape(body)}</failure>\n    </testcase>`;
    });
    const failures = results.filter((r) => !['passed', 'unsupported', 'expected-failure'].includes(r.status)).length;
    const skipped = results.filter((r) => r.status === 'unsupported' || r.status === 'expected-failure').length;
    return `  <testsuite name="${escape(category)}" tests="${results.length}" failures="${failures}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${escape(`steadfast-conformance: ${report.adapter}`)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
