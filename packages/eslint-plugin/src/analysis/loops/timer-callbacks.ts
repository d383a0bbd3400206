import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleePath } from './callee-path.js';
import { matchesCallShape, type CompiledCallShape } from './call-shapes.js';
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

/**
 * How a function comes to run on a timer: forever (`setInterval` or a helper named in
 * `timerCalls`, a `setTimeout` that schedules its own function again), or once
 * (`one-shot`, a synchronous callback judged only for the promise it drops).
 */
export type TimerKind = 'set-interval' | 'self-rescheduling-timeout' | 'one-shot';

/** A function body that runs on a timer: the body of a loop the rule cannot see as a loop, or a one-shot callback. */
export interface TimerRun {
  kind: TimerKind;
  /** The scheduling function as called: `setInterval`, `setImmediate`, `betterSetInterval`. */
  timer: string;
  fn: FunctionNode;
  /** The rescheduled function: a call to it is judged where it is declared, not as a throw point here. */
  rescheduled?: { name: string; member: boolean };
}

/** What a timer call runs: function bodies in this file, or an imported function the untyped rule cannot read. */
export interface TimerTargets {
  runs: TimerRun[];
  imported?: TSESTree.Identifier;
  /** The scheduling function as called, for messages. */
  timer?: string;
}

/** A timer call: its name, and whether it runs its callback again and again. */
export interface TimerFunction {
  name: string;
  repeats: boolean;
}

const TIMER_RECEIVERS = /^(timers|globalThis|window|global|self)$/;
const PLATFORM_TIMERS: Record<string, boolean> = { setInterval: true, setTimeout: false, setImmediate: false };

/**
 * The timer a call schedules with: `setInterval`, `setTimeout`, `setImmediate` (also through
 * `timers.` or `globalThis.`), or a helper named in `intervalShapes` that runs its first argument
 * like `setInterval`.
 */
export function timerFunction(call: TSESTree.CallExpression, intervalShapes: readonly CompiledCallShape[] = []): TimerFunction | undefined {
  const path = calleePath(call.callee);
  if (!path || path.length === 0) return undefined;
  const name = path.at(-1) ?? '';
  if (intervalShapes.length > 0 && matchesCallShape(call, intervalShapes)) return { name, repeats: true };
  if (path.length > 2 || (path.length === 2 && !TIMER_RECEIVERS.test(path[0] ?? ''))) return undefined;
  const repeats = PLATFORM_TIMERS[name];
  return repeats === undefined ? undefined : { name, repeats };
}

function containsCallTo(node: TSESTree.Node, reference: { name: string; member: boolean }, keys: VisitorKeys): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression && refersTo(node.callee, reference)) return true;
  return childNodes(node, keys).some((child) => containsCallTo(child, reference, keys));
}

function intervalTargets(callback: TSESTree.Node, timer: string, sourceCode: Readonly<TSESLint.SourceCode>): TimerTargets {
  const inline: TimerTargets = isFunctionNode(callback) ? { runs: [{ kind: 'set-interval', timer, fn: callback }] } : { runs: [] };
  const forwarded = isFunctionNode(callback) ? forwardedReference(callback) : callback;
  if (!forwarded) return inline;
  const resolved = resolveCallback(forwarded, sourceCode);
  if (resolved.kind === 'local') return { runs: [{ kind: 'set-interval', timer, fn: resolved.fn }] };
  if (resolved.kind === 'imported') return { runs: [], imported: resolved.identifier, timer };
  // A forwarding arrow to something the rule cannot read is still inline code that can throw.
  return inline;
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

function reschedulingTargets(call: TSESTree.CallExpression, callback: TSESTree.Node, timer: string, keys: VisitorKeys): TimerTargets | undefined {
  for (let ancestor: TSESTree.Node | undefined = call.parent; ancestor; ancestor = ancestor.parent) {
    if (!isFunctionNode(ancestor)) continue;
    const reference = referenceNameOf(ancestor);
    if (!reference) continue;
    const reschedules = refersTo(callback, reference) || (isFunctionNode(callback) && containsCallTo(callback.body, reference, keys));
    if (!reschedules) continue;
    if (!reschedulesUnconditionally(call, ancestor)) return undefined;
    const runs: TimerRun[] = [{ kind: 'self-rescheduling-timeout', timer, fn: ancestor, rescheduled: reference }];
    if (isFunctionNode(callback)) runs.push({ kind: 'self-rescheduling-timeout', timer, fn: callback, rescheduled: reference });
    return { runs };
  }
  return undefined;
}

/**
 * The bodies a timer call runs: the callback of `setInterval` or a configured interval helper
 * (inline, by name, or through a forwarding arrow); for `setTimeout` the function that schedules
 * itself again; else, for `setTimeout` and `setImmediate`, an inline synchronous callback as a
 * one-shot run. An
 * `async` one-shot callback is left out: it is a deferred task, not a loop, and the rule does not
 * second-guess it.
 */
export function timerTargets(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  intervalShapes: readonly CompiledCallShape[] = [],
): TimerTargets {
  const timer = timerFunction(call, intervalShapes);
  const callback = call.arguments[0];
  if (!timer || !callback || callback.type === AST_NODE_TYPES.SpreadElement) return { runs: [] };
  if (timer.repeats) return intervalTargets(callback, timer.name, sourceCode);
  // `setImmediate(fn)` inside `fn` defers the next step to break a call cycle; it is judged as a
  // one-shot callback, not as a timer loop.
  const rescheduling = timer.name === 'setTimeout' ? reschedulingTargets(call, callback, timer.name, sourceCode.visitorKeys) : undefined;
  if (rescheduling) return rescheduling;
  return isFunctionNode(callback) && !callback.async ? { runs: [{ kind: 'one-shot', timer: timer.name, fn: callback }] } : { runs: [] };
}
