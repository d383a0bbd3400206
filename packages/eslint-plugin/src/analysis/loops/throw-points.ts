import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleePath } from './callee-path.js';
import { matchesCallShape, type CompiledCallShape } from './call-shapes.js';
import { judgeCatchClause, judgeRejectionHandler, type CatchVerdict, type SilentCatchPolicy } from './catch-verdict.js';
import { inlineIterationCallbacks } from './collection-calls.js';
import { isFunctionNode, type FunctionNode } from './function-resolution.js';
import { isNonThrowingConstruction } from './non-throwing-calls.js';
import { mentionsStopSignal } from './stop-vocabulary.js';
import { childNodes, isDeferredBody, type VisitorKeys } from './walk.js';

/**
 * Why a throw point ends the loop: no `try` around it, a `catch` that rethrows, one that swallows
 * silently, or a promise started and dropped inside a `try` (which cannot catch its rejection).
 */
export type FindingReason = 'unguarded' | 'rethrows' | 'silent' | 'dropped';

/** The first place in a loop body where one bad iteration ends the loop. */
export interface UnguardedThrowPoint {
  /** The expression or statement that can throw: a call, `await`, `new`, `throw`. */
  point: TSESTree.Node;
  reason: FindingReason;
}

/** What the search needs from the rule. */
export interface ThrowPointEnv {
  keys: VisitorKeys;
  /** Awaited calls accepted unguarded: waits and receives are the loop's designed exits. */
  designedExitShapes: readonly CompiledCallShape[];
  silentCatch: SilentCatchPolicy;
  /** Whether a node (a catch block, a handler body) holds a comment. */
  hasComment: (node: TSESTree.Node) => boolean;
  /** Whether a nested loop is long-running: it is then judged on its own, not as part of this body. */
  isLongRunning: (loop: TSESTree.Node) => boolean;
  /** Whether a call cannot reasonably throw: logging, clocks, collection bookkeeping, the project's list. */
  isNonThrowingCall: (call: TSESTree.CallExpression) => boolean;
  /** Whether a call goes to a function whose own body catches everything (same file; typed mode: the project). */
  isSelfGuardedCall?: (call: TSESTree.CallExpression) => boolean;
  /** Whether a call returns a promise (typed: the checker; untyped: its syntax and same-file declarations). */
  returnsPromise?: (call: TSESTree.CallExpression) => boolean;
  /**
   * Set for a synchronous timer callback: only what fails for sure counts there — an explicit
   * `throw`, and a call that returns a promise (`returnsPromise`) nobody handles.
   */
  onlyRejections?: boolean;
}

/** Protection of the current position; a `guard` anywhere outside wins over a rethrowing catch inside it. */
type Protection = CatchVerdict | 'none';
const RANK: Record<Protection, number> = { none: 0, rethrows: 1, silent: 2, guard: 3 };

function strongest(a: Protection, b: Protection): Protection {
  return RANK[a] >= RANK[b] ? a : b;
}

function isPromiseGuardCall(call: TSESTree.CallExpression): { handler: TSESTree.Node | undefined } | undefined {
  const callee = call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (callee.property.name === 'catch') return { handler: call.arguments[0] };
  if (callee.property.name === 'then' && call.arguments.length >= 2) return { handler: call.arguments[1] };
  return undefined;
}

const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/** `Promise.all(contenders)` and its siblings, with the one argument they take. */
function promiseCombinator(node: TSESTree.Node): { name: string; contenders: TSESTree.Node } | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const path = calleePath(node.callee);
  const contenders = node.arguments[0];
  if (path?.length !== 2 || path[0] !== 'Promise' || !COMBINATORS.has(path[1] ?? '') || !contenders || contenders.type === AST_NODE_TYPES.SpreadElement) return undefined;
  return { name: path[1] ?? '', contenders };
}

function receiverOf(call: TSESTree.CallExpression): TSESTree.Node {
  const callee = call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee;
}

/**
 * Finds the first statement of a loop body (or a timer callback body) that can throw and is not
 * protected by a `try` whose `catch` handles the error inside that body. Pure: it reads the tree.
 */
export function findFirstUnguarded(roots: readonly TSESTree.Node[], env: ThrowPointEnv): UnguardedThrowPoint | undefined {
  let found: UnguardedThrowPoint | undefined;
  /** Catch parameters in scope: rethrowing one of them is not a new throw. */
  const rethrowable: string[] = [];
  /** How many catch or finally blocks enclose the current node. */
  let handlerDepth = 0;

  const point = (node: TSESTree.Node, protection: Protection): boolean => {
    if (protection === 'guard') return false;
    found = { point: node, reason: protection === 'none' ? 'unguarded' : protection };
    return true;
  };

  const visitChildren = (node: TSESTree.Node, protection: Protection): void => {
    for (const child of childNodes(node, env.keys)) {
      if (found) return;
      visit(child, protection);
    }
  };

  const visitCall = (call: TSESTree.CallExpression, protection: Protection): void => {
    const promiseGuard = isPromiseGuardCall(call);
    if (promiseGuard) {
      const verdict = judgeRejectionHandler(promiseGuard.handler, env.hasComment, env.silentCatch);
      if (verdict) {
        visit(receiverOf(call), strongest(protection, verdict));
        return;
      }
    }
    const cleanup = finallyOfHandledPromise(call);
    if (cleanup) {
      // \`guarded().finally(() => …)\` rejects only if its callback throws: judge the callback here.
      visit(cleanup.receiver, protection);
      visit(cleanup.callback.body, protection);
      return;
    }
    const callbacks = inlineIterationCallbacks(call);
    if (callbacks.length > 0) {
      // `items.forEach((item) => …)` throws exactly when its callback does: judge the callback here.
      for (const child of childNodes(call, env.keys)) {
        if (found) return;
        const callback = callbacks.find((fn) => fn === child);
        visit(callback ? callback.body : child, protection);
      }
      return;
    }
    if (protection !== 'none' && isDroppedPromise(call)) {
      // The try ends before the promise settles: its rejection reaches nobody.
      found = { point: call, reason: 'dropped' };
      return;
    }
    // In a catch or finally, synchronous calls report, count and compute backoff; only awaited work there is judged.
    if (
      handlerDepth > 0 ||
      env.isNonThrowingCall(call) ||
      env.isSelfGuardedCall?.(call) ||
      (env.onlyRejections === true && env.returnsPromise?.(call) !== true)
    ) {
      visitChildren(call, protection);
      return;
    }
    if (point(call, protection)) return;
    visitChildren(call, protection);
  };

  /** `p.finally(() => …)` on a call whose promise is handled: it can reject only through its inline callback. */
  const finallyOfHandledPromise = (call: TSESTree.CallExpression): { receiver: TSESTree.CallExpression; callback: FunctionNode } | undefined => {
    const callee = call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'finally') return undefined;
    const receiver = callee.object;
    const callback = call.arguments[0];
    if (receiver.type !== AST_NODE_TYPES.CallExpression || !isFunctionNode(callback) || !isHandledPromise(receiver)) return undefined;
    return { receiver, callback };
  };

  /** A promise-returning call used as a statement (`work();`, `void work();`): nothing awaits or handles it. */
  const isDroppedPromise = (call: TSESTree.CallExpression): boolean => {
    const parent = call.parent;
    const statement = parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void' ? parent.parent : parent;
    return (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      env.returnsPromise?.(call) === true &&
      !env.isNonThrowingCall(call) &&
      env.isSelfGuardedCall?.(call) !== true
    );
  };

  const isHandledPromise = (argument: TSESTree.Expression): boolean => {
    if (argument.type !== AST_NODE_TYPES.CallExpression) return false;
    if (env.isNonThrowingCall(argument) || env.isSelfGuardedCall?.(argument)) return true;
    const promiseGuard = isPromiseGuardCall(argument);
    return promiseGuard !== undefined && judgeRejectionHandler(promiseGuard.handler, env.hasComment, env.silentCatch) !== undefined;
  };

  /** A wait or receive call, or `Promise.race`/`Promise.any` over them (an interruptible sleep). */
  const isDesignedExit = (node: TSESTree.Node): node is TSESTree.CallExpression => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    if (matchesCallShape(node, env.designedExitShapes)) return true;
    const path = calleePath(node.callee);
    const race = path?.length === 2 && path[0] === 'Promise' && (path[1] === 'race' || path[1] === 'any');
    const contenders = node.arguments[0];
    return race && contenders?.type === AST_NODE_TYPES.ArrayExpression && contenders.elements.length > 0 && contenders.elements.every((element) => element !== null && isDesignedExit(element));
  };

  /**
   * `await Promise.all([...])` and its siblings reject only when a contender does: each contender
   * is judged as if awaited on its own, and `allSettled` never rejects. A contender list built by
   * an iteration (`names.map(async (name) => …)`) is judged through the callback's body.
   */
  const visitCombinator = (node: TSESTree.AwaitExpression, combinator: string, contenders: TSESTree.Node, protection: Protection): void => {
    if (combinator === 'allSettled') {
      visit(contenders, protection);
      return;
    }
    if (contenders.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of contenders.elements) {
        if (found) return;
        if (element === null) continue;
        const settled = element.type === AST_NODE_TYPES.CallExpression && (isDesignedExit(element) || isHandledPromise(element));
        if (!settled && point(element, protection)) return;
        if (element.type !== AST_NODE_TYPES.CallExpression || !isDesignedExit(element)) visit(element, protection);
      }
      return;
    }
    if (contenders.type === AST_NODE_TYPES.CallExpression && inlineIterationCallbacks(contenders).length > 0) {
      visit(contenders, protection);
      return;
    }
    if (point(node, protection)) return;
    visit(contenders, protection);
  };

  const visitAwait = (node: TSESTree.AwaitExpression, protection: Protection): void => {
    const argument = node.argument;
    // The wait or receive is the designed exit, and so is what it is given (a delay, a backoff).
    if (isDesignedExit(argument)) return;
    const combinator = promiseCombinator(argument);
    if (combinator) {
      visitCombinator(node, combinator.name, combinator.contenders, protection);
      return;
    }
    if (!isHandledPromise(argument) && point(node, protection)) return;
    visit(argument, protection);
  };

  const visitTry = (node: TSESTree.TryStatement, protection: Protection): void => {
    const inner = node.handler
      ? strongest(protection, judgeCatchClause(node.handler, env.hasComment(node.handler.body), env.silentCatch))
      : protection;
    visit(node.block, inner);
    handlerDepth += 1;
    if (node.handler) {
      const parameter = node.handler.param;
      if (parameter?.type === AST_NODE_TYPES.Identifier) rethrowable.push(parameter.name);
      visit(node.handler.body, protection);
      if (parameter?.type === AST_NODE_TYPES.Identifier) rethrowable.pop();
    }
    if (node.finalizer) visit(node.finalizer, protection);
    handlerDepth -= 1;
  };

  const visitNestedLoop = (node: TSESTree.Node, protection: Protection): boolean => {
    if (!env.isLongRunning(node)) return false;
    // An inner long-running loop is judged on its own; only what runs once per outer round counts here.
    if (node.type === AST_NODE_TYPES.ForStatement && node.init) visit(node.init, protection);
    if (node.type === AST_NODE_TYPES.ForOfStatement) visit(node.right, protection);
    return true;
  };

  const visit = (node: TSESTree.Node, protection: Protection): void => {
    if (found || isDeferredBody(node)) return;
    switch (node.type) {
      case AST_NODE_TYPES.TryStatement:
        visitTry(node, protection);
        return;
      case AST_NODE_TYPES.IfStatement:
        visit(node.test, protection);
        // A branch taken only on shutdown is the loop's way out: whatever it throws ends a loop that is ending.
        if (!mentionsStopSignal(node.test)) visit(node.consequent, protection);
        if (node.alternate) visit(node.alternate, protection);
        return;
      case AST_NODE_TYPES.SwitchCase:
        if (node.test && mentionsStopSignal(node.test)) return;
        visitChildren(node, protection);
        return;
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
        if (visitNestedLoop(node, protection)) return;
        visitChildren(node, protection);
        return;
      case AST_NODE_TYPES.ForOfStatement:
        if (visitNestedLoop(node, protection)) return;
        if (node.await && point(node.right, protection)) return;
        visitChildren(node, protection);
        return;
      case AST_NODE_TYPES.AwaitExpression:
        visitAwait(node, protection);
        return;
      case AST_NODE_TYPES.CallExpression:
        visitCall(node, protection);
        return;
      case AST_NODE_TYPES.NewExpression:
        if (!env.onlyRejections && !isNonThrowingConstruction(node) && point(node, protection)) return;
        visitChildren(node, protection);
        return;
      case AST_NODE_TYPES.ThrowStatement:
        // `throw error` in a catch passes on what its try raised; the catch verdict already judged that.
        if (node.argument.type === AST_NODE_TYPES.Identifier && rethrowable.includes(node.argument.name)) return;
        if (point(node, protection)) return;
        visitChildren(node, protection);
        return;
      case AST_NODE_TYPES.TaggedTemplateExpression:
      case AST_NODE_TYPES.ImportExpression:
        if (!env.onlyRejections && point(node, protection)) return;
        visitChildren(node, protection);
        return;
      default:
        visitChildren(node, protection);
    }
  };

  for (const root of roots) {
    if (found) break;
    visit(root, 'none');
  }
  return found;
}
