import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** How far a module's privacy reaches: its own file, its directory, or its nearest `package.json`. */
export type ModuleBoundary = 'file' | 'directory' | 'package';

/** Memo of directory → nearest package root (`null`: none up to the file-system root). */
export type PackageRootCache = Map<string, string | null>;

/**
 * The directory of the nearest `package.json` above `filePath`, or `null` when there is none.
 * Every directory walked is memoised, so a lint run touches each directory once.
 */
export function findPackageRoot(filePath: string, cache: PackageRootCache): string | null {
  const walked: string[] = [];
  let dir = dirname(resolve(filePath));
  let found: string | null = null;
  for (;;) {
    const known = cache.get(dir);
    if (known !== undefined) {
      found = known;
      break;
    }
    walked.push(dir);
    if (existsSync(join(dir, 'package.json'))) {
      found = dir;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const visited of walked) cache.set(visited, found);
  return found;
}

/** The identity of the module `filePath` belongs to under `boundary`: equal keys, same module. */
export function boundaryKey(filePath: string, boundary: ModuleBoundary, cache: PackageRootCache): string {
  const absolute = resolve(filePath);
  switch (boundary) {
    case 'file':
      return absolute;
    case 'directory':
      return dirname(absolute);
    case 'package':
      return findPackageRoot(absolute, cache) ?? '';
  }
}

/** Whether code in `fromFile` reaching a declaration in `toFile` leaves the declaration's module. */
export function crossesBoundary(
  fromFile: string,
  toFile: string,
  boundary: ModuleBoundary,
  cache: PackageRootCache,
): boolean {
  return boundaryKey(fromFile, boundary, cache) !== boundaryKey(toFile, boundary, cache);
}
