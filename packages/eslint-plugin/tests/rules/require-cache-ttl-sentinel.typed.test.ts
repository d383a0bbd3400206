import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageId, type Options } from '../../src/rules/require-cache-ttl-sentinel.js';

const fixtureDir = join(import.meta.dirname, '..', 'fixtures', 'require-cache-ttl-sentinel');

const typed = new RuleTester({
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixtureDir } },
  settings: { steadfast: { typeAware: true } },
});
const untyped = new RuleTester();
// rule-tester bundles its own copy of @typescript-eslint/utils; the rule is the same object at run time.
const ruleUnderTest = rule as unknown as Parameters<typeof typed.run<MessageId, Options>>[1];

const crossFileWrite = `
import { IssueFetcher } from './issue-fetcher.js';
export function remember(fetcher: IssueFetcher, repo: string, users: string[]): void {
  fetcher.collaboratorCache.set(repo, users);
}`;

const importedTimestampedEntries = `
import type { CachedIssue } from './issue-fetcher.js';
export class Issues {
  private cache = new Map<number, CachedIssue>();
  private lastRefresh = 0;
  put(id: number, issue: CachedIssue): void {
    this.cache.set(id, issue);
  }
}`;

const factoryTtlCache = `
import { createTtlCache } from '@steadfast/runtime';
export class Issues {
  private issueCache = createTtlCache<number, string>(60_000);
  private lastRefresh = 0;
  put(id: number, title: string): void {
    this.issueCache.set(id, title);
  }
}`;

const customReceiver = `
class Tally {
  add(a: number, b: number): number { return a + b; }
}
export class Stats {
  /** @ttlSentinel computedAt */
  private store = new Tally();
  private computedAt = 0;
  sum(a: number, b: number): number {
    return this.store.add(a, b);
  }
}`;

const mapCalledStore = `
export class Stats {
  /** @ttlSentinel computedAt */
  private store: Map<string, number> = new Map();
  private computedAt = 0;
  put(k: string): void {
    this.store.set(k, 1);
  }
}`;

typed.run('require-cache-ttl-sentinel (typed)', ruleUnderTest, {
  valid: [
    {
      name: 'entries typed with an imported interface that carries fetchedAt need no sentinel',
      code: importedTimestampedEntries,
    },
    {
      name: 'a TtlCache from @steadfast/runtime is recognised by its type, even from a factory',
      code: factoryTtlCache,
    },
    {
      name: 'the receiver type decides: add on a non-container class is not a write',
      code: customReceiver,
    },
    {
      name: 'user code calling set on a TtlCache imported from @steadfast/runtime',
      code: `
import { TtlCache } from '@steadfast/runtime';
const ttlCache = new TtlCache<string, number>({ ttlMs: 1000 });
let cacheUpdatedAt = 0;
export function put(k: string, v: number): void { ttlCache.set(k, v); }
export function touched(): number { return cacheUpdatedAt; }`,
    },
  ],
  invalid: [
    {
      name: 'a @ttlSentinel tag on a cache declared in another file is read through the type checker',
      code: crossFileWrite,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 4,
          data: { cache: 'fetcher.collaboratorCache', sentinel: 'fetcher._lastRefresh', function: '`remember`', exit: 'reaches its end at line 5' },
          suggestions: [
            {
              messageId: 'addSentinelUpdate',
              data: { update: 'fetcher._lastRefresh = Date.now();' },
              output: crossFileWrite.replace('set(repo, users);', 'set(repo, users);\n  fetcher._lastRefresh = Date.now();'),
            },
          ],
        },
      ],
    },
    {
      name: 'a Map called store is still a write',
      code: mapCalledStore,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          line: 7,
          suggestions: [
            {
              messageId: 'addSentinelUpdate',
              data: { update: 'this.computedAt = Date.now();' },
              output: mapCalledStore.replace('set(k, 1);', 'set(k, 1);\n    this.computedAt = Date.now();'),
            },
          ],
        },
      ],
    },
  ],
});

// The same sources without type information: what typed mode adds, shown by contrast.
untyped.run('require-cache-ttl-sentinel (untyped contrast)', ruleUnderTest, {
  valid: [
    {
      name: 'without types, a tag in another file is not visible: nothing is guessed',
      code: crossFileWrite,
    },
  ],
  invalid: [
    {
      name: 'without types, an imported entry type is unknown, so the naming pair is enforced',
      code: importedTimestampedEntries,
      errors: [
        {
          messageId: 'missingSentinelUpdate',
          suggestions: [
            {
              messageId: 'addSentinelUpdate',
              data: { update: 'this.lastRefresh = Date.now();' },
              output: importedTimestampedEntries.replace('set(id, issue);', 'set(id, issue);\n    this.lastRefresh = Date.now();'),
            },
          ],
        },
      ],
    },
    {
      name: 'without types, add on a tagged cache is taken for a Set write',
      code: customReceiver,
      errors: [{ messageId: 'missingSentinelUpdate', suggestions: [] }],
    },
  ],
});
