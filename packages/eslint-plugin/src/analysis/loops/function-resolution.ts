import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** A function node whose body the rule can read. */
export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** Where a callback given by reference comes from: this file, an import, or nowhere the rule can see. */
export type ResolvedCallback =
  | { kind: 'local'; fn: FunctionNode }
  | { kind: 'imported'; identifier: TSESTree.Identifier }
  | { kind: 'unknown' };

/** Whether a node is a function expression or declaration. */
export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return node?.type === AST_NODE_TYPES.FunctionDeclaration || node?.type === AST_NODE_TYPES.FunctionExpression || node?.type === AST_NODE_TYPES.ArrowFunctionExpression;
}

/** `this.name`, `this.#name` → the member name (private names with `#`). */
export function thisMemberName(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression || node.computed) return undefined;
  return node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : node.property.name;
}

function classMemberName(member: TSESTree.ClassElement): string | undefined {
  if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
  if (member.computed) return undefined;
  if (member.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${member.key.name}`;
  return member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : undefined;
}

/** The class whose body holds `node`, if any. */
export function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
  }
  return undefined;
}

/** The method or arrow-valued field `name` of the class around `node`. */
function classMethod(node: TSESTree.Node, name: string): FunctionNode | undefined {
  const owner = enclosingClass(node);
  for (const member of owner?.body.body ?? []) {
    if (classMemberName(member) !== name) continue;
    if (member.type === AST_NODE_TYPES.MethodDefinition) return member.value.type === AST_NODE_TYPES.FunctionExpression ? member.value : undefined;
    if (member.type === AST_NODE_TYPES.PropertyDefinition && isFunctionNode(member.value)) return member.value;
  }
  return undefined;
}

/** Strips `fn.bind(this)` to `fn`. */
function unbound(node: TSESTree.Node): TSESTree.Node {
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    !node.callee.computed &&
    node.callee.property.type === AST_NODE_TYPES.Identifier &&
    node.callee.property.name === 'bind'
  ) {
    return node.callee.object;
  }
  return node;
}

/**
 * Resolves a callback passed by reference — `tick`, `this.tick`, `this.tick.bind(this)` — to the
 * function declared in this file, or says it is imported.
 */
export function resolveCallback(reference: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): ResolvedCallback {
  const target = unbound(reference);
  if (isFunctionNode(target)) return { kind: 'local', fn: target };
  const member = thisMemberName(target);
  if (member !== undefined) {
    const fn = classMethod(target, member);
    return fn ? { kind: 'local', fn } : { kind: 'unknown' };
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return { kind: 'unknown' };
  const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
  const definition = variable?.defs[0];
  if (!definition) return { kind: 'unknown' };
  if (definition.type === TSESLint.Scope.DefinitionType.ImportBinding) return { kind: 'imported', identifier: target };
  if (definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return { kind: 'local', fn: definition.node };
  if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && isFunctionNode(definition.node.init)) {
    return { kind: 'local', fn: definition.node.init };
  }
  return { kind: 'unknown' };
}

/**
 * A callback that only forwards: `() => tick()`, `() => void this.tick()`, `async () => { await tick(); }`.
 * Returns the forwarded reference, so the rule judges the function that does the work.
 */
export function forwardedReference(fn: FunctionNode): TSESTree.Node | undefined {
  let expression: TSESTree.Node | undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) expression = fn.body;
  else if (fn.body.body.length === 1 && fn.body.body[0]?.type === AST_NODE_TYPES.ExpressionStatement) expression = fn.body.body[0].expression;
  while (expression && ((expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') || expression.type === AST_NODE_TYPES.AwaitExpression)) {
    expression = expression.argument;
  }
  if (expression?.type !== AST_NODE_TYPES.CallExpression || expression.arguments.length > 0) return undefined;
  const callee = expression.callee;
  return callee.type === AST_NODE_TYPES.Identifier || thisMemberName(callee) !== undefined ? callee : undefined;
}

/** How code refers to a function: `tick` for a declaration or variable, `this.tick` for a member. */
export function referenceNameOf(fn: FunctionNode): { name: string; member: boolean } | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return { name: fn.id.name, member: false };
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return { name: parent.id.name, member: false };
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) {
    const name = classMemberName(parent);
    return name === undefined ? undefined : { name, member: true };
  }
  return undefined;
}

/** Whether `node` refers to the function named by `reference` (`tick`, `this.tick`, `this.tick.bind(this)`). */
export function refersTo(node: TSESTree.Node, reference: { name: string; member: boolean }): boolean {
  const target = unbound(node);
  if (reference.member) return thisMemberName(target) === reference.name;
  return target.type === AST_NODE_TYPES.Identifier && target.name === reference.name;
}
