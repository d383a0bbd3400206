import { SteadfastError } from '../../errors/plugin-error.js';
import type { CachePairSetting } from '../settings.js';
import type { JsDocTag } from '../jsdoc-tags.js';
import type { OwnedDeclaration } from './cache-declarations.js';
import { pairByNamingConvention } from './naming-convention.js';

/** Where a cache ↔ sentinel pairing came from, strongest first. */
export type PairSource = 'tag' | 'settings' | 'naming';

/** A cache and the freshness member every write of it must update. */
export interface CachePair {
  readonly cache: string;
  readonly sentinel: string;
  readonly source: PairSource;
}

/** The tag that names a cache's sentinel on its declaration. */
export const TTL_SENTINEL_TAG = 'ttlSentinel';

/** `@ttlSentinel this._lastRefresh` and `@ttlSentinel _lastRefresh` name the same member. */
export function sentinelFromTag(tags: readonly JsDocTag[]): string | undefined {
  const tag = tags.find((candidate) => candidate.name === TTL_SENTINEL_TAG);
  const text = tag?.text.split(' ')[0];
  return text === undefined || text === '' ? undefined : text.replace(/^this\./, '').replace(/[`'"]/g, '');
}

const compiled = new Map<string, RegExp>();

function compile(pattern: string, source: string, flags: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    try {
      regex = new RegExp(source, flags);
    } catch (error) {
      throw new SteadfastError(
        'INVALID_SETTINGS',
        `Invalid settings.steadfast: "caches" pattern ${pattern} is not a valid regular expression. See the plugin README, section "Settings".`,
        { cause: error },
      );
    }
    compiled.set(pattern, regex);
  }
  return regex;
}

/** Whether a configured cache pattern (`name` or `/regex/flags`) matches a name. */
export function matchesNamePattern(pattern: string, name: string): boolean {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (!regex) return pattern === name || pattern === name.replace(/^#/, '');
  return compile(pattern, regex[1] as string, regex[2] as string).test(name);
}

/** The configured sentinel for a cache name, if `settings.steadfast.caches` names one. */
export function sentinelFromSettings(settings: readonly CachePairSetting[], name: string): string | undefined {
  return settings.find((pair) => matchesNamePattern(pair.cache, name))?.sentinel;
}

/** What the pairing needs to know about each declaration of one class or module. */
export interface PairingInput {
  readonly declarations: readonly OwnedDeclaration[];
  readonly tagsOf: (declaration: OwnedDeclaration) => readonly JsDocTag[];
  /** Caches whose entries carry their own freshness: never paired except by an explicit tag. */
  readonly isSelfTimestamping: (declaration: OwnedDeclaration) => boolean;
  readonly settings: readonly CachePairSetting[];
  readonly namingConvention: boolean;
}

/**
 * Pairs the caches of one class or module with their sentinels: a `@ttlSentinel` tag first, then
 * `settings.steadfast.caches`, then (if enabled) the naming convention. Returns pairs by cache name.
 */
export function pairCaches(input: PairingInput): Map<string, CachePair> {
  const pairs = new Map<string, CachePair>();
  const unpaired: string[] = [];
  for (const declaration of input.declarations) {
    const tagged = sentinelFromTag(input.tagsOf(declaration));
    // `@ttlSentinel storedAt` on a container of `{ value, storedAt }` entries names the entries'
    // own timestamp, not a member: every entry carries its freshness, so there is no pair.
    if (tagged !== undefined && input.isSelfTimestamping(declaration) && !input.declarations.some((other) => other.name === tagged)) {
      continue;
    }
    if (tagged !== undefined) {
      pairs.set(declaration.name, { cache: declaration.name, sentinel: tagged, source: 'tag' });
      continue;
    }
    if (input.isSelfTimestamping(declaration)) continue;
    const configured = sentinelFromSettings(input.settings, declaration.name);
    if (configured !== undefined) {
      pairs.set(declaration.name, { cache: declaration.name, sentinel: configured, source: 'settings' });
      continue;
    }
    unpaired.push(declaration.name);
  }
  if (input.namingConvention) {
    // Members already spoken for by a tag or a setting take no part in the guessing.
    const taken = new Set([...pairs.values()].flatMap((pair) => [pair.cache, pair.sentinel]));
    const names = input.declarations
      .filter((declaration) => !taken.has(declaration.name) && !input.isSelfTimestamping(declaration))
      .map((declaration) => declaration.name);
    for (const [cache, sentinel] of pairByNamingConvention(names)) {
      if (unpaired.includes(cache)) pairs.set(cache, { cache, sentinel, source: 'naming' });
    }
  }
  return pairs;
}
