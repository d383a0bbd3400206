import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

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
    if (expression.type === AST_NODE_TYPES.TSAsExpression || expression.type === AST_NODE_TYPES.TSTypeAssertion) {
      throughCast = true;
      expression = expression.expression;
    } else if (
      expression.type === AST_NODE_TYPES.TSNonNullExpression ||
      expression.type === AST_NODE_TYPES.TSSatisfiesExpression
    ) {
      expression = expression.expression;
    } else {
      return { expression, throughCast };
    }
  }
}
