import { describe, expect, it } from 'vitest';
import { TtlCache } from '../src/index.js';
import { manualClock } from './helpers/temp-database.js';

describe('TtlCache', () => {
  it('every write is fresh, whatever path wrote it, and get reports staleness', async () => {
    const clock = manualClock();
    const cache = new TtlCache<string, number>({ ttlMs: 100, clock });
    cache.set('a', 1);
    expect(cache.get('a')).toEqual({ value: 1, fresh: true, ageMs: 0 });
    clock.advance(100);
    expect(cache.get('a')).toEqual({ value: 1, fresh: false, ageMs: 100 });
    expect(cache.getFresh('a')).toBeUndefined();
    expect(await cache.getOrLoad('a', () => Promise.resolve(2))).toBe(2);
    expect(cache.get('a')?.fresh).toBe(true);
    expect(cache.get('missing')).toBeUndefined();
  });

  it('refuses a non-positive TTL', () => {
    expect(() => new TtlCache({ ttlMs: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });
});
