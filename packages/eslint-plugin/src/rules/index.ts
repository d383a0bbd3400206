import type { TSESLint } from '@typescript-eslint/utils';
import type { SteadfastRuleDocs } from '../util/create-rule.js';
import noUnguardedLoopBody from './no-unguarded-loop-body.js';
import noPrivateCrossModuleAccess from './no-private-cross-module-access.js';
import noHookAsOperation from './no-hook-as-operation.js';
import requireCacheTtlSentinel from './require-cache-ttl-sentinel.js';

/** A rule as the plugin registers it. */
export type SteadfastRule = TSESLint.RuleModule<string, readonly unknown[], SteadfastRuleDocs>;

/** Every rule of the plugin, by name without the `@steadfast/` prefix. Configs are derived from this map. */
export const rules: Record<string, SteadfastRule> = {
  'no-unguarded-loop-body': noUnguardedLoopBody,
  'no-private-cross-module-access': noPrivateCrossModuleAccess,
  'no-hook-as-operation': noHookAsOperation,
  'require-cache-ttl-sentinel': requireCacheTtlSentinel,
};
