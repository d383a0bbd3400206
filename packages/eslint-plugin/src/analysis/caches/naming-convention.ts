/**
 * The naming fallback that pairs a cache with its sentinel when neither a `@ttlSentinel` tag nor
 * `settings.steadfast.caches` says so. Pure string logic; the documentation of the rule describes
 * exactly these patterns.
 */

/** Leading `_` and `#` do not change what a member is. */
function stem(name: string): string {
  return name.replace(/^[_#]+/, '');
}

const CACHE_NAME = /^(?:cache|[A-Za-z0-9_$]*[a-z0-9_$]Cache)$/;
const SENTINEL_SUFFIX = /(?:UpdatedAt|FetchedAt|RefreshedAt)$/;
const SENTINEL_EXACT = /^(?:lastRefresh|updatedAt|fetchedAt|refreshedAt)$/;

/** `cache`, `issueCache`, `_cache`, `#collaboratorCache`. */
export function isCacheLikeName(name: string): boolean {
  return CACHE_NAME.test(stem(name));
}

/** `lastRefresh`, `…UpdatedAt`, `…FetchedAt`, `…RefreshedAt` (with optional `_`/`#`). */
export function isSentinelLikeName(name: string): boolean {
  const bare = stem(name);
  return SENTINEL_EXACT.test(bare) || SENTINEL_SUFFIX.test(bare);
}

/** `userCacheUpdatedAt` → `userCache`; `userFetchedAt` → `user`; `lastRefresh` → ``. */
function sentinelSubject(name: string): string {
  return stem(name).replace(SENTINEL_SUFFIX, '').replace(SENTINEL_EXACT, '');
}

/**
 * Pairs caches with sentinels among the members of one class (or the variables of one module).
 * One cache-like and one sentinel-like name pair with each other. With several of either, a cache
 * pairs only with the one sentinel named after it (`userCache` ↔ `userCacheUpdatedAt` or
 * `userUpdatedAt`); anything else is ambiguous and not guessed.
 */
export function pairByNamingConvention(names: readonly string[]): Map<string, string> {
  const caches = names.filter(isCacheLikeName);
  const sentinels = names.filter(isSentinelLikeName);
  const pairs = new Map<string, string>();
  if (caches.length === 1 && sentinels.length === 1) {
    pairs.set(caches[0] as string, sentinels[0] as string);
    return pairs;
  }
  for (const cache of caches) {
    const cacheStem = stem(cache);
    const subject = cacheStem.replace(/Cache$/, '');
    const named = sentinels.filter((sentinel) => {
      const of = sentinelSubject(sentinel);
      return of !== '' && (of === cacheStem || of === subject);
    });
    if (named.length === 1) pairs.set(cache, named[0] as string);
  }
  return pairs;
}
