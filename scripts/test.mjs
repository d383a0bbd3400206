#!/usr/bin/env node
// `npm test`: every check of the repository, in order, then one plain summary line that any CI
// can read ("N passed, N failed[, N skipped]"), taken from vitest's own JSON report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reportFile = join(root, '.tmp', 'vitest-report.json');

/** @type {{ name: string, command: string[] }[]} */
const steps = [
  { name: 'build', command: ['npm', 'run', 'build'] },
  { name: 'typecheck', command: ['npm', 'run', 'typecheck'] },
  { name: 'lint', command: ['npm', 'run', 'lint'] },
  { name: 'rule docs', command: ['npm', 'run', 'docs:check'] },
  {
    name: 'tests',
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`],
  },
];

mkdirSync(join(root, '.tmp'), { recursive: true });
rmSync(reportFile, { force: true });

const failedSteps = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
  const result = spawnSync(step.command[0], step.command.slice(1), { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    failedSteps.push(step.name);
    // Without a build nothing after it means anything.
    if (step.name === 'build') break;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  skipped = report.numPendingTests + report.numTodoTests;
  // A suite that fails to load reports no failed test; count it so the line cannot read green.
  failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} catch {
  failed += 1;
  console.error('No vitest report was written: the test step did not run to completion.');
}

if (failedSteps.length > 0) console.error(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
