import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** The TypeScript-only wrappers around an expression: they change its static type, never its value. */
export type TypeWrapper =
  | TSESTree.TSAsExpression
  | TSESTree.TSTypeAssertion
  | TSESTree.TSNonNullExpression
  | TSESTree.TSSatisfiesExpression;

/** Whether `node` is `x as T`, `<T>x`, `x!` or `x satisfies T`. */
export function isTypeWrapper(node: TSESTree.Node): node is TypeWrapper {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression
  );
}

/** The expression under every type-only wrapper: the value that runs. */
export function stripTypeWrappers(node: TSESTree.Expression): TSESTree.Expression {
  let current = node;
  while (isTypeWrapper(current)) current = current.expression;
  return current;
}
