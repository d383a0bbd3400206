import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageId, type Options } from '../../src/rules/require-cache-ttl-sentinel.js';

const ruleTester = new RuleTester();
// rule-tester bundles its own copy of @typescript-eslint/utils; the rule is the same object at run time.
const ruleUnderTest = rule as unknown as Parameters<typeof ruleTester.run<MessageId, Options>>[1];

/** `code` with `insertion` placed right after the first occurrence of `anchor`. */
function after(code: string, anchor: string, insertion: string): string {
  const at = code.indexOf(anchor);
  if (at < 0) throw new Error(`anchor not found: ${anchor}`);
  return code.slice(0, at + anchor.length) + insertion + code.slice(at + anchor.length);
}

const tagged = (body: string): string => `
class Directory {
  /** @ttlSentinel usersLoadedAt */
  private users = new Map<string, number>();
  /** @ttlSentinel teamsLoadedAt */
  private teams: string[] = [];
  private usersLoadedAt = 0;
  private teamsLoadedAt = 0;
${body}
}`;

const earlyReturn = tagged(`
  put(k: string, v: number): void {
    this.users.set(k, v);
    if (v > 0) return;
    this.usersLoadedAt = Date.now();
  }`);

const ifWithoutElse = tagged(`
  put(k: string, v: number): void {
    if (v) {
      this.users.set(k, v);
    }
    this.teams.push(k);
    this.teamsLoadedAt = Date.now();
  }`);

const switchFallThrough = tagged(`
  put(k: string, v: number): void {
    switch (v) {
      case 1:
        this.users.set(k, v);
      case 2:
        this.usersLoadedAt = Date.now();
        break;
      case 3:
        this.users.set(k, v);
        break;
    }
  }`);

const loopWritesTwice = tagged(`
  put(keys: string[]): void {
    for (const k of keys) {
      this.users.set(k, 1);
      this.users.set(k + '!', 2);
    }
  }`);

const catchPath = tagged(`
  async put(k: string): Promise<void> {
    try {
      this.users.set(k, await load());
      this.usersLoadedAt = Date.now();
    } catch {
      this.users.set(k, 0);
    }
  }`) + '\ndeclare function load(): Promise<number>;';

const optionalChain = tagged(`
  put(k: string): void {
    this.users?.set(k, 1);
  }`);

const hydration = tagged(`
  hydrate(snapshot: [string, number][]): void {
    for (const [k, v] of snapshot) this.users.set(k, v);
  }`);

const moduleCache = `
const cache: Record<string, number> = {};
let lastRefresh = 0;
export function put(k: string): void {
  cache[k] = 1;
}
export function merge(o: object): void { Object.assign(cache, o); lastRefresh = Date.now(); }`;

const directCaller = `
class IssueFetcher {
  private collaboratorCache = new Map<string, string[]>();
  private _lastRefresh = 0;
  markFresh(): void { this._lastRefresh = Date.now(); }
}
class Triage {
  constructor(private readonly fetcher: IssueFetcher) {}
  remember(repo: string, users: string[]): void {
    this.fetcher.collaboratorCache.set(repo, users);
  }
}`;

const dateSentinel = `
class C {
  private cache = new Map<string, number>();
  private lastRefresh: Date | null = null;
  put(k: string): void {
    this.cache.set(k, 1);
  }
}`;

const reusedClock = `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  constructor(private readonly clock: { now(): number }) {}
  refresh(all: [string, number][]): void { this.cache = new Map(all); this.lastRefresh = this.clock.now(); }
  put(k: string): void {
    this.cache.set(k, 1);
  }
}`;

const viaSettings = `
class Store {
  private entries: Record<string, number> = {};
  private loadedAt = 0;
  put(k: string): void {
    this.entries[k] = 1;
  }
}`;

const invalidation = `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  forget(k: string): void {
    this.cache.delete(k);
  }
}`;

const arrowField = `
class C {
  private cache = new Set<string>();
  private cacheUpdatedAt = 0;
  add = (k: string): void => {
    this.cache.add(k);
  };
}`;

const privateHelper = `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  refresh(all: [string, number][]): void {
    for (const [k, v] of all) this.put(k, v);
    this.lastRefresh = Date.now();
  }
  remember(k: string, v: number): void {
    this.put(k, v);
  }
  private put(k: string, v: number): void {
    this.cache.set(k, v);
  }
}`;

const publicHelper = privateHelper.replace('private put(', 'put(');

const suggestion = (update: string) => ({ messageId: 'addSentinelUpdate' as const, data: { update } });

ruleTester.run('require-cache-ttl-sentinel paths', ruleUnderTest, {
  valid: [
    {
      name: 'switch: a case that falls through into the update is covered',
      code: switchFallThrough.replace('      case 3:\n        this.users.set(k, v);\n        break;\n', ''),
    },
    {
      name: 'optional call of a freshness helper is not needed when the update is unconditional',
      code: tagged(`
  put(k: string): void {
    this.users?.set(k, 1);
    this.usersLoadedAt = Date.now();
  }`),
    },
    {
      name: 'settings pair a cache the naming convention would not',
      code: viaSettings.replace('    this.entries[k] = 1;', '    this.entries[k] = 1;\n    this.loadedAt = Date.now();'),
      settings: { steadfast: { caches: [{ cache: 'entries', sentinel: 'loadedAt' }] } },
    },
  ],
  invalid: [
    {
      name: 'a callback a constructor schedules runs long after initialisation, so it is judged on its own',
      code: `
class Poller {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  constructor() {
    setInterval(() => {
      this.cache.set('tick', 1);
    }, 1000);
  }
}`,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 7,
          data: { cache: 'this.cache', sentinel: 'this.lastRefresh', function: 'the function', exit: 'reaches its end at line 8' },
          suggestions: [
            {
              ...suggestion('this.lastRefresh = Date.now();'),
              output: `
class Poller {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  constructor() {
    setInterval(() => {
      this.cache.set('tick', 1);
      this.lastRefresh = Date.now();
    }, 1000);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a private helper that only writes is judged at its calls: the caller without the update is reported',
      code: privateHelper,
      errors: [
        {
          messageId: 'missingSentinelUpdateThroughHelper',
          line: 10,
          data: { helper: 'this.put()', cache: 'this.cache', sentinel: 'this.lastRefresh', function: '`remember`', exit: 'reaches its end at line 11' },
          suggestions: [{ ...suggestion('this.lastRefresh = Date.now();'), output: after(privateHelper, '    this.put(k, v);\n', '    this.lastRefresh = Date.now();\n') }],
        },
      ],
    },
    {
      name: 'a public helper can be called from anywhere, so its own write is reported',
      code: publicHelper,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 13,
          suggestions: [{ ...suggestion('this.lastRefresh = Date.now();'), output: after(publicHelper, 'this.cache.set(k, v);', '\n    this.lastRefresh = Date.now();') }],
        },
      ],
    },
    {
      name: 'an early return skips the update',
      code: earlyReturn,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 11,
          data: { cache: 'this.users', sentinel: 'this.usersLoadedAt', function: '`put`', exit: 'returns at line 12' },
          suggestions: [
            { ...suggestion('this.usersLoadedAt = Date.now();'), output: after(earlyReturn, 'this.users.set(k, v);', '\n    this.usersLoadedAt = Date.now();') },
          ],
        },
      ],
    },
    {
      name: 'if without else: the other cache is updated, this one is not',
      code: ifWithoutElse,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 12,
          data: { cache: 'this.users', sentinel: 'this.usersLoadedAt', function: '`put`', exit: 'reaches its end at line 16' },
          suggestions: [
            { ...suggestion('this.usersLoadedAt = Date.now();'), output: after(ifWithoutElse, 'this.users.set(k, v);', '\n      this.usersLoadedAt = Date.now();') },
          ],
        },
      ],
    },
    {
      name: 'switch: only the case that breaks without the update is reported',
      code: switchFallThrough,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 18,
          suggestions: [
            {
              ...suggestion('this.usersLoadedAt = Date.now();'),
              output: after(switchFallThrough, "      case 3:\n        this.users.set(k, v);", '\n        this.usersLoadedAt = Date.now();'),
            },
          ],
        },
      ],
    },
    {
      name: 'a loop that writes several times is reported once per path segment',
      code: loopWritesTwice,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 12,
          suggestions: [
            { ...suggestion('this.usersLoadedAt = Date.now();'), output: after(loopWritesTwice, 'this.users.set(k, 1);', '\n      this.usersLoadedAt = Date.now();') },
          ],
        },
      ],
    },
    {
      name: 'try/catch: the fallback write in catch misses the update',
      code: catchPath,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 15,
          suggestions: [
            { ...suggestion('this.usersLoadedAt = Date.now();'), output: after(catchPath, 'this.users.set(k, 0);', '\n      this.usersLoadedAt = Date.now();') },
          ],
        },
      ],
    },
    {
      name: 'optional chaining: a write through ?. is still a write',
      code: optionalChain,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 11,
          suggestions: [
            { ...suggestion('this.usersLoadedAt = Date.now();'), output: after(optionalChain, 'this.users?.set(k, 1);', '\n    this.usersLoadedAt = Date.now();') },
          ],
        },
      ],
    },
    {
      name: 'hydration from a snapshot of unknown age must state the freshness it restores',
      code: hydration,
      errors: [{ messageId: 'missingSentinelUpdate', line: 11, suggestions: [] }],
    },
    {
      name: 'module-level cache written by an exported function',
      code: moduleCache,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 5,
          data: { cache: 'cache', sentinel: 'lastRefresh', function: '`put`', exit: 'reaches its end at line 6' },
          suggestions: [{ ...suggestion('lastRefresh = Date.now();'), output: after(moduleCache, 'cache[k] = 1;', '\n  lastRefresh = Date.now();') }],
        },
      ],
    },
    {
      name: 'the seed story across classes: a direct caller writes the collaborator cache',
      code: directCaller,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 10,
          data: {
            cache: 'this.fetcher.collaboratorCache',
            sentinel: 'this.fetcher._lastRefresh',
            function: '`remember`',
            exit: 'reaches its end at line 11',
          },
          suggestions: [
            {
              messageId: 'callSentinelHelper',
              data: { update: 'this.fetcher.markFresh();', sentinel: 'this.fetcher._lastRefresh' },
              output: after(directCaller, 'this.fetcher.collaboratorCache.set(repo, users);', '\n    this.fetcher.markFresh();'),
            },
          ],
        },
      ],
    },
    {
      name: 'a Date sentinel is suggested as new Date()',
      code: dateSentinel,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          suggestions: [{ ...suggestion('this.lastRefresh = new Date();'), output: after(dateSentinel, 'this.cache.set(k, 1);', '\n    this.lastRefresh = new Date();') }],
        },
      ],
    },
    {
      name: 'the suggestion reuses the clock the refresh path already uses',
      code: reusedClock,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 8,
          suggestions: [
            { ...suggestion('this.lastRefresh = this.clock.now();'), output: after(reusedClock, 'this.cache.set(k, 1);', '\n    this.lastRefresh = this.clock.now();') },
          ],
        },
      ],
    },
    {
      name: 'settings.steadfast.caches pairs by name',
      code: viaSettings,
      settings: { steadfast: { caches: [{ cache: '/^entr/', sentinel: 'loadedAt' }] } },
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          data: { cache: 'this.entries', sentinel: 'this.loadedAt', function: '`put`', exit: 'reaches its end at line 7' },
          suggestions: [{ ...suggestion('this.loadedAt = Date.now();'), output: after(viaSettings, 'this.entries[k] = 1;', '\n    this.loadedAt = Date.now();') }],
        },
      ],
    },
    {
      name: 'invalidations are checked when checkInvalidations is on',
      code: invalidation,
      options: [{ checkInvalidations: true }],
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          suggestions: [{ ...suggestion('this.lastRefresh = Date.now();'), output: after(invalidation, 'this.cache.delete(k);', '\n    this.lastRefresh = Date.now();') }],
        },
      ],
    },
    {
      name: 'a class field holding an arrow function is a method like any other',
      code: arrowField,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          data: { cache: 'this.cache', sentinel: 'this.cacheUpdatedAt', function: '`add`', exit: 'reaches its end at line 7' },
          suggestions: [{ ...suggestion('this.cacheUpdatedAt = Date.now();'), output: after(arrowField, 'this.cache.add(k);', '\n    this.cacheUpdatedAt = Date.now();') }],
        },
      ],
    },
  ],
});
