import type { TSESTree } from '@typescript-eslint/utils';
import { calleePath } from './callee-path.js';

/**
 * A wait or receive call shape, as users write it in options: dotted segments matched against the
 * *end* of a callee path, each segment a case-insensitive glob where `*` stands for any run of
 * characters. `sleep` matches `sleep()`, `this.sleep()` and `timers.sleep()`; `*queue.get`
 * matches `this._queue.get()` and `jobQueue.get()` but not `cache.get()`.
 */
export type CallShape = string;

/** The JSON-schema pattern every shape satisfies, so a typo fails at config load, not silently. */
export const CALL_SHAPE_PATTERN = '^[A-Za-z0-9_$#*]+(\\.[A-Za-z0-9_$#*]+)*$';

/**
 * Calls that only wait: a sleep between rounds, an interruptible wait for shutdown. Rejecting is
 * how an abortable wait reports shutdown, so an awaited wait is the loop's designed exit.
 */
export const DEFAULT_WAIT_CALLS: readonly CallShape[] = ['sleep*', '*Sleep', 'delay', 'wait*', 'setTimeout', 'once'];

/**
 * Calls that block until the next item arrives: the receive step of a queue consumer. Like a wait,
 * an awaited receive is a designed exit; unlike a wait it also marks the loop as a worker, because
 * a loop that blocks on a queue runs for as long as the queue lives.
 */
export const DEFAULT_RECEIVE_CALLS: readonly CallShape[] = [
  '*queue.get',
  '*queue.take',
  '*queue.pop',
  '*queue.shift',
  'dequeue',
  'receive*',
  'poll',
];

/** A parsed shape: one matcher per segment. */
export type CompiledCallShape = readonly RegExp[];

function segmentMatcher(segment: string): RegExp {
  const escaped = segment.replace(/[$]/g, '\\$').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Compiles shapes once per rule run; pure. */
export function compileCallShapes(shapes: readonly CallShape[]): CompiledCallShape[] {
  return shapes.map((shape) => shape.split('.').map(segmentMatcher));
}

/** Whether a call's callee ends with one of the shapes. */
export function matchesCallShape(call: TSESTree.CallExpression, shapes: readonly CompiledCallShape[]): boolean {
  const path = calleePath(call.callee);
  if (!path || path.length === 0) return false;
  return shapes.some((shape) => {
    if (shape.length > path.length) return false;
    const tail = path.slice(path.length - shape.length);
    return shape.every((matcher, index) => matcher.test(tail[index] ?? ''));
  });
}
