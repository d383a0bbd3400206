import { CATEGORIES } from '../catalogue/conformance-test.js';
import type { SuiteReport } from '../runner/run-suite.js';
import { summaryLine } from '../runner/test-result.js';
import { formatWitness } from './format-witness.js';

const MARK: Readonly<Record<string, string>> = {
  passed: 'pass',
  failed: 'FAIL',
  inconclusive: 'INCONCLUSIVE',
  unsupported: 'unsupported',
  'expected-failure': 'expected fail',
  'unexpected-pass': 'UNEXPECTED PASS',
};

/** A table per category, then every failure with its property, witness and reproduction. */
export function renderTable(report: SuiteReport): string {
  const out: string[] = [`Conformance of ${report.adapter} (capabilities: ${report.capabilities.join(', ') || 'none'})`, `seed ${report.seed} (randomised tests replay with --seed ${report.seed})`, ''];
  for (const category of CATEGORIES) {
    const rows = report.results.filter((r) => r.category === category);
    if (rows.length === 0) continue;
    out.push(category.toUpperCase());
    for (const r of rows) {
      out.push(`  ${r.id.padEnd(4)} ${(MARK[r.status] ?? r.status).padEnd(16)} ${(r.durationMs / 1000).toFixed(1).padStart(5)}s  ${r.title}`);
    }
    out.push('');
  }
  const bad = report.results.filter((r) => r.status === 'failed' || r.status === 'inconclusive' || r.status === 'unexpected-pass');
  for (const r of bad) {
    out.push(`✗ ${r.id} ${r.title}`, `    ${r.status}: ${r.reason ?? ''}`);
    for (const finding of r.findings.slice(0, 5)) {
      out.push(`    property ${finding.property}: ${finding.message}`, formatWitness(finding.witness));
    }
    out.push(`    reproduce: ${r.reproduce}`, '');
  }
  out.push(`finished in ${(report.durationMs / 1000).toFixed(1)} s on Node ${report.node}, seed ${report.seed}`, summaryLine(report.summary));
  return out.join('\n');
}
