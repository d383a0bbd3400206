import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pinsExactly, ReleaseUnits } from '../../src/analysis/boundaries/release-unit.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'no-private-cross-module-access-workspace');
const packageDir = (name: string): string => join(fixture, 'packages', name);

describe('pinsExactly: which dependency specifiers ship the dependent with one exact version', () => {
  it('accepts the workspace protocol forms published as an exact version', () => {
    expect(pinsExactly('workspace:*', '1.2.0', false)).toBe(true);
    expect(pinsExactly('workspace:1.2.0', '1.2.0', false)).toBe(true);
    expect(pinsExactly('workspace:core@*', '1.2.0', false)).toBe(true);
  });

  it('rejects the workspace protocol forms published as a range, and other versions', () => {
    expect(pinsExactly('workspace:^', '1.2.0', true)).toBe(false);
    expect(pinsExactly('workspace:~', '1.2.0', true)).toBe(false);
    expect(pinsExactly('workspace:^1.2.0', '1.2.0', true)).toBe(false);
    expect(pinsExactly('workspace:1.1.0', '1.2.0', true)).toBe(false);
  });

  it('accepts a plain exact version only inside a workspace and only for the sibling\u2019s own version', () => {
    expect(pinsExactly('1.2.0', '1.2.0', true)).toBe(true);
    expect(pinsExactly('=1.2.0', '1.2.0', true)).toBe(true);
    expect(pinsExactly('1.2.0', '1.2.0', false)).toBe(false);
    expect(pinsExactly('1.1.0', '1.2.0', true)).toBe(false);
    expect(pinsExactly('^1.2.0', '1.2.0', true)).toBe(false);
    expect(pinsExactly('1.2.x', '1.2.0', true)).toBe(false);
    expect(pinsExactly('file:../core', '1.2.0', true)).toBe(false);
  });
});

describe('ReleaseUnits', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'steadfast-release-unit-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('joins a package and the exactly pinned siblings that depend on it, in one direction', () => {
    const units = new ReleaseUnits();
    expect(units.sameReleaseUnit(packageDir('star'), packageDir('core'))).toBe(true);
    expect(units.sameReleaseUnit(packageDir('pinned'), packageDir('core'))).toBe(true);
    expect(units.sameReleaseUnit(packageDir('core'), packageDir('star'))).toBe(false);
    expect(units.sameReleaseUnit(packageDir('caret'), packageDir('core'))).toBe(false);
    expect(units.sameReleaseUnit(packageDir('dev-only'), packageDir('core'))).toBe(false);
  });

  it('follows chains of exact pins only through a locator, and only along exact links', () => {
    const locate = (dependency: string): string | undefined =>
      ({ '@ws/middle': join(packageDir('middle'), 'src', 'index.ts'), '@ws/core': join(packageDir('core'), 'src', 'index.ts') })[dependency];
    expect(new ReleaseUnits().sameReleaseUnit(packageDir('chain'), packageDir('core'))).toBe(false);
    const units = new ReleaseUnits(locate);
    expect(units.sameReleaseUnit(packageDir('chain'), packageDir('core'))).toBe(true);
    expect(units.sameReleaseUnit(packageDir('chain-caret'), packageDir('core'))).toBe(false);
  });

  it('finds a pnpm workspace by its pnpm-workspace.yaml, and no workspace without one', () => {
    const write = (path: string, json: object): void => {
      mkdirSync(join(scratch, path), { recursive: true });
      writeFileSync(join(scratch, path, 'package.json'), JSON.stringify(json));
    };
    write('pnpm/core', { name: 'core', version: '2.0.0' });
    write('pnpm/app', { name: 'app', dependencies: { core: '2.0.0' } });
    write('loose/core', { name: 'core', version: '2.0.0' });
    write('loose/app', { name: 'app', dependencies: { core: '2.0.0' } });
    writeFileSync(join(scratch, 'pnpm', 'pnpm-workspace.yaml'), "packages:\n  - '*'\n");
    const units = new ReleaseUnits();
    expect(units.sameReleaseUnit(join(scratch, 'pnpm', 'app'), join(scratch, 'pnpm', 'core'))).toBe(true);
    expect(units.sameReleaseUnit(join(scratch, 'loose', 'app'), join(scratch, 'loose', 'core'))).toBe(false);
  });
});
