import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isOwnCodeModuleSpecifier } from './relative-module-path.js';
import { isTypeWrapper } from '../type-wrappers.js';

/** How a value reached the current file from another module, as far as the file's syntax shows. */
export type ImportOriginKind =
  /** The imported binding itself: `import { dispatcher } from './server.js'`. */
  | 'binding'
  /** An object constructed from an imported class: `new Dispatcher()`. */
  | 'instance'
  /** A member of an imported namespace: `server.dispatcher` for `import * as server`. */
  | 'namespace-member'
  /** A name destructured out of an imported value: `const { dispatcher } = server`. */
  | 'destructured';

/** Where a value comes from: the module specifier as written, and how it got here. */
export interface ImportOrigin {
  source: string;
  kind: ImportOriginKind;
}

/* Alias chains longer than this are not followed; real code rarely goes past two. */
const MAX_DEPTH = 8;

function unwrapTypeOnly(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isTypeWrapper(current) || current.type === AST_NODE_TYPES.ChainExpression) {
    current = current.expression;
  }
  return current;
}

function staticModuleSource(node: TSESTree.Node): string | undefined {
  const inner = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node;
  if (inner.type === AST_NODE_TYPES.ImportExpression && inner.source.type === AST_NODE_TYPES.Literal) {
    return typeof inner.source.value === 'string' ? inner.source.value : undefined;
  }
  if (
    inner.type === AST_NODE_TYPES.CallExpression &&
    inner.callee.type === AST_NODE_TYPES.Identifier &&
    inner.callee.name === 'require' &&
    inner.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof inner.arguments[0].value === 'string'
  ) {
    return inner.arguments[0].value;
  }
  return undefined;
}

function isDirectlyBound(pattern: TSESTree.Node, name: TSESTree.Identifier): boolean {
  return pattern === name;
}

function originOfIdentifier(
  identifier: TSESTree.Identifier,
  sourceCode: Readonly<TSESLint.SourceCode>,
  depth: number,
): ImportOrigin | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (!variable || !definition || variable.defs.length !== 1) return undefined;
  if (definition.type === TSESLint.Scope.DefinitionType.ImportBinding) {
    const specifier = definition.node;
    const declaration = definition.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type') return undefined;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') return undefined;
    const source = declaration.source.value;
    if (!isOwnCodeModuleSpecifier(source)) return undefined;
    return { source, kind: specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? 'namespace-member' : 'binding' };
  }
  if (definition.type !== TSESLint.Scope.DefinitionType.Variable) return undefined;
  const declarator = definition.node;
  // A variable assigned again later may hold anything; only single-assignment aliases are followed.
  if (!declarator.init || variable.references.filter((reference) => reference.isWrite()).length > 1) return undefined;
  const dynamicSource = staticModuleSource(declarator.init);
  if (isDirectlyBound(declarator.id, definition.name)) {
    if (dynamicSource !== undefined) {
      return isOwnCodeModuleSpecifier(dynamicSource) ? { source: dynamicSource, kind: 'namespace-member' } : undefined;
    }
    return originOf(declarator.init, sourceCode, depth + 1);
  }
  // Destructured: `const { dispatcher } = server` or `const { dispatcher } = await import('./server.js')`.
  if (dynamicSource !== undefined) {
    return isOwnCodeModuleSpecifier(dynamicSource) ? { source: dynamicSource, kind: 'destructured' } : undefined;
  }
  const origin = originOf(declarator.init, sourceCode, depth + 1);
  // Destructuring an imported module or binding yields its exports/members; an instance's fields
  // are data we cannot see into.
  if (origin && (origin.kind === 'namespace-member' || origin.kind === 'binding')) {
    return { source: origin.source, kind: 'destructured' };
  }
  return undefined;
}

/**
 * Follows an expression back to an import of one of the project's own modules: an imported
 * binding, an instance constructed from an imported class, a member of an imported namespace,
 * or a name destructured from an import. Returns `undefined` for everything else — parameters
 * without types, call results, local objects — because untyped, precision comes first.
 */
export function originOf(
  node: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  depth = 0,
): ImportOrigin | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = unwrapTypeOnly(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return originOfIdentifier(expression, sourceCode, depth);
    case AST_NODE_TYPES.NewExpression: {
      const callee = originOf(expression.callee, sourceCode, depth + 1);
      return callee ? { source: callee.source, kind: 'instance' } : undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      // Only members of a namespace are followed: `ns.dispatcher`. A member of an imported
      // binding (`config.db`) is too often plain data to judge without types.
      const object = originOf(expression.object, sourceCode, depth + 1);
      return object?.kind === 'namespace-member' ? object : undefined;
    }
    default:
      return undefined;
  }
}
