import { ESLintUtils } from '@typescript-eslint/utils';

/** Where a rule's documentation lives; the README links and `meta.docs.url` are built from it. */
export const RULE_DOCS_BASE_URL =
  'https://github.com/steadfast-workers/steadfast/blob/main/packages/eslint-plugin/docs/rules';

/** The `meta.docs` shape every Steadfast rule declares; configs and docs are generated from it. */
export interface SteadfastRuleDocs {
  /** One sentence, starting with a verb, shown in the README table. */
  description: string;
  /** Whether the rule is part of `recommended` and `recommended-type-checked`. */
  recommended?: boolean;
  /**
   * Every Steadfast rule works without type information; `true` here means typed mode
   * (`settings.steadfast.typeAware`) makes it more precise, never that it needs a program.
   */
  requiresTypeChecking?: false;
  /** What typed mode adds, in one sentence (shown in the rule doc). */
  typeAwareImprovement?: string;
}

/** The factory every rule goes through, so names, URLs and docs stay uniform. */
export const createRule = ESLintUtils.RuleCreator<SteadfastRuleDocs>(
  (name) => `${RULE_DOCS_BASE_URL}/${name}.md`,
);
