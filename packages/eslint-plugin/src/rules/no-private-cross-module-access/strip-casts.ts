import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isTypeWrapper } from '../../analysis/type-wrappers.js';

/** An expression with its type-only wrappers removed, and whether one of them was a cast. */
export interface StrippedExpression {
  expression: TSESTree.Expression;
  /** `x as any`, `x as unknown as T`, `<any>x`: the checker was told to look away. */
  throughCast: boolean;
}

/**
 * Removes `as`, `<T>`, `!` and `satisfies` around an expression, so a member reached through
 * `(dispatcher as any)._executor` is judged against the type of `dispatcher` itself.
 */
export function stripCasts(node: TSESTree.Expression): StrippedExpression {
  let expression = node;
  let throughCast = false;
  for (;;) {
    if (!isTypeWrapper(expression)) return { expression, throughCast };
    // `!` and `satisfies` keep the checker's view; only `as` and `<T>` tell it to look away.
    if (expression.type === AST_NODE_TYPES.TSAsExpression || expression.type === AST_NODE_TYPES.TSTypeAssertion) throughCast = true;
    expression = expression.expression;
  }
}
