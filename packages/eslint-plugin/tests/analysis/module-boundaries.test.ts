import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  boundaryKey,
  crossesBoundary,
  findPackageRoot,
  type PackageRootCache,
} from '../../src/analysis/boundaries/module-boundary.js';
import { DEFAULT_PRIVATE_PATTERN, privateNameMatcher, publicNameOf } from '../../src/analysis/boundaries/private-name.js';
import { approximateModulePath, isOwnCodeModuleSpecifier } from '../../src/analysis/boundaries/relative-module-path.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'no-private-cross-module-access');
const dispatcher = join(fixture, 'src', 'dispatcher.ts');
const nested = join(fixture, 'src', 'nested', 'consumer.ts');
const otherPackage = join(fixture, 'packages', 'other', 'consumer.ts');

describe('module boundaries', () => {
  it('finds the nearest package.json and remembers every directory it walked', () => {
    const cache: PackageRootCache = new Map();
    expect(findPackageRoot(nested, cache)).toBe(fixture);
    expect(cache.get(join(fixture, 'src', 'nested'))).toBe(fixture);
    expect(cache.get(join(fixture, 'src'))).toBe(fixture);
    expect(findPackageRoot(otherPackage, cache)).toBe(join(fixture, 'packages', 'other'));
  });

  it('answers from the cache without touching the file system again', () => {
    const cache: PackageRootCache = new Map([[join(fixture, 'src', 'nested'), '/somewhere/else']]);
    expect(findPackageRoot(nested, cache)).toBe('/somewhere/else');
  });

  it('tells file, directory and package boundaries apart', () => {
    const cache: PackageRootCache = new Map();
    const consumer = join(fixture, 'src', 'consumer.ts');
    expect(crossesBoundary(consumer, dispatcher, 'file', cache)).toBe(true);
    expect(crossesBoundary(consumer, dispatcher, 'directory', cache)).toBe(false);
    expect(crossesBoundary(nested, dispatcher, 'directory', cache)).toBe(true);
    expect(crossesBoundary(nested, dispatcher, 'package', cache)).toBe(false);
    expect(crossesBoundary(otherPackage, dispatcher, 'package', cache)).toBe(true);
    expect(boundaryKey(dispatcher, 'file', cache)).toBe(dispatcher);
  });
});

describe('import specifiers', () => {
  it.each([
    ['./dispatcher.js', true],
    ['../server', true],
    ['.', true],
    ['./row.json', false],
    ['./styles.css', false],
    ['mongodb', false],
    ['@steadfast/runtime', false],
    ['node:fs', false],
  ])('%s is one of the project\u2019s own code modules: %s', (specifier, expected) => {
    expect(isOwnCodeModuleSpecifier(specifier)).toBe(expected);
  });

  it('maps a directory import to a file inside that directory', () => {
    expect(approximateModulePath(join(fixture, 'src', 'consumer.ts'), './nested')).toBe(join(fixture, 'src', 'nested', 'index'));
    expect(approximateModulePath(join(fixture, 'src', 'consumer.ts'), './dispatcher.js')).toBe(join(fixture, 'src', 'dispatcher.js'));
  });
});

describe('private names', () => {
  const looksPrivate = privateNameMatcher(DEFAULT_PRIVATE_PATTERN, ['_id']);

  it('matches one leading underscore, not dunder names, a bare underscore or allowed names', () => {
    expect(['_executor', '_x1', '_$'].map(looksPrivate)).toEqual([true, true, true]);
    expect(['__proto__', '__dirname', '_', 'executor', '_id'].map(looksPrivate)).toEqual([false, false, false, false, false]);
  });

  it('derives the public name by dropping the leading underscores', () => {
    expect(publicNameOf('_executor')).toBe('executor');
    expect(publicNameOf('__x')).toBe('x');
    expect(publicNameOf('executor')).toBeUndefined();
    expect(publicNameOf('_1st')).toBeUndefined();
    expect(publicNameOf('_')).toBeUndefined();
  });
});
