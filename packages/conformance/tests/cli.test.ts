import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('steadfast-conformance CLI', () => {
  it('refuses to report a pass while it has no test to run', () => {
    const result = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'dist', 'cli.js')], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no conformance test/);
  });
});
