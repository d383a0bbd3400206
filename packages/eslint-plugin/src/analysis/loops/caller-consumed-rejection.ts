import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleePath } from './callee-path.js';
import { isFunctionNode, type FunctionNode } from './function-resolution.js';

const AWAITED_COMBINATORS = new Set(['all', 'race', 'any']);

/** The function a loop runs in, if any. */
function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** Where a local function is named: `function watch() {}` or `const watch = async () => …`. */
function declaration(fn: FunctionNode): { node: TSESTree.Node; name: string } | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return { node: fn, name: fn.id.name };
  if (fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier) return { node: fn.parent, name: fn.parent.id.name };
  return undefined;
}

/** The `await` that consumes a call: `await f()` or `await Promise.race([…, f()])`. */
function awaitingExpression(call: TSESTree.CallExpression): TSESTree.AwaitExpression | undefined {
  if (call.parent.type === AST_NODE_TYPES.AwaitExpression) return call.parent;
  const list = call.parent;
  if (list.type !== AST_NODE_TYPES.ArrayExpression || list.parent.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const combinator = list.parent;
  const path = calleePath(combinator.callee);
  const isCombinator = path?.length === 2 && path[0] === 'Promise' && AWAITED_COMBINATORS.has(path[1] ?? '') && combinator.arguments[0] === list;
  return isCombinator && combinator.parent.type === AST_NODE_TYPES.AwaitExpression ? combinator.parent : undefined;
}

/** Whether `node` sits in the block of a `try` whose catch handles errors, within its own function. */
function insideGuardingTry(node: TSESTree.Node, isGuardingCatch: (clause: TSESTree.CatchClause) => boolean): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !isFunctionNode(child); child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler && isGuardingCatch(parent.handler)) return true;
  }
  return false;
}

/**
 * Whether a loop's failure is its caller's business: the loop runs in a local function whose
 * every call in this file is awaited (alone, or raced in `Promise.race`/`all`/`any`) inside a
 * `try` whose catch handles the error. A watchdog that throws to cancel the work it is raced
 * against ends by design, and the caller sees why.
 */
export function isRejectionConsumedByCaller(
  loop: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
  isGuardingCatch: (clause: TSESTree.CatchClause) => boolean,
): boolean {
  const fn = enclosingFunction(loop);
  const named = fn && declaration(fn);
  if (!fn?.async || !named) return false;
  const variable = sourceCode.getDeclaredVariables(named.node).find((candidate) => candidate.name === named.name);
  const calls = variable?.references.filter((reference) => !reference.init) ?? [];
  if (calls.length === 0) return false;
  return calls.every(({ identifier }) => {
    const call = identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) return false;
    const awaiting = awaitingExpression(call);
    return awaiting !== undefined && insideGuardingTry(awaiting, isGuardingCatch);
  });
}
