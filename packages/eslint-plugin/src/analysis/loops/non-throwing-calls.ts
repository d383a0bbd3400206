import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleePath } from './callee-path.js';
import { isStopName } from './stop-vocabulary.js';

/** Globals whose calls cannot reasonably throw: scheduling, clocks, pure math. */
const SAFE_FUNCTIONS = new Set([
  'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate',
  'queueMicrotask', 'Boolean', 'String', 'isNaN', 'isFinite',
]);

/** Objects every method of which is treated as non-throwing: logging and pure math. */
const SAFE_OBJECTS = new Set(['console', 'Math']);

const SAFE_MEMBERS = new Set([
  'Date.now', 'performance.now', 'process.hrtime', 'process.nextTick', 'Array.isArray', 'Object.is',
  'Number.isNaN', 'Number.isFinite', 'Number.isInteger', 'Number.isSafeInteger', 'Promise.resolve',
  'AbortSignal.timeout',
]);

/** Receivers that are loggers by name (`log`, `logger`, `this.logger`, `ctx.log`). */
const LOGGER_RECEIVER = /^[_#]?(log|logger|.*Logger)$/i;
const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'log', 'exception', 'critical']);

/** Constructors that cannot throw on ordinary arguments (`new URL` can, so it is absent). */
const SAFE_CONSTRUCTORS = new Set(['Date', 'Map', 'Set', 'WeakMap', 'WeakSet', 'AbortController', 'Promise', 'Array', 'Object']);

/**
 * Whether a call is one the rule treats as unable to throw: logging, clocks, timer scheduling,
 * zero-argument stop-flag reads such as `stopEvent.isSet()`, and `signal.throwIfAborted()` (the
 * designed exit on shutdown). Without this list every
 * `logger.error(err)` in a `catch` would itself need guarding, and nobody would keep the rule on.
 */
export function isNonThrowingCall(call: TSESTree.CallExpression): boolean {
  const path = calleePath(call.callee);
  if (!path || path.length === 0) return false;
  const name = path.at(-1) ?? '';
  if (isStopFlagRead(call, path, name)) return true;
  if (path.length === 1) return SAFE_FUNCTIONS.has(name);
  const receiver = path.at(-2) ?? '';
  if (path.length === 2 && (SAFE_OBJECTS.has(receiver) || SAFE_MEMBERS.has(`${receiver}.${name}`))) return true;
  if (LOGGER_RECEIVER.test(receiver) && LOG_METHODS.has(name)) return true;
  if (path.length === 2 && SAFE_FUNCTIONS.has(name) && /^(timers|globalThis|window|global)$/.test(receiver)) return true;
  return false;
}

function isStopFlagRead(call: TSESTree.CallExpression, path: readonly string[], name: string): boolean {
  if (call.arguments.length !== 0) return false;
  // Throwing on abort is the loop's designed exit, not a bad iteration.
  if (name === 'throwIfAborted') return true;
  return /^(is|has|should)/.test(name) && path.some(isStopName);
}

/** Whether `new X(…)` is a constructor the rule treats as unable to throw; errors included. */
export function isNonThrowingConstruction(node: TSESTree.NewExpression): boolean {
  if (node.callee.type !== AST_NODE_TYPES.Identifier) return false;
  return SAFE_CONSTRUCTORS.has(node.callee.name) || /Error$/.test(node.callee.name);
}
