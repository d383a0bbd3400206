/**
 * Methods that register an event listener rather than call it. A callback passed to one of these
 * inside a task runs later, on the event — which is exactly how a hook is meant to be wired — so it
 * is not part of the task's own calls.
 */
const LISTENER_REGISTRATIONS: ReadonlySet<string> = new Set([
  'on',
  'once',
  'addListener',
  'addEventListener',
  'prependListener',
  'prependOnceListener',
  'subscribe',
]);

/** Whether a method name registers a listener (`emitter.on`, `target.addEventListener`, …). */
export function isListenerRegistration(methodName: string | undefined): boolean {
  return methodName !== undefined && LISTENER_REGISTRATIONS.has(methodName);
}
