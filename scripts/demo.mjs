#!/usr/bin/env node
// `npm run demo`: the main job, for real. First the plugin over the hazard examples, then the
// conformance kit against the reference runtime.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function run(title, command, args) {
  console.log(`\n━━━ ${title}\n$ ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

if (!existsSync(join(root, 'packages/eslint-plugin/dist/index.js'))) {
  console.error('The packages are not built: run `npm install` (it builds them) first.');
  process.exit(1);
}

const { default: plugin } = await import('@steadfast/eslint-plugin');
console.log(`\nRules in this build: ${Object.keys(plugin.rules).map((name) => `@steadfast/${name}`).join(', ')}`);
// ESLint exits 1 when it finds problems, which is the point of this step; 2 means it broke.
const lintStatus = run('1. Lint rules on examples/hazards/ (each file holds one seed hazard)', 'npx', [
  'eslint',
  '--config',
  'examples/eslint.config.js',
  '--no-warn-ignored',
  'examples/hazards/',
]);
if (lintStatus === 2) process.exit(2);

// The tracer shows the whole path behind each hook report: the ADR's "trace the full call graph".
run('2. Call graphs of the background tasks in examples/ (steadfast-trace)', 'node', [
  'packages/eslint-plugin/dist/tracer/cli.js',
  '--project',
  'examples/tsconfig.json',
]);

const adapter = join(root, 'packages/reference-runtime/dist/conformance-adapter.js');
const cli = join(root, 'packages/conformance/dist/cli.js');
process.exit(run('3. Conformance suite against @steadfast/runtime', 'node', [cli, '--adapter', adapter]));
