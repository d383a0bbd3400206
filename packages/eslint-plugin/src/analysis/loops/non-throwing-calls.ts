import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleePath } from './callee-path.js';
import { matchesCallShape, type CallShape, type CompiledCallShape } from './call-shapes.js';
import { isStopName } from './stop-vocabulary.js';

/**
 * Project calls that cannot reasonably throw, beyond the built-in list: by default the bare
 * debug-logger functions of the `debug` package idiom (`log('…')`, `debug('…')`). The
 * `nonThrowingCalls` option replaces this list; a function of the same name declared in the
 * linted file is judged by its body instead, so a local `log` that does I/O is not excused.
 */
export const DEFAULT_NON_THROWING_CALLS: readonly CallShape[] = ['log', 'debug'];

/** Globals whose calls cannot reasonably throw: scheduling, clocks, pure math. */
const SAFE_FUNCTIONS = new Set([
  'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate',
  'queueMicrotask', 'Boolean', 'String', 'isNaN', 'isFinite',
]);

/** Objects every method of which is treated as non-throwing: logging and pure math. */
const SAFE_OBJECTS = new Set(['console', 'Math']);

const SAFE_MEMBERS = new Set([
  'Object.keys', 'Object.values', 'Object.entries', 'Date.now', 'performance.now', 'process.hrtime', 'process.nextTick', 'Array.isArray', 'Object.is',
  'Number.isNaN', 'Number.isFinite', 'Number.isInteger', 'Number.isSafeInteger', 'Promise.resolve',
  'AbortSignal.timeout',
]);

/** Receivers that are loggers by name (`log`, `logger`, `this.logger`, `ctx.log`). */
const LOGGER_RECEIVER = /^[_#]?(log|logger|.*Logger)$/i;
/** Level methods of common loggers (console, pino, winston's npm and syslog levels, crawlee's `perf`). */
const LOG_METHODS = new Set([
  'trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'log', 'exception', 'critical',
  'verbose', 'silly', 'notice', 'perf',
]);
/** Methods that derive a logger from a logger: `log.extend('scope')` (debug), `logger.child(meta)` (pino, winston). */
const DERIVING_METHODS = new Set(['extend', 'child']);

/** Constructors that cannot throw on ordinary arguments (`new URL` can, so it is absent). */
const SAFE_CONSTRUCTORS = new Set(['Date', 'Map', 'Set', 'WeakMap', 'WeakSet', 'AbortController', 'Promise', 'Array', 'Object']);

/**
 * Whether a call is one the rule treats as unable to throw: logging (including loggers derived
 * with `extend`/`child` and the project's `projectShapes`), clocks, timer scheduling,
 * zero-argument stop-flag reads such as `stopEvent.isSet()`, and `signal.throwIfAborted()` (the
 * designed exit on shutdown). Without this list every
 * `logger.error(err)` in a `catch` would itself need guarding, and nobody would keep the rule on.
 */
export function isNonThrowingCall(call: TSESTree.CallExpression, projectShapes: readonly CompiledCallShape[] = []): boolean {
  if (isDerivedLoggerCall(call, projectShapes)) return true;
  if (matchesCallShape(call, projectShapes)) return true;
  const path = calleePath(call.callee);
  if (!path || path.length === 0) return false;
  const name = path.at(-1) ?? '';
  if (isStopFlagRead(call, path, name)) return true;
  if (path.length === 1) return SAFE_FUNCTIONS.has(name);
  const receiver = path.at(-2) ?? '';
  if (path.length === 2 && (SAFE_OBJECTS.has(receiver) || SAFE_MEMBERS.has(`${receiver}.${name}`))) return true;
  if (LOGGER_RECEIVER.test(receiver) && LOG_METHODS.has(name)) return true;
  if (DERIVING_METHODS.has(name) && isLoggerPath(path.slice(0, -1), projectShapes)) return true;
  if (path.length === 2 && SAFE_FUNCTIONS.has(name) && /^(timers|globalThis|window|global)$/.test(receiver)) return true;
  return false;
}

/** Whether a path names a logger: a logger-named receiver, or a project logger such as `debug`. */
function isLoggerPath(path: readonly string[] | undefined, projectShapes: readonly CompiledCallShape[]): boolean {
  const last = path?.at(-1);
  if (!path || last === undefined) return false;
  if (LOGGER_RECEIVER.test(last)) return true;
  return projectShapes.some((shape) => shape.length <= path.length && shape.every((matcher, index) => matcher.test(path[path.length - shape.length + index] ?? '')));
}

/**
 * A call on a logger derived from a logger: `log.extend('process')('…')` (the `debug` package) or
 * `logger.child(meta).info('…')`. Deriving a logger only copies a name or fields.
 */
function isDerivedLoggerCall(call: TSESTree.CallExpression, projectShapes: readonly CompiledCallShape[]): boolean {
  let callee: TSESTree.Node = call.callee;
  let method: string | undefined;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    method = callee.property.name;
    callee = callee.object;
  }
  if (callee.type !== AST_NODE_TYPES.CallExpression) return false;
  if (method !== undefined && !LOG_METHODS.has(method)) return false;
  const derivation = calleePath(callee.callee);
  if (!derivation || derivation.length < 2 || !DERIVING_METHODS.has(derivation.at(-1) ?? '')) return false;
  return isLoggerPath(derivation.slice(0, -1), projectShapes);
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
