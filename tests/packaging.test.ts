import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

interface PackResult {
  files: { path: string }[];
}

function packedFiles(workspace: string): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--workspace', workspace], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [result] = JSON.parse(output) as PackResult[];
  return (result?.files ?? []).map((file) => file.path);
}

describe.each([
  ['@steadfast/eslint-plugin', /^(dist\/.+\.(js|d\.ts)|cjs\/index\.d?\.?cjs|cjs\/index\.d\.cts|docs\/rules\/[\w-]+\.md|README\.md|package\.json|LICENSE)$/],
  ['@steadfast/runtime', /^(dist\/.+\.(js|d\.ts|sql)|README\.md|package\.json|LICENSE)$/],
  ['@steadfast/conformance', /^(dist\/.+\.(js|d\.ts)|README\.md|package\.json|LICENSE)$/],
])('the %s tarball', (workspace, allowed) => {
  const files = packedFiles(workspace);

  it('holds the built entry point, its types and the README', () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('README.md');
  });

  it('holds only what a user needs (no sources, tests, maps or build info)', () => {
    expect(files.filter((file) => !allowed.test(file))).toEqual([]);
  });
});

describe('CommonJS config files', () => {
  it('can load the plugin with require() on this Node.js', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steadfast-cjs-'));
    const script = join(dir, 'load.cjs');
    writeFileSync(
      script,
      `const plugin = require(${JSON.stringify(join(root, 'node_modules/@steadfast/eslint-plugin'))});\n` +
        'process.stdout.write(JSON.stringify({ name: plugin.meta.name, configs: Object.keys(plugin.configs).sort(), rules: typeof plugin.rules }));\n',
    );
    const output = JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8' })) as unknown;
    expect(output).toEqual({
      name: '@steadfast/eslint-plugin',
      configs: ['all', 'recommended', 'recommended-type-checked'],
      rules: 'object',
    });
  });
});
