import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { buildConfigs, type ConfigName } from './configs.js';
import { rules, type SteadfastRule } from './rules/index.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/* The prefix under which the plugin's rules are configured: `@steadfast/<rule>`. */
const NAMESPACE = '@steadfast';

/** The shape of the plugin object: ESLint's plugin type with our configs spelled out. */
export interface SteadfastPlugin extends TSESLint.FlatConfig.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, SteadfastRule>;
  configs: Record<ConfigName, TSESLint.FlatConfig.Config>;
}

const plugin: SteadfastPlugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: NAMESPACE },
  rules,
  configs: {} as Record<ConfigName, TSESLint.FlatConfig.Config>,
};
// Configs refer to the plugin object itself, so they are attached after it exists.
Object.assign(plugin.configs, buildConfigs(NAMESPACE, plugin, rules));

export default plugin;
export type { ConfigName } from './configs.js';
export type { SteadfastSettings, BackgroundTaskRegistration, CachePairSetting } from './analysis/settings.js';
