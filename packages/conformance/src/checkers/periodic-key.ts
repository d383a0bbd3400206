/** Key prefix of periodic runs: they are not enqueued, so liveness checks skip them. */
export const PERIODIC_KEY_PREFIX = 'periodic@';

/** The key the kit records for one periodic run of `task` in `slot`. */
export function periodicKey(task: string, slot: number | undefined): string {
  return `${PERIODIC_KEY_PREFIX}${task}@${slot ?? 'none'}`;
}
