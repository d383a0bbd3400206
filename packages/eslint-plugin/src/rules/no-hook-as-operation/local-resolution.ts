import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, keyText, type ClassNode, type FunctionNode } from './function-node.js';
import { isTypeWrapper } from '../../analysis/type-wrappers.js';

/** What a name in the linted file refers to, as far as syntax and scope can tell. */
export type LocalTarget =
  | { kind: 'function'; fn: FunctionNode }
  | { kind: 'class'; node: ClassNode }
  | { kind: 'import'; source: string; importedName: string }
  | { kind: 'unknown' };

const UNKNOWN: LocalTarget = { kind: 'unknown' };

/** Resolves an identifier through ESLint's scope analysis: never by name alone. */
export function resolveIdentifier(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): LocalTarget {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return UNKNOWN;
  const node = definition.node as TSESTree.Node;
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) return { kind: 'function', fn: node };
  if (node.type === AST_NODE_TYPES.ClassDeclaration) return { kind: 'class', node };
  if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) {
    if (isFunctionNode(node.init)) return { kind: 'function', fn: node.init };
    if (node.init.type === AST_NODE_TYPES.ClassExpression) return { kind: 'class', node: node.init };
  }
  if (
    node.type === AST_NODE_TYPES.ImportSpecifier ||
    node.type === AST_NODE_TYPES.ImportDefaultSpecifier ||
    node.type === AST_NODE_TYPES.ImportNamespaceSpecifier
  ) {
    const declaration = node.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return UNKNOWN;
    const importedName =
      node.type === AST_NODE_TYPES.ImportSpecifier
        ? node.imported.type === AST_NODE_TYPES.Identifier
          ? node.imported.name
          : node.imported.value
        : node.type === AST_NODE_TYPES.ImportDefaultSpecifier
          ? 'default'
          : '*';
    return { kind: 'import', source: declaration.source.value, importedName };
  }
  return UNKNOWN;
}

/**
 * The class `this` refers to at a node: the nearest class, provided every function in between
 * is an arrow function except the method (or field initialiser) itself.
 */
export function enclosingClassOfThis(node: TSESTree.Node): ClassNode | undefined {
  let crossedFunction = false;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) {
      const owner = current.parent;
      return owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression ? owner : undefined;
    }
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
    if (current.type === AST_NODE_TYPES.FunctionExpression) {
      const isMember =
        current.parent.type === AST_NODE_TYPES.MethodDefinition || current.parent.type === AST_NODE_TYPES.PropertyDefinition;
      if (!isMember || crossedFunction) return undefined;
      crossedFunction = true;
    }
  }
  return undefined;
}

/** The method (or function-valued field) `name` of a class, instance or static. */
export function classMember(
  node: ClassNode,
  name: string,
  isStatic: boolean,
): { fn: FunctionNode; member: TSESTree.MethodDefinition | TSESTree.PropertyDefinition } | undefined {
  for (const member of node.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (member.static !== isStatic || keyText(member.key, member.computed) !== name) continue;
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method') {
      return member.value.type === AST_NODE_TYPES.FunctionExpression ? { fn: member.value, member } : undefined;
    }
    if (member.type === AST_NODE_TYPES.PropertyDefinition && member.value && isFunctionNode(member.value)) {
      return { fn: member.value, member };
    }
  }
  return undefined;
}

function typeNameOf(annotation: TSESTree.TSTypeAnnotation | undefined): TSESTree.Identifier | undefined {
  const type = annotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier
    ? type.typeName
    : undefined;
}

function constructedClass(expression: TSESTree.Node | null | undefined): TSESTree.Identifier | undefined {
  return expression?.type === AST_NODE_TYPES.NewExpression && expression.callee.type === AST_NODE_TYPES.Identifier
    ? expression.callee
    : undefined;
}

/** The declared class of `this.<field>`: a typed field, a field set to `new C()`, or a constructor parameter property. */
function fieldClassName(owner: ClassNode, field: string): TSESTree.Identifier | undefined {
  for (const member of owner.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && keyText(member.key, member.computed) === field) {
      return typeNameOf(member.typeAnnotation) ?? constructedClass(member.value);
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const parameter of member.value.params) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const inner = parameter.parameter;
        if (inner.type === AST_NODE_TYPES.Identifier && inner.name === field) return typeNameOf(inner.typeAnnotation);
      }
    }
  }
  return undefined;
}

/**
 * The class name a receiver is declared with, read from syntax only: `this.checker` with
 * `private readonly checker: EpicChecker`, a parameter `checker: EpicChecker`, a variable
 * `const c = new EpicChecker()`, or `new EpicChecker()` itself. The returned identifier is then
 * resolved through scope like any other.
 */
export function declaredClassOfReceiver(
  sourceCode: Readonly<TSESLint.SourceCode>,
  receiver: TSESTree.Expression,
): TSESTree.Identifier | undefined {
  if (receiver.type === AST_NODE_TYPES.NewExpression) return constructedClass(receiver);
  if (
    receiver.type === AST_NODE_TYPES.MemberExpression &&
    receiver.object.type === AST_NODE_TYPES.ThisExpression &&
    !receiver.computed
  ) {
    const field = keyText(receiver.property, false);
    const owner = enclosingClassOfThis(receiver);
    return owner && field !== undefined ? fieldClassName(owner, field) : undefined;
  }
  if (receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(receiver), receiver);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return undefined;
  const name = definition.name as TSESTree.Node;
  if (name.type === AST_NODE_TYPES.Identifier && name.typeAnnotation) return typeNameOf(name.typeAnnotation);
  const node = definition.node as TSESTree.Node;
  return node.type === AST_NODE_TYPES.VariableDeclarator ? constructedClass(node.init) : undefined;
}

/** Strips `fn.bind(x)`, `(fn)`, `fn as T`, `fn!` to the function value underneath. */
export function unwrapHandler(expression: TSESTree.Node): TSESTree.Node {
  let current = expression;
  for (;;) {
    if (isTypeWrapper(current)) {
      current = current.expression;
    } else if (
      current.type === AST_NODE_TYPES.CallExpression &&
      current.callee.type === AST_NODE_TYPES.MemberExpression &&
      !current.callee.computed &&
      current.callee.property.type === AST_NODE_TYPES.Identifier &&
      current.callee.property.name === 'bind'
    ) {
      current = current.callee.object;
    } else {
      return current;
    }
  }
}

/** The function a handler expression stands for in this file: inline, a local name, or `this.method`. */
export function localFunctionOf(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Node): FunctionNode | undefined {
  const value = unwrapHandler(expression);
  if (isFunctionNode(value)) return value;
  if (value.type === AST_NODE_TYPES.Identifier) {
    const target = resolveIdentifier(sourceCode, value);
    return target.kind === 'function' ? target.fn : undefined;
  }
  if (value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = keyText(value.property, value.computed);
    const owner = enclosingClassOfThis(value);
    return owner && name !== undefined ? classMember(owner, name, false)?.fn : undefined;
  }
  return undefined;
}
