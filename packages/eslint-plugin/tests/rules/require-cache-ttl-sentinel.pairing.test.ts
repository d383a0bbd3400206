import { describe, expect, it } from 'vitest';
import { matchesNamePattern, pairCaches, sentinelFromTag } from '../../src/analysis/caches/cache-pairs.js';
import type { OwnedDeclaration } from '../../src/analysis/caches/cache-declarations.js';
import { isCacheLikeName, isSentinelLikeName, pairByNamingConvention } from '../../src/analysis/caches/naming-convention.js';
import { isTimestampPropertyName } from '../../src/analysis/caches/timestamped-entries.js';
import { classifyMethod } from '../../src/analysis/caches/mutating-methods.js';
import { SteadfastError } from '../../src/errors/plugin-error.js';

describe('naming convention', () => {
  it('recognises cache-like and sentinel-like names, ignoring _ and #', () => {
    expect(['cache', '_cache', '#issueCache', 'collaboratorCache'].every(isCacheLikeName)).toBe(true);
    expect(['Cache', 'cached', 'cacheSize', 'store'].some(isCacheLikeName)).toBe(false);
    expect(['lastRefresh', '_lastRefresh', 'cacheUpdatedAt', 'usersFetchedAt', '#refreshedAt'].every(isSentinelLikeName)).toBe(true);
    expect(['lastRefreshError', 'createdAt', 'updated', 'refreshCount'].some(isSentinelLikeName)).toBe(false);
  });

  it('pairs one cache with one sentinel', () => {
    expect([...pairByNamingConvention(['_cache', 'ttlMs', '_lastRefresh'])]).toEqual([['_cache', '_lastRefresh']]);
  });

  it('pairs several caches only with the sentinels named after them', () => {
    const pairs = pairByNamingConvention(['userCache', 'teamCache', 'userCacheUpdatedAt', 'teamFetchedAt']);
    expect(Object.fromEntries(pairs)).toEqual({ userCache: 'userCacheUpdatedAt', teamCache: 'teamFetchedAt' });
  });

  it('does not guess when names are ambiguous', () => {
    expect(pairByNamingConvention(['userCache', 'teamCache', 'lastRefresh']).size).toBe(0);
    expect(pairByNamingConvention(['cache', 'lastRefresh', 'updatedAt']).size).toBe(0);
  });
});

describe('pairing order', () => {
  const declaration = (name: string): OwnedDeclaration => ({ name, node: { type: 'Identifier' } as OwnedDeclaration['node'] });

  it('a tag wins over settings, settings over names, and taken members are not guessed again', () => {
    const pairs = pairCaches({
      declarations: ['cache', 'issueCache', 'entries', 'loadedAt', 'lastRefresh', 'issueCacheUpdatedAt'].map(declaration),
      tagsOf: (item) => (item.name === 'cache' ? [{ name: 'ttlSentinel', text: 'this.lastRefresh' }] : []),
      isSelfTimestamping: () => false,
      settings: [{ cache: '/^entr/', sentinel: 'loadedAt' }],
      namingConvention: true,
    });
    expect(Object.fromEntries([...pairs].map(([cache, pair]) => [cache, `${pair.sentinel} (${pair.source})`]))).toEqual({
      cache: 'lastRefresh (tag)',
      entries: 'loadedAt (settings)',
      issueCache: 'issueCacheUpdatedAt (naming)',
    });
  });

  it('self-timestamping caches are paired only by an explicit tag', () => {
    const pairs = pairCaches({
      declarations: ['cache', 'lastRefresh'].map(declaration),
      tagsOf: () => [],
      isSelfTimestamping: (item) => item.name === 'cache',
      settings: [{ cache: 'cache', sentinel: 'lastRefresh' }],
      namingConvention: true,
    });
    expect(pairs.size).toBe(0);
  });

  it('reads the sentinel from the tag text, with or without this.', () => {
    expect(sentinelFromTag([{ name: 'ttlSentinel', text: 'this._lastRefresh the freshness' }])).toBe('_lastRefresh');
    expect(sentinelFromTag([{ name: 'ttlSentinel', text: '' }])).toBeUndefined();
  });

  it('an invalid regular expression in settings is a clear SteadfastError', () => {
    expect(() => matchesNamePattern('/(/', 'cache')).toThrow(SteadfastError);
    expect(() => matchesNamePattern('/(/', 'cache')).toThrow(/not a valid regular expression/);
  });
});

describe('writes and timestamps', () => {
  it('classifies methods per container, and across all containers when the type is unknown', () => {
    expect(classifyMethod('set', 'Map')).toBe('write');
    expect(classifyMethod('push', 'Map')).toBeUndefined();
    expect(classifyMethod('delete', 'Set')).toBe('invalidation');
    expect(classifyMethod('sort', undefined)).toBe('write');
    expect(classifyMethod('get', undefined)).toBeUndefined();
  });

  it('knows timestamp property names', () => {
    expect(['fetchedAt', 'storedAt', 'expiresAt', 'timestamp', 'loadTime'].every(isTimestampPropertyName)).toBe(true);
    expect(['value', 'data', 'attempts', 'cat'].some(isTimestampPropertyName)).toBe(false);
  });
});
