import type { TSESLint } from '@typescript-eslint/utils';
import type { SteadfastRuleDocs } from '../util/create-rule.js';
import requireCacheTtlSentinel from './require-cache-ttl-sentinel.js';

/** A rule as the plugin registers it. */
export type SteadfastRule = TSESLint.RuleModule<string, readonly unknown[], SteadfastRuleDocs>;

/** Every rule of the plugin, by name without the `@steadfast/` prefix. Configs are derived from this map. */
export const rules: Record<string, SteadfastRule> = {
  'require-cache-ttl-sentinel': requireCacheTtlSentinel,
};
