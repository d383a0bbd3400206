import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleePath } from './callee-path.js';
import { mentionsStopSignal } from './stop-vocabulary.js';
import {
  forwardedReference,
  isFunctionNode,
  referenceNameOf,
  refersTo,
  resolveCallback,
  type FunctionNode,
} from './function-resolution.js';
import { childNodes, type VisitorKeys } from './walk.js';

/** How a function comes to run forever on a timer. */
export type TimerKind = 'set-interval' | 'self-rescheduling-timeout';

/** A function body that runs on every tick of a timer: the body of a loop the rule cannot see as a loop. */
export interface TimerRun {
  kind: TimerKind;
  fn: FunctionNode;
  /** The rescheduled function: a call to it is judged where it is declared, not as a throw point here. */
  rescheduled?: { name: string; member: boolean };
}

/** What a timer call runs: function bodies in this file, or an imported function the untyped rule cannot read. */
export interface TimerTargets {
  runs: TimerRun[];
  imported?: TSESTree.Identifier;
}

const TIMER_RECEIVERS = /^(timers|globalThis|window|global|self)$/;

/** `setInterval` or `setTimeout` when `call` is one of them (`timers.setInterval` too), else undefined. */
export function timerFunction(call: TSESTree.CallExpression): 'setInterval' | 'setTimeout' | undefined {
  const path = calleePath(call.callee);
  if (!path || path.length === 0 || path.length > 2) return undefined;
  if (path.length === 2 && !TIMER_RECEIVERS.test(path[0] ?? '')) return undefined;
  const name = path.at(-1);
  return name === 'setInterval' || name === 'setTimeout' ? name : undefined;
}

function containsCallTo(node: TSESTree.Node, reference: { name: string; member: boolean }, keys: VisitorKeys): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression && refersTo(node.callee, reference)) return true;
  return childNodes(node, keys).some((child) => containsCallTo(child, reference, keys));
}

function intervalTargets(callback: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): TimerTargets {
  const forwarded = isFunctionNode(callback) ? forwardedReference(callback) : callback;
  if (!forwarded) return isFunctionNode(callback) ? { runs: [{ kind: 'set-interval', fn: callback }] } : { runs: [] };
  const resolved = resolveCallback(forwarded, sourceCode);
  if (resolved.kind === 'local') return { runs: [{ kind: 'set-interval', fn: resolved.fn }] };
  if (resolved.kind === 'imported') return { runs: [], imported: resolved.identifier };
  // A forwarding arrow to something the rule cannot read is still inline code that can throw.
  return isFunctionNode(callback) ? { runs: [{ kind: 'set-interval', fn: callback }] } : { runs: [] };
}

/**
 * Whether the reschedule is reached whatever the data: no test on the way from the function to the
 * `setTimeout` call, or only shutdown tests. `if (idx < items.length) setTimeout(next)` is an
 * iteration that ends with its data, not a timer that runs forever.
 */
function reschedulesUnconditionally(call: TSESTree.CallExpression, fn: FunctionNode): boolean {
  let child: TSESTree.Node = call;
  for (let parent: TSESTree.Node | undefined = call.parent; parent && child !== fn; child = parent, parent = parent.parent) {
    let condition: TSESTree.Node | undefined;
    if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test) condition = parent.test;
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && child !== parent.test) condition = parent.test;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right) condition = parent.left;
    if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test) condition = parent.test;
    if (condition && !mentionsStopSignal(condition)) return false;
  }
  return true;
}

function reschedulingTargets(call: TSESTree.CallExpression, callback: TSESTree.Node, keys: VisitorKeys): TimerTargets {
  for (let ancestor: TSESTree.Node | undefined = call.parent; ancestor; ancestor = ancestor.parent) {
    if (!isFunctionNode(ancestor)) continue;
    const reference = referenceNameOf(ancestor);
    if (!reference) continue;
    const reschedules = refersTo(callback, reference) || (isFunctionNode(callback) && containsCallTo(callback.body, reference, keys));
    if (!reschedules) continue;
    if (!reschedulesUnconditionally(call, ancestor)) return { runs: [] };
    const runs: TimerRun[] = [{ kind: 'self-rescheduling-timeout', fn: ancestor, rescheduled: reference }];
    if (isFunctionNode(callback)) runs.push({ kind: 'self-rescheduling-timeout', fn: callback, rescheduled: reference });
    return { runs };
  }
  return { runs: [] };
}

/**
 * The bodies a timer call runs forever: the callback of `setInterval` (inline, by name, or through
 * a forwarding arrow), and for `setTimeout` the function that schedules itself again.
 */
export function timerTargets(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): TimerTargets {
  const timer = timerFunction(call);
  const callback = call.arguments[0];
  if (!timer || !callback || callback.type === AST_NODE_TYPES.SpreadElement) return { runs: [] };
  if (timer === 'setInterval') return intervalTargets(callback, sourceCode);
  return reschedulingTargets(call, callback, sourceCode.visitorKeys);
}
