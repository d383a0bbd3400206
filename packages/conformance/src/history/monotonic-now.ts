/**
 * The system-wide monotonic clock in milliseconds. On Linux `hrtime` reads CLOCK_MONOTONIC, which
 * every process shares, so stamps from different processes order correctly; `Date.now()` can jump.
 */
export function monotonicNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
