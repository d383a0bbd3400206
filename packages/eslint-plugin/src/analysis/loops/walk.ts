import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** The visitor keys of the parser that produced the tree (`context.sourceCode.visitorKeys`). */
export type VisitorKeys = TSESLint.SourceCode.VisitorKeys;

/** Nodes whose bodies do not run where they are written: they are declared, not executed. */
export function isDeferredBody(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.ClassDeclaration ||
    node.type === AST_NODE_TYPES.ClassExpression ||
    node.type === AST_NODE_TYPES.TSModuleDeclaration ||
    node.type === AST_NODE_TYPES.TSInterfaceDeclaration ||
    node.type === AST_NODE_TYPES.TSTypeAliasDeclaration ||
    node.type === AST_NODE_TYPES.TSDeclareFunction
  );
}

/** The child nodes of a node, in source order, as the parser's visitor keys list them. */
export function childNodes(node: TSESTree.Node, keys: VisitorKeys): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const key of keys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children.sort((a, b) => a.range[0] - b.range[0]);
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Visits every node below `root` that runs as part of it (not inside nested functions or
 * classes), depth first in source order. Returning `false` from `visit` skips a node's children.
 */
export function walkExecuted(root: TSESTree.Node, keys: VisitorKeys, visit: (node: TSESTree.Node) => boolean | void): void {
  for (const child of childNodes(root, keys)) {
    if (isDeferredBody(child)) continue;
    if (visit(child) === false) continue;
    walkExecuted(child, keys, visit);
  }
}
