/** Renders a call path for a message: `` `drainTask` → `afterMerge` → `EpicChecker.checkAndCloseEpics` ``. */
export function formatCallPath(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(' → ');
}
