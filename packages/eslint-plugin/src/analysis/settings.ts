import type { TSESLint } from '@typescript-eslint/utils';
import { SteadfastError } from '../errors/plugin-error.js';

/** How a project without JSDoc tags tells a rule which function registers background tasks. */
export interface BackgroundTaskRegistration {
  /**
   * Callee that registers a task, as written at the call site: `createWorker`, `queue.process`,
   * or `new Worker` for a constructor.
   */
  call: string;
  /** Zero-based index of the argument that is the handler; default: every function argument. */
  argument?: number;
}

/** A cache and the freshness member every write of it must update. */
export interface CachePairSetting {
  /** Name of the cache member or variable, or a `/regex/` matched against it. */
  cache: string;
  /** Name of its TTL sentinel member or variable. */
  sentinel: string;
}

/** The `settings.steadfast` object of an ESLint config, shared by every Steadfast rule. */
export interface SteadfastSettings {
  /**
   * Use type information (needs `parserOptions.projectService`). Set by the
   * `recommended-type-checked` config; a rule never switches on its own.
   */
  typeAware?: boolean;
  /** Names (`Class.method` or `function`) of hooks, for code without `@hook` tags. */
  hooks?: string[];
  /** Names of authoritative operations, for code without `@operation` tags. */
  operations?: string[];
  /** Name patterns (`/regex/` or exact) or registering calls that make a function a background task. */
  backgroundTasks?: (string | BackgroundTaskRegistration)[];
  /** Decorators that declare a framework lifecycle hook (`AfterCreate`, `BeforeUpdate`, …). */
  hookDecorators?: string[];
  /** Cache/sentinel pairs for code without `@ttlSentinel` tags. */
  caches?: CachePairSetting[];
}

/** Settings after validation, with every list present. */
export interface ResolvedSettings {
  typeAware: boolean;
  hooks: readonly string[];
  operations: readonly string[];
  backgroundTasks: readonly (string | BackgroundTaskRegistration)[];
  hookDecorators: readonly string[];
  caches: readonly CachePairSetting[];
}

const KNOWN_KEYS = new Set<keyof SteadfastSettings>([
  'typeAware',
  'hooks',
  'operations',
  'backgroundTasks',
  'hookDecorators',
  'caches',
]);

function fail(detail: string): never {
  throw new SteadfastError(
    'INVALID_SETTINGS',
    `Invalid settings.steadfast: ${detail}. See the plugin README, section "Settings".`,
  );
}

function stringList(value: unknown, key: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    fail(`"${key}" must be an array of strings`);
  }
  return value;
}

function taskList(value: unknown): (string | BackgroundTaskRegistration)[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('"backgroundTasks" must be an array');
  return value.map((item: unknown, index) => {
    if (typeof item === 'string') return item;
    if (typeof item === 'object' && item !== null && typeof (item as { call?: unknown }).call === 'string') {
      const { call, argument } = item as { call: string; argument?: unknown };
      if (argument !== undefined && (typeof argument !== 'number' || !Number.isInteger(argument) || argument < 0)) {
        fail(`"backgroundTasks[${index}].argument" must be a non-negative integer`);
      }
      return argument === undefined ? { call } : { call, argument };
    }
    return fail(`"backgroundTasks[${index}]" must be a string or { call, argument? }`);
  });
}

function cacheList(value: unknown): CachePairSetting[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('"caches" must be an array of { cache, sentinel }');
  return value.map((item: unknown, index) => {
    const pair = item as { cache?: unknown; sentinel?: unknown } | null;
    if (typeof pair !== 'object' || pair === null || typeof pair.cache !== 'string' || typeof pair.sentinel !== 'string') {
      return fail(`"caches[${index}]" must be { cache: string, sentinel: string }`);
    }
    return { cache: pair.cache, sentinel: pair.sentinel };
  });
}

/** Validates a raw `settings.steadfast` value; pure, so it is tested on its own. */
export function resolveSettings(raw: unknown): ResolvedSettings {
  if (raw === undefined || raw === null) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) fail('it must be an object');
  const settings = raw as Record<string, unknown>;
  for (const key of Object.keys(settings)) {
    if (!KNOWN_KEYS.has(key as keyof SteadfastSettings)) {
      fail(`unknown key "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`);
    }
  }
  if (settings.typeAware !== undefined && typeof settings.typeAware !== 'boolean') {
    fail('"typeAware" must be a boolean');
  }
  return {
    typeAware: settings.typeAware === true,
    hooks: stringList(settings.hooks, 'hooks'),
    operations: stringList(settings.operations, 'operations'),
    backgroundTasks: taskList(settings.backgroundTasks),
    hookDecorators: stringList(settings.hookDecorators, 'hookDecorators'),
    caches: cacheList(settings.caches),
  };
}

const resolvedBySettingsObject = new WeakMap<object, ResolvedSettings>();

/**
 * The validated settings of the file being linted. ESLint hands every rule of a run the same
 * settings object, so validation happens once per config, not once per rule and file.
 */
export function getSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ResolvedSettings {
  const holder = context.settings as { steadfast?: unknown };
  const raw = holder.steadfast;
  if (typeof raw !== 'object' || raw === null) return resolveSettings(raw);
  const cached = resolvedBySettingsObject.get(raw);
  if (cached) return cached;
  const resolved = resolveSettings(raw);
  resolvedBySettingsObject.set(raw, resolved);
  return resolved;
}
