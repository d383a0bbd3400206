/** Sleep after the `failures`-th consecutive error of a loop: 50 ms doubling up to 5 s. Pure. */
export function loopBackoff(failures: number): number {
  return Math.min(5000, 50 * 2 ** Math.max(0, failures - 1));
}
