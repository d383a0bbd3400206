/**
 * A one-line description of anything a handler may throw: an `Error`, a string, `undefined`, an
 * object whose `toString` itself throws. Never throws.
 */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    if (typeof error === 'string') return `non-Error thrown: ${error}`;
    if (error === undefined || error === null) return `non-Error thrown: ${String(error)}`;
    return `non-Error thrown: ${JSON.stringify(error) ?? typeof error}`;
  } catch {
    return `non-Error thrown: unprintable ${typeof error}`;
  }
}
