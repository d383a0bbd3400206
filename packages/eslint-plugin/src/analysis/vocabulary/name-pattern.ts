/**
 * Whether a settings entry names a declaration. An entry is either exact — `Class.method` for a
 * method, `name` for a function or variable — or a `/regex/flags` tested against that same
 * qualified name. A bare `method` never matches `Class.method`: two unrelated classes may share a
 * method name, and settings must not silently reach both.
 */
export function matchesNamePattern(pattern: string, qualifiedName: string): boolean {
  const regex = parseRegexPattern(pattern);
  return regex ? regex.test(qualifiedName) : pattern === qualifiedName;
}

/** `/Task$/i` → a RegExp; anything else → undefined (an exact name). */
export function parseRegexPattern(pattern: string): RegExp | undefined {
  const match = /^\/(.+)\/([a-z]*)$/s.exec(pattern);
  if (!match) return undefined;
  const [, source = '', flags = ''] = match;
  // Global and sticky flags make `test` stateful, which would make matching order-dependent.
  return new RegExp(source, flags.replace(/[gy]/g, ''));
}

/** Whether any of the patterns names the declaration. */
export function matchesAnyNamePattern(patterns: readonly string[], qualifiedName: string | undefined): boolean {
  if (qualifiedName === undefined) return false;
  return patterns.some((pattern) => matchesNamePattern(pattern, qualifiedName));
}
