import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleePath } from './callee-path.js';
import { enclosingClass, isFunctionNode, thisMemberName, type FunctionNode } from './function-resolution.js';

/**
 * Methods of `Array`, `Set` and `Map` that only read or rearrange memory. On a receiver that is
 * certainly one of those collections they cannot reasonably throw; on anything else (`cache.set`,
 * `store.delete`) the same names are often I/O, so they are judged only with that evidence.
 */
const BOOKKEEPING_METHODS = new Set([
  'push', 'pop', 'shift', 'unshift', 'splice', 'slice', 'concat', 'indexOf', 'lastIndexOf', 'includes',
  'at', 'join', 'fill', 'reverse', 'keys', 'values', 'entries',
  'add', 'set', 'get', 'has', 'delete', 'clear',
]);

/**
 * Iteration methods whose callback runs before the call returns (`forEach`, `map`, …). Such a
 * call throws exactly when its callback does, so the callback's body is judged where the call is.
 */
const ITERATION_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'reduce']);

const COLLECTION_CONSTRUCTORS = new Set(['Array', 'Map', 'Set', 'WeakMap', 'WeakSet']);
const COLLECTION_TYPES = new Set(['Array', 'ReadonlyArray', 'Map', 'ReadonlyMap', 'Set', 'ReadonlySet', 'WeakMap', 'WeakSet']);
/** Calls that always return a fresh array. */
const ARRAY_FACTORIES = new Set(['Object.keys', 'Object.values', 'Object.entries', 'Array.from', 'Array.of']);

function isCollectionType(annotation: TSESTree.TypeNode | undefined): boolean {
  if (!annotation) return false;
  if (annotation.type === AST_NODE_TYPES.TSArrayType || annotation.type === AST_NODE_TYPES.TSTupleType) return true;
  if (annotation.type === AST_NODE_TYPES.TSTypeOperator && annotation.operator === 'readonly') return isCollectionType(annotation.typeAnnotation);
  return annotation.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier && COLLECTION_TYPES.has(annotation.typeName.name);
}

/** Whether a value expression certainly makes a collection: `[]`, `new Map()`, `Object.keys(x)`, `[...a]`. */
function isCollectionValue(node: TSESTree.Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression) return isCollectionValue(node.expression);
  if (node.type === AST_NODE_TYPES.NewExpression) return node.callee.type === AST_NODE_TYPES.Identifier && COLLECTION_CONSTRUCTORS.has(node.callee.name);
  if (node.type === AST_NODE_TYPES.CallExpression) return ARRAY_FACTORIES.has(calleePath(node.callee)?.join('.') ?? '');
  return false;
}

function declaredAsCollection(id: TSESTree.Node, init: TSESTree.Node | null | undefined): boolean {
  const annotation = 'typeAnnotation' in id ? (id.typeAnnotation as TSESTree.TSTypeAnnotation | undefined)?.typeAnnotation : undefined;
  return isCollectionType(annotation) || isCollectionValue(init);
}

/** Whether the class around `node` declares the field `name` as a collection (`private seen = new Set()`). */
function isCollectionField(node: TSESTree.Node, name: string): boolean {
  for (const member of enclosingClass(node)?.body.body ?? []) {
    if (member.type !== AST_NODE_TYPES.PropertyDefinition || member.computed) continue;
    const key = member.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.key.name}` : member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : undefined;
    if (key !== name) continue;
    return isCollectionType(member.typeAnnotation?.typeAnnotation) || isCollectionValue(member.value);
  }
  return false;
}

/** Whether a receiver is certainly an in-memory collection, by what this file says about it. */
function isCollectionReceiver(receiver: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (isCollectionValue(receiver)) return true;
  const member = thisMemberName(receiver);
  if (member !== undefined) return isCollectionField(receiver, member);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(sourceCode.getScope(receiver), receiver)?.defs[0];
  if (!definition) return false;
  if (definition.node.type === AST_NODE_TYPES.VariableDeclarator) return declaredAsCollection(definition.node.id, definition.node.init);
  // A parameter or other binding counts only with a collection type annotation.
  return definition.name.type === AST_NODE_TYPES.Identifier && isCollectionType(definition.name.typeAnnotation?.typeAnnotation);
}

function methodCall(call: TSESTree.CallExpression): { receiver: TSESTree.Expression; method: string } | undefined {
  const callee = call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  return { receiver: callee.object, method: callee.property.name };
}

/** Whether a call is bookkeeping on a collection this file declares: `seen.add(id)`, `this.jobs.push(job)`. */
export function isCollectionBookkeeping(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const target = methodCall(call);
  return target !== undefined && BOOKKEEPING_METHODS.has(target.method) && isCollectionReceiver(target.receiver, sourceCode);
}

/**
 * The inline callbacks of an iteration call (`items.forEach((item) => …)`), which run inside the
 * call; empty when the call is not one or its callback is passed by reference.
 */
export function inlineIterationCallbacks(call: TSESTree.CallExpression): FunctionNode[] {
  const target = methodCall(call);
  if (!target || !ITERATION_METHODS.has(target.method)) return [];
  const callback = call.arguments[0];
  return isFunctionNode(callback) ? [callback] : [];
}
