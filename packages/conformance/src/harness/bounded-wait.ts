import { setTimeout as delay } from 'node:timers/promises';

/** A wait that ran out of time; its message names what was awaited. */
export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
}

/** How often a bounded wait looks again; the condition is read from the shared history. */
const POLL_MS = 10;

/**
 * Waits until `probe` returns something other than `undefined`/`false`, for at most `timeoutMs`.
 * This is not a sleep used as synchronisation: every iteration re-reads an observable condition.
 */
export async function waitUntil<T>(what: string, timeoutMs: number, probe: () => T | undefined | false): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > deadline) throw new WaitTimeoutError(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(POLL_MS);
  }
}

/** `waitUntil` for a condition that must be read asynchronously (e.g. the adapter's `stats()`). */
export async function waitUntilAsync(what: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (performance.now() > deadline) throw new WaitTimeoutError(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(POLL_MS);
  }
}
