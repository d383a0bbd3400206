import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { classifyMethod, type ContainerKind, type MutationKind } from './mutating-methods.js';
import { stripTypeWrappers } from '../type-wrappers.js';

/** An expression that, if it is a paired cache, is changed by the node being looked at. */
export interface WriteCandidate {
  /** The expression that may be a cache (`this.cache` in `this.cache.set(k, v)`). */
  readonly target: TSESTree.Expression;
  readonly kind: MutationKind;
  /** The value written, when one is visible (to recognise entries that carry their own timestamp). */
  readonly value?: TSESTree.Node | undefined;
}

/** Resolves a receiver to a built-in container kind (typed mode), or `undefined` when unknown. */
export type ReceiverKind = (receiver: TSESTree.Expression) => ContainerKind | 'other' | undefined;

const GENERIC_CACHE_METHODS = new Set(['set', 'delete', 'clear']);
const OBJECT_WRITERS = new Set(['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf']);

function isEmptyContainer(node: TSESTree.Expression): boolean {
  const bare = stripTypeWrappers(node);
  if (bare.type === AST_NODE_TYPES.ArrayExpression) return bare.elements.length === 0;
  if (bare.type === AST_NODE_TYPES.ObjectExpression) return bare.properties.length === 0;
  return (
    bare.type === AST_NODE_TYPES.NewExpression &&
    bare.callee.type === AST_NODE_TYPES.Identifier &&
    ['Map', 'Set', 'WeakMap', 'WeakSet', 'Array'].includes(bare.callee.name) &&
    bare.arguments.length === 0
  );
}

function calleeMember(node: TSESTree.CallExpression): TSESTree.MemberExpression | undefined {
  const callee = stripTypeWrappers(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee : undefined;
}

function staticName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

function callCandidates(node: TSESTree.CallExpression, receiverKind: ReceiverKind | undefined): WriteCandidate[] {
  const member = calleeMember(node);
  if (!member) return [];
  const method = staticName(member);
  if (method === undefined) return [];
  const object = stripTypeWrappers(member.object);
  // Object.assign(cache, …), Reflect.set(cache, …), Reflect.deleteProperty(cache, …)
  const first = node.arguments[0];
  if (object.type === AST_NODE_TYPES.Identifier && first && first.type !== AST_NODE_TYPES.SpreadElement) {
    if (object.name === 'Object' && OBJECT_WRITERS.has(method)) return [{ target: first, kind: 'write', value: node.arguments[1] }];
    if (object.name === 'Reflect' && (method === 'set' || method === 'defineProperty')) {
      return [{ target: first, kind: 'write', value: node.arguments[2] }];
    }
    if (object.name === 'Reflect' && method === 'deleteProperty') return [{ target: first, kind: 'invalidation' }];
  }
  // Cheap name check first, so typed mode asks the checker only about plausible writes.
  if (classifyMethod(method, undefined) === undefined) return [];
  const known = receiverKind?.(object);
  // A typed receiver that is no built-in container (an LRU class, a Keyv store) is judged by the
  // cache API every such class shares, not by array or Set verbs that mean something else there.
  if (known === 'other' && !GENERIC_CACHE_METHODS.has(method)) return [];
  const kind = classifyMethod(method, known === 'other' ? undefined : known);
  if (kind === undefined) return [];
  const value = method === 'set' ? node.arguments[1] : node.arguments[0];
  return [{ target: object, kind, value }];
}

function assignmentCandidates(left: TSESTree.Node, right: TSESTree.Expression | undefined): WriteCandidate[] {
  if (left.type !== AST_NODE_TYPES.MemberExpression && left.type !== AST_NODE_TYPES.Identifier) return [];
  const candidates: WriteCandidate[] = [];
  // The whole cache replaced: `this.cache = …`; emptied when the new value is an empty container.
  candidates.push({ target: left, kind: right && isEmptyContainer(right) ? 'invalidation' : 'write', value: undefined });
  if (left.type === AST_NODE_TYPES.MemberExpression) {
    const truncates = staticName(left) === 'length' && right?.type === AST_NODE_TYPES.Literal && right.value === 0;
    candidates.push({ target: left.object, kind: truncates ? 'invalidation' : 'write', value: right });
  }
  return candidates;
}

/**
 * Every expression that `node` would change if it were a cache, most specific first: the caller
 * keeps the first candidate that resolves to a paired cache.
 */
export function writeCandidates(node: TSESTree.Node, receiverKind?: ReceiverKind): WriteCandidate[] {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
      return callCandidates(node, receiverKind);
    case AST_NODE_TYPES.AssignmentExpression:
      return assignmentCandidates(node.left, node.right);
    case AST_NODE_TYPES.UpdateExpression:
      return node.argument.type === AST_NODE_TYPES.MemberExpression ? [{ target: node.argument.object, kind: 'write' }] : [];
    case AST_NODE_TYPES.UnaryExpression:
      if (node.operator !== 'delete') return [];
      return node.argument.type === AST_NODE_TYPES.MemberExpression
        ? [{ target: node.argument.object, kind: 'invalidation' }]
        : [];
    default:
      return [];
  }
}

/** The expression an assignment or update changes, for recognising sentinel updates. */
export function assignedExpression(node: TSESTree.Node): TSESTree.Expression | undefined {
  if (node.type === AST_NODE_TYPES.AssignmentExpression) {
    return node.left.type === AST_NODE_TYPES.MemberExpression || node.left.type === AST_NODE_TYPES.Identifier
      ? node.left
      : undefined;
  }
  if (node.type === AST_NODE_TYPES.UpdateExpression) return node.argument;
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // A `Date` sentinel refreshed in place: `this.lastRefresh.setTime(now)`.
    const member = calleeMember(node);
    if (member && staticName(member) === 'setTime') return member.object;
  }
  return undefined;
}
