import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getJsDocTags } from '../../analysis/jsdoc-tags.js';
import type { DeclarationFacts } from '../../analysis/vocabulary/declaration-roles.js';

/** A function in the linted file: declaration, expression (methods are these) or arrow. */
export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

/** A class in the linted file. */
export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Whether a node is a function whose body runs when it is called. */
export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** The text of a non-computed key: `foo`, `#foo`, `'foo'`. */
export function keyText(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier && !computed) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}

/**
 * The node that carries a function's name, JSDoc and decorators: the method, class field,
 * variable or object property it is stored in, or the function declaration itself.
 */
export function namedNodeOf(fn: FunctionNode): TSESTree.Node | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ? fn : undefined;
  const parent = fn.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === fn ? parent : undefined;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === fn ? parent : undefined;
    case AST_NODE_TYPES.Property:
      return parent.value === fn ? parent : undefined;
    default:
      return fn.type === AST_NODE_TYPES.FunctionExpression && fn.id ? fn : undefined;
  }
}

/** The class a method or class field belongs to. */
export function ownerClassOf(named: TSESTree.Node | undefined): ClassNode | undefined {
  if (named?.type !== AST_NODE_TYPES.MethodDefinition && named?.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
  const owner = named.parent.parent;
  return owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression ? owner : undefined;
}

function ownName(named: TSESTree.Node): string | undefined {
  switch (named.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
      return named.id?.name;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.Property:
      return keyText(named.key, named.computed);
    case AST_NODE_TYPES.VariableDeclarator:
      return named.id.type === AST_NODE_TYPES.Identifier ? named.id.name : undefined;
    default:
      return undefined;
  }
}

/** `Class.method`, `function`, `variable`, `object.property`, or undefined for anonymous functions. */
export function qualifiedNameOfFunction(fn: FunctionNode): string | undefined {
  const named = namedNodeOf(fn);
  if (!named) return undefined;
  const name = ownName(named);
  if (name === undefined) return undefined;
  const owner = ownerClassOf(named);
  if (owner) return owner.id ? `${owner.id.name}.${name}` : name;
  if (named.type === AST_NODE_TYPES.Property && named.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const holder = named.parent.parent;
    if (holder.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
      return `${holder.id.name}.${name}`;
    }
  }
  return name;
}

function decoratorNames(named: TSESTree.Node | undefined): string[] {
  if (named?.type !== AST_NODE_TYPES.MethodDefinition && named?.type !== AST_NODE_TYPES.PropertyDefinition) return [];
  return named.decorators.flatMap((decorator) => {
    const expression =
      decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
    if (expression.type === AST_NODE_TYPES.Identifier) return [expression.name];
    if (expression.type === AST_NODE_TYPES.MemberExpression && expression.property.type === AST_NODE_TYPES.Identifier) {
      return [expression.property.name];
    }
    return [];
  });
}

/** What the linted file says about one of its functions, as plain data for the vocabulary. */
export function functionFacts(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): DeclarationFacts {
  const named = namedNodeOf(fn);
  const owner = ownerClassOf(named);
  return {
    qualifiedName: qualifiedNameOfFunction(fn),
    tags: getJsDocTags(sourceCode, named ?? fn),
    // A class-level tag speaks for its methods, not for how instances are built.
    classTags: owner && !(named?.type === AST_NODE_TYPES.MethodDefinition && named.kind !== 'method') ? getJsDocTags(sourceCode, owner) : [],
    decorators: decoratorNames(named),
    className: owner?.id?.name,
  };
}
