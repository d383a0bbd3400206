import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';

/* Extensions of modules that hold code; anything else (`.json`, `.css`) is data or an asset. */
const CODE_EXTENSIONS = new Set(['', '.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);

/**
 * Whether an import specifier names one of the project's own code modules as far as a single
 * file can tell: relative, and not a JSON or asset import. Bare specifiers are dependencies,
 * whose underscore names are their public API as far as we are concerned.
 */
export function isOwnCodeModuleSpecifier(specifier: string): boolean {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') {
    return false;
  }
  return CODE_EXTENSIONS.has(extname(specifier).toLowerCase());
}

/**
 * A file path inside the module a relative specifier points at, good enough for boundary
 * comparisons without a resolver: a directory import stands for a file inside that directory.
 */
export function approximateModulePath(importingFile: string, specifier: string): string {
  const target = resolve(dirname(importingFile), specifier);
  if (existsSync(target) && statSync(target).isDirectory()) return join(target, 'index');
  return target;
}
