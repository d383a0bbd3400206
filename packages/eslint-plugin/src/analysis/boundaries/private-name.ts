/** The default private-name pattern: one leading underscore followed by anything but another. */
export const DEFAULT_PRIVATE_PATTERN = '^_[^_]';

/**
 * A predicate telling whether a member name is private by convention. Names in `allowNames` are
 * public whatever they look like; dunder names (`__proto__`, `__dirname`) never match the default.
 */
export function privateNameMatcher(pattern: string, allowNames: readonly string[]): (name: string) => boolean {
  const regex = new RegExp(pattern, 'u');
  const allowed = new Set(allowNames);
  return (name) => !allowed.has(name) && regex.test(name);
}

/**
 * The public name a private-by-convention member would have: the name without its leading
 * underscores (`_executor` → `executor`), or `undefined` when nothing usable is left.
 */
export function publicNameOf(name: string): string | undefined {
  const stripped = name.replace(/^_+/, '');
  return stripped.length > 0 && stripped !== name && /^[A-Za-z$]/.test(stripped) ? stripped : undefined;
}
