import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * The dotted path of a callee as written, without `this`, `super` or wrappers:
 * `this._queue.get` → `['_queue', 'get']`, `timers.setTimeout` → `['timers', 'setTimeout']`,
 * `this.#queue.get` → `['#queue', 'get']`. Undefined when part of the path is computed from data.
 */
export function calleePath(callee: TSESTree.Node): string[] | undefined {
  switch (callee.type) {
    case AST_NODE_TYPES.Identifier:
      return [callee.name];
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.Super:
      return [];
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
      return calleePath(callee.expression);
    case AST_NODE_TYPES.MemberExpression: {
      const object = calleePath(callee.object);
      if (!object) return undefined;
      if (!callee.computed) {
        const property = callee.property;
        return [...object, property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${property.name}` : property.name];
      }
      if (callee.property.type === AST_NODE_TYPES.Literal && typeof callee.property.value === 'string') {
        return [...object, callee.property.value];
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The called name: the last segment of the callee path (`this.queue.get` → `get`). */
export function calledName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  return calleePath(call.callee)?.at(-1);
}
