import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleePath } from './callee-path.js';
import { matchesCallShape, type CompiledCallShape } from './call-shapes.js';
import { findLoopExits, isShutdownExit } from './loop-exits.js';
import { identifierWords, mentionsStopSignal } from './stop-vocabulary.js';
import { walkExecuted, type VisitorKeys } from './walk.js';

/** The loop statements the rule classifies. */
export type LoopStatement = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement | TSESTree.ForOfStatement;

/** How a loop was recognised as long-running; part of the message. */
export type LoopKind = 'while-true' | 'for-ever' | 'do-while-true' | 'stop-flag' | 'for-await-source' | 'for-await-interval';

/** A loop that runs until shutdown, with the words the message uses for it. */
export interface LongRunningLoop {
  kind: LoopKind;
  /** How the message names the loop: "`while (!this.stopping)` loop". */
  description: string;
}

/** What classification needs from the rule: the tree's keys, the receive shapes, and optional type facts. */
export interface LoopClassifierEnv {
  keys: VisitorKeys;
  receiveShapes: readonly CompiledCallShape[];
  /** Source text of a node, for the description. */
  text: (node: TSESTree.Node) => string;
  /** Typed mode only: whether a `for await` source is an array or tuple (so the loop is finite). */
  isArrayLike?: (node: TSESTree.Expression) => boolean;
}

/** Words that name an endless source: a queue, a subscription, a change feed. */
const ENDLESS_SOURCE_WORDS = new Set([
  'queue', 'queues', 'subscription', 'subscriber', 'consumer', 'channel', 'inbox', 'mailbox',
  'jobs', 'messages', 'watcher', 'watch', 'feed', 'notifications', 'changes',
]);

function isConstantTrue(test: TSESTree.Expression | null): boolean {
  if (test === null) return true;
  if (test.type === AST_NODE_TYPES.Literal) return test.value === true || (typeof test.value === 'number' && test.value !== 0);
  return test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && test.argument.type === AST_NODE_TYPES.Literal && !test.argument.value;
}

/** Leaves of a flag condition (`!a && b.c()` → `a`, `b.c()`), or undefined if any part is not flag-shaped. */
function flagLeaves(node: TSESTree.Expression): TSESTree.Expression[] | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '!' ? flagLeaves(node.argument) : undefined;
    case AST_NODE_TYPES.LogicalExpression: {
      const left = flagLeaves(node.left);
      const right = flagLeaves(node.right);
      return left && right ? [...left, ...right] : undefined;
    }
    case AST_NODE_TYPES.ChainExpression:
      return flagLeaves(node.expression);
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
      return calleePath(node) ? [node] : undefined;
    case AST_NODE_TYPES.CallExpression:
      return node.arguments.length === 0 && calleePath(node.callee) ? [node] : undefined;
    default:
      return undefined;
  }
}

function writtenIn(body: TSESTree.Node, keys: VisitorKeys, targets: ReadonlySet<string>, text: LoopClassifierEnv['text']): boolean {
  let written = false;
  walkExecuted(body, keys, (node) => {
    if (written) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression && targets.has(text(node.left))) written = true;
    if (node.type === AST_NODE_TYPES.UpdateExpression && targets.has(text(node.argument))) written = true;
    return undefined;
  });
  return written;
}

function awaitsReceive(body: TSESTree.Node, env: LoopClassifierEnv): boolean {
  let found = false;
  walkExecuted(body, env.keys, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression && node.argument.type === AST_NODE_TYPES.CallExpression && matchesCallShape(node.argument, env.receiveShapes)) {
      found = true;
    }
    return undefined;
  });
  return found;
}

/**
 * The rule of thumb that tells a worker loop from a finite one: an open-ended loop is finite when
 * it can leave on a condition that is not shutdown (its data ran out) and it never blocks on a
 * receive. Errors of a finite loop belong to its caller.
 */
function endsWhenDataRunsOut(loop: LoopStatement, env: LoopClassifierEnv): boolean {
  if (loop.type === AST_NODE_TYPES.ForOfStatement) return false;
  const dataExit = findLoopExits(loop, env.keys).some((exit) => !isShutdownExit(exit));
  return dataExit && !awaitsReceive(loop.body, env);
}

function shortText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 48 ? `${oneLine.slice(0, 45)}…` : oneLine;
}

function classifyForAwait(loop: TSESTree.ForOfStatement, env: LoopClassifierEnv): LongRunningLoop | undefined {
  const source = loop.right;
  if (source.type === AST_NODE_TYPES.ArrayExpression || env.isArrayLike?.(source)) return undefined;
  const description = `\`for await (… of ${shortText(env.text(source))})\` loop`;
  if (source.type === AST_NODE_TYPES.CallExpression) {
    const path = calleePath(source.callee);
    const name = path?.at(-1);
    if (name === 'setInterval') return { kind: 'for-await-interval', description };
    // `on(emitter, 'event')` from node:events yields until the emitter is torn down.
    if (name === 'on' && source.arguments.length >= 2) return { kind: 'for-await-source', description };
  }
  const path = source.type === AST_NODE_TYPES.CallExpression ? calleePath(source.callee) : calleePath(source);
  const words = (path ?? []).flatMap(identifierWords);
  return words.some((word) => ENDLESS_SOURCE_WORDS.has(word)) ? { kind: 'for-await-source', description } : undefined;
}

/**
 * Classifies a loop: long-running (a worker loop that must survive a bad iteration) or not
 * (counting loops, array iteration, loops that end when their data runs out).
 */
export function classifyLoop(loop: LoopStatement, env: LoopClassifierEnv): LongRunningLoop | undefined {
  if (loop.type === AST_NODE_TYPES.ForOfStatement) return loop.await ? classifyForAwait(loop, env) : undefined;
  const test = loop.test;
  let result: LongRunningLoop | undefined;
  if (isConstantTrue(test)) {
    if (loop.type === AST_NODE_TYPES.ForStatement) result = { kind: 'for-ever', description: '`for (;;)` loop' };
    else if (loop.type === AST_NODE_TYPES.DoWhileStatement) result = { kind: 'do-while-true', description: '`do … while (true)` loop' };
    else result = { kind: 'while-true', description: '`while (true)` loop' };
  } else if (test !== null) {
    const leaves = flagLeaves(test);
    // Every part must be a stop flag: `!signal.aborted && queue.hasMore()` also ends when the data runs out.
    if (!leaves || !leaves.every(mentionsStopSignal)) return undefined;
    const flags = new Set(leaves.map((leaf) => env.text(leaf.type === AST_NODE_TYPES.CallExpression ? leaf.callee : leaf)));
    if (writtenIn(loop.body, env.keys, flags, env.text)) return undefined;
    const keyword = loop.type === AST_NODE_TYPES.ForStatement ? 'for (…;' : loop.type === AST_NODE_TYPES.DoWhileStatement ? 'do … while (' : 'while (';
    const close = loop.type === AST_NODE_TYPES.ForStatement ? ';…)' : ')';
    result = { kind: 'stop-flag', description: `\`${keyword}${shortText(env.text(test))}${close}\` loop` };
  }
  if (!result || endsWhenDataRunsOut(loop, env)) return undefined;
  return result;
}
