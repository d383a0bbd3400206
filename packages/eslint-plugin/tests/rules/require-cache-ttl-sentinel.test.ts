import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageId, type Options } from '../../src/rules/require-cache-ttl-sentinel.js';

const ruleTester = new RuleTester();
// rule-tester bundles its own copy of @typescript-eslint/utils; the rule is the same object at run time.
const ruleUnderTest = rule as unknown as Parameters<typeof ruleTester.run<MessageId, Options>>[1];

// The seed's collaborator cache (ADR-0019 of the seed), ported to TypeScript.
const collaboratorBefore = `
class IssueFetcher {
  private collaboratorCache = new Map<string, string[]>();
  private _lastRefresh = 0;

  async scheduledRefresh(): Promise<void> {
    const all = await fetchCollaborators();
    for (const [repo, users] of all) this.collaboratorCache.set(repo, users);
    this._lastRefresh = Date.now();
  }

  async getCollaborators(repo: string): Promise<string[]> {
    const cached = this.collaboratorCache.get(repo);
    if (cached && Date.now() - this._lastRefresh < 60_000) return cached;
    const users = await fetchRepoCollaborators(repo);
    this.collaboratorCache.set(repo, users);
    return users;
  }
}
declare function fetchCollaborators(): Promise<Map<string, string[]>>;
declare function fetchRepoCollaborators(repo: string): Promise<string[]>;
`;

ruleTester.run('require-cache-ttl-sentinel', ruleUnderTest, {
  valid: [
    {
      name: 'the seed story after the fix: the direct write updates the sentinel too',
      code: collaboratorBefore.replace(
        '    this.collaboratorCache.set(repo, users);\n    return users;',
        '    this.collaboratorCache.set(repo, users);\n    this._lastRefresh = Date.now();\n    return users;',
      ),
    },
    {
      name: 'the update before the write covers it',
      code: `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  put(k: string, v: number): void {
    this.lastRefresh = Date.now();
    this.cache.set(k, v);
  }
}`,
    },
    {
      name: 'an update in finally covers every path, including early returns',
      code: `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  put(k: string, v: number): number {
    try {
      this.cache.set(k, v);
      if (v > 1) return 1;
      return 2;
    } finally {
      this.lastRefresh = Date.now();
    }
  }
}`,
    },
    {
      name: 'a path that leaves by throw is not a miss',
      code: `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  put(k: string, v: number): void {
    this.cache.set(k, v);
    if (v < 0) throw new Error('negative');
    this.lastRefresh = Date.now();
  }
}`,
    },
    {
      name: 'a helper that updates the sentinel on every path counts as an update',
      code: `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  put(k: string, v: number): void {
    this.cache.set(k, v);
    this.markFresh();
  }
  private markFresh(): void {
    if (this.cache.size > 0) {
      this.lastRefresh = Date.now();
    } else {
      this.touch();
    }
  }
  private touch(): void { this.lastRefresh = Date.now(); }
}`,
    },
    {
      name: 'the write and the update in a helper that every path calls',
      code: `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  private store(k: string, v: number): void {
    this.cache.set(k, v);
    this.lastRefresh = Date.now();
  }
  load(k: string, v: number, twice: boolean): void {
    if (twice) this.store(k + '2', v);
    this.store(k, v);
  }
}`,
    },
    {
      name: 'initialisation in a constructor, a field initialiser and a static block needs no sentinel',
      code: `
class C {
  private cache = new Map<string, number>([['a', 1]]);
  private lastRefresh = 0;
  private seeded = this.cache.set('b', 2);
  static shared = new Map<string, number>();
  static sharedUpdatedAt = 0;
  static { C.shared.set('x', 1); }
  constructor(seed: Map<string, number>) {
    for (const [k, v] of seed) this.cache.set(k, v);
  }
}`,
    },
    {
      name: 'module-level initialisation needs no sentinel',
      code: `
const cache = new Map<string, number>();
let lastRefresh = 0;
cache.set('boot', 1);
export function read(k: string): number | undefined { return Date.now() - lastRefresh < 10 ? cache.get(k) : undefined; }`,
    },
    {
      name: 'invalidations need no sentinel by default',
      code: `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  forget(k: string): void { this.cache.delete(k); }
  reset(): void { this.cache.clear(); }
  drop(): void { this.cache = new Map(); }
}`,
    },
    {
      name: 'entries that carry their own timestamp have no sentinel to forget',
      code: `
class C {
  private cache = new Map<string, { value: number; fetchedAt: number }>();
  private lastRefresh = 0;
  put(k: string, value: number): void { this.cache.set(k, { value, fetchedAt: Date.now() }); }
}`,
    },
    {
      name: 'a single write carrying its own timestamp is accepted even when the cache type is unknown',
      code: `
class C {
  private cache: Map<string, unknown> = new Map();
  private lastRefresh = 0;
  put(k: string, value: number): void { this.cache.set(k, { value, storedAt: Date.now() }); }
}`,
    },
    {
      name: 'a TtlCache-shaped class: entries stored as { value, storedAt } in a private Map',
      code: `
export class TtlCache<K, V> {
  readonly #entries = new Map<K, { value: V; storedAt: number }>();
  #lastSweepAt = 0;
  constructor(private readonly ttlMs: number) {}
  set(key: K, value: V): void {
    this.#entries.set(key, { value, storedAt: Date.now() });
  }
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry || Date.now() - entry.storedAt > this.ttlMs) return undefined;
    return entry.value;
  }
  sweep(): void {
    for (const [key, entry] of this.#entries) if (Date.now() - entry.storedAt > this.ttlMs) this.#entries.delete(key);
    this.#lastSweepAt = Date.now();
  }
}`,
    },
    {
      name: 'a tag naming the entries\' own timestamp (as the runtime\'s TtlCache does) means no separate sentinel',
      code: `
interface CacheEntry<V> { readonly value: V; readonly storedAt: number }
export class TtlCache<K, V> {
  /** @ttlSentinel storedAt */
  readonly #entries = new Map<K, CacheEntry<V>>();
  set(key: K, value: V): void {
    this.#entries.set(key, { value, storedAt: Date.now() });
  }
  restore(key: K, entry: CacheEntry<V>): void {
    this.#entries.set(key, entry);
  }
  delete(key: K): boolean { return this.#entries.delete(key); }
  clear(): void { this.#entries.clear(); }
}`,
    },
    {
      name: 'user code writing a TtlCache from @steadfast/runtime needs no separate sentinel',
      code: `
import { TtlCache } from '@steadfast/runtime';
class IssueFetcher {
  private readonly issueCache = new TtlCache<number, string>({ ttlMs: 60_000 });
  private lastRefresh = 0;
  remember(id: number, title: string): void {
    this.issueCache.set(id, title);
  }
}
const ttlCache = new TtlCache<string, number>({ ttlMs: 1000 });
let cacheUpdatedAt = 0;
export function put(k: string, v: number): void { ttlCache.set(k, v); }`,
    },
    {
      name: 'TtlCache imported under another name is still the runtime cache',
      code: `
import { TtlCache as Cache } from '@steadfast/runtime';
class IssueFetcher {
  private readonly issueCache: Cache<number, string> = new Cache({ ttlMs: 1 });
  private lastRefresh = 0;
  remember(id: number, title: string): void { this.issueCache.set(id, title); }
}`,
    },
    {
      name: 'a class called TtlCache from elsewhere is not trusted blindly, but with no sentinel there is nothing to enforce',
      code: `
import { TtlCache } from './my-cache.js';
class IssueFetcher {
  private readonly issueCache = new TtlCache<number, string>();
  remember(id: number, title: string): void { this.issueCache.set(id, title); }
}`,
    },
    {
      name: 'a configured self-timestamping class is trusted like TtlCache',
      code: `
class C {
  private cache = new LRUCache<string, number>({ ttl: 1000 });
  private lastRefresh = 0;
  put(k: string, v: number): void { this.cache.set(k, v); }
}
declare class LRUCache<K, V> { constructor(o: object); set(k: K, v: V): void }`,
      options: [{ selfTimestampingTypes: ['LRUCache'] }],
    },
    {
      name: 'a cache with no paired sentinel has nothing to enforce',
      code: `
class C {
  private cache = new Map<string, number>();
  put(k: string, v: number): void { this.cache.set(k, v); }
}`,
    },
    {
      name: 'ambiguous naming is not guessed: two caches, two sentinels, none named after them',
      code: `
class C {
  private userCache = new Map<string, number>();
  private teamCache = new Map<string, number>();
  private lastRefresh = 0;
  private fetchedAt = 0;
  put(k: string, v: number): void { this.userCache.set(k, v); this.teamCache.set(k, v); }
}`,
    },
    {
      name: 'the naming fallback can be turned off',
      code: `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  put(k: string, v: number): void { this.cache.set(k, v); }
}`,
      options: [{ namingConvention: false }],
    },
    {
      name: 'reads and non-mutating calls are not writes',
      code: `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  read(k: string): number | undefined { this.cache.forEach(() => undefined); return this.cache.get(k) ?? (this.cache.has(k) ? 1 : undefined); }
}`,
    },
    {
      name: 'an inline callback runs as part of its call: the update after the loop covers it',
      code: `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  load(items: { k: string; v: number }[]): void {
    items.forEach((item) => this.cache.set(item.k, item.v));
    this.lastRefresh = Date.now();
  }
}`,
    },
    {
      name: 'hydration that states the persisted age updates the sentinel',
      code: `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  hydrate(snapshot: { savedAt: number; entries: [string, number][] }): void {
    for (const [k, v] of snapshot.entries) this.cache.set(k, v);
    this.lastRefresh = snapshot.savedAt;
  }
}`,
    },
    {
      name: 'this inside a plain function expression is not the instance',
      code: `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  handler(): (this: { cache: Map<string, number> }, k: string) => void {
    return function (k) { this.cache.set(k, 1); };
  }
}`,
    },
    {
      name: 'a local Map that happens to be called cache is not the member',
      code: `
class C {
  private cache = new Map<string, number>();
  private lastRefresh = 0;
  build(): Map<string, number> { const cache = new Map<string, number>(); cache.set('a', 1); return cache; }
}`,
    },
  ],
  invalid: [
    {
      name: 'a class called TtlCache that is not the runtime one is paired like any cache',
      code: `
import { TtlCache } from './my-cache.js';
class IssueFetcher {
  private readonly issueCache = new TtlCache<number, string>();
  private lastRefresh = 0;
  remember(id: number, title: string): void { this.issueCache.set(id, title); }
}`,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 6,
          suggestions: [
            {
              messageId: 'addSentinelUpdate',
              data: { update: 'this.lastRefresh = Date.now();' },
              output: `
import { TtlCache } from './my-cache.js';
class IssueFetcher {
  private readonly issueCache = new TtlCache<number, string>();
  private lastRefresh = 0;
  remember(id: number, title: string): void { this.issueCache.set(id, title);
  this.lastRefresh = Date.now(); }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'entry assignment, increment, Object.assign and a compound update are writes',
      code: `
const cache: Record<string, number> = {};
let lastRefresh = 0;
export function a(k: string): void { if (k) { cache[k] = 1; } else { lastRefresh = 1; } }
export function b(k: string): void { if (k) { cache[k]++; } lastRefresh += 0; }
export function c(o: object): void { if (o) { Object.assign(cache, o); } }
export function d(k: string): void { delete cache[k]; }`,
      errors: [
        { messageId: 'missingSentinelUpdate', line: 4, suggestions: [{ messageId: 'addSentinelUpdate', data: { update: 'lastRefresh = 1;' }, output: `
const cache: Record<string, number> = {};
let lastRefresh = 0;
export function a(k: string): void { if (k) { cache[k] = 1;
lastRefresh = 1; } else { lastRefresh = 1; } }
export function b(k: string): void { if (k) { cache[k]++; } lastRefresh += 0; }
export function c(o: object): void { if (o) { Object.assign(cache, o); } }
export function d(k: string): void { delete cache[k]; }` }] },
        { messageId: 'missingSentinelUpdate', line: 6, suggestions: [{ messageId: 'addSentinelUpdate', data: { update: 'lastRefresh = 1;' }, output: `
const cache: Record<string, number> = {};
let lastRefresh = 0;
export function a(k: string): void { if (k) { cache[k] = 1; } else { lastRefresh = 1; } }
export function b(k: string): void { if (k) { cache[k]++; } lastRefresh += 0; }
export function c(o: object): void { if (o) { Object.assign(cache, o);
lastRefresh = 1; } }
export function d(k: string): void { delete cache[k]; }` }] },
      ],
    },
    {
      name: 'the seed story: the direct caller writes the cache without the sentinel',
      code: collaboratorBefore,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 16,
          data: {
            cache: 'this.collaboratorCache',
            sentinel: 'this._lastRefresh',
            function: '`getCollaborators`',
            exit: 'returns at line 17',
          },
          suggestions: [
            {
              messageId: 'addSentinelUpdate',
              data: { update: 'this._lastRefresh = Date.now();' },
              output: collaboratorBefore.replace(
                '    this.collaboratorCache.set(repo, users);\n    return users;',
                '    this.collaboratorCache.set(repo, users);\n    this._lastRefresh = Date.now();\n    return users;',
              ),
            },
          ],
        },
      ],
    },
  ],
});
