import type { TSESLint } from '@typescript-eslint/utils';
import type { SteadfastRule } from './rules/index.js';

/** Names of the flat configs the plugin ships. */
export type ConfigName = 'recommended' | 'recommended-type-checked' | 'all';

type RuleLevels = Record<string, TSESLint.Linter.RuleLevel>;

function levels(
  namespace: string,
  rules: Readonly<Record<string, SteadfastRule>>,
  include: (rule: SteadfastRule) => boolean,
): RuleLevels {
  const result: RuleLevels = {};
  for (const [name, rule] of Object.entries(rules)) {
    if (include(rule)) result[`${namespace}/${name}`] = 'error';
  }
  return result;
}

/**
 * Builds the flat configs from the rules' own meta, so a rule's `recommended` flag is the only
 * place that decides what a config turns on. `recommended-type-checked` differs from
 * `recommended` only by the explicit typed switch; it needs `parserOptions.projectService`.
 */
export function buildConfigs(
  namespace: string,
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Readonly<Record<string, SteadfastRule>>,
): Record<ConfigName, TSESLint.FlatConfig.Config> {
  const recommended = levels(namespace, rules, (rule) => rule.meta.docs?.recommended === true);
  return {
    recommended: {
      name: `${namespace}/recommended`,
      plugins: { [namespace]: plugin },
      rules: recommended,
    },
    'recommended-type-checked': {
      name: `${namespace}/recommended-type-checked`,
      plugins: { [namespace]: plugin },
      settings: { steadfast: { typeAware: true } },
      rules: recommended,
    },
    all: {
      name: `${namespace}/all`,
      plugins: { [namespace]: plugin },
      rules: levels(namespace, rules, () => true),
    },
  };
}
