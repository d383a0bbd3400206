/**
 * Resolve after the event loop has had a turn. A synchronous store resolves every promise at
 * once, so a busy slot loop would otherwise run on microtasks forever and starve timers
 * (heartbeats, signals, `stop`).
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    setImmediate(resolve);
  });
}
