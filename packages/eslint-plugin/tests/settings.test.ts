import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../src/analysis/settings.js';
import { SteadfastError } from '../src/errors/plugin-error.js';

describe('settings.steadfast', () => {
  it('defaults to untyped with empty lists when absent', () => {
    expect(resolveSettings(undefined)).toEqual({
      typeAware: false,
      hooks: [],
      operations: [],
      backgroundTasks: [],
      hookDecorators: [],
      caches: [],
    });
  });

  it('keeps valid values', () => {
    const settings = resolveSettings({
      typeAware: true,
      hooks: ['EpicChecker.checkAndCloseEpics'],
      backgroundTasks: ['/Task$/', { call: 'new Worker', argument: 1 }],
      caches: [{ cache: 'collaborators', sentinel: 'lastRefresh' }],
    });
    expect(settings.typeAware).toBe(true);
    expect(settings.backgroundTasks).toEqual(['/Task$/', { call: 'new Worker', argument: 1 }]);
    expect(settings.caches).toEqual([{ cache: 'collaborators', sentinel: 'lastRefresh' }]);
  });

  it.each([
    [{ typeAware: 'yes' }, /"typeAware" must be a boolean/],
    [{ hooks: 'onDone' }, /"hooks" must be an array of strings/],
    [{ hook: [] }, /unknown key "hook"/],
    [{ backgroundTasks: [{ call: 'queue.process', argument: -1 }] }, /non-negative integer/],
    [{ caches: [{ cache: 'users' }] }, /"caches\[0\]" must be/],
    [[], /must be an object/],
  ])('rejects %j with a typed error that names the problem', (raw, message) => {
    expect(() => resolveSettings(raw)).toThrow(message);
    try {
      resolveSettings(raw);
    } catch (error) {
      expect(error).toBeInstanceOf(SteadfastError);
      expect((error as SteadfastError).code).toBe('INVALID_SETTINGS');
    }
  });
});
