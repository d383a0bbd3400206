import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findPackageRoot, type PackageRootCache } from './module-boundary.js';

/**
 * How far an `@internal` (or TypeScript-file `@private`) member reaches: its own package, or its
 * release unit — its package plus the sibling packages of the same workspace that pin it exactly.
 */
export type InternalBoundary = 'release-unit' | 'package';

/** The parts of a `package.json` the release-unit question reads. */
interface Manifest {
  name: string | undefined;
  version: string | undefined;
  dependencies: Readonly<Record<string, string>>;
  /** Whether the manifest declares a workspace (`workspaces`, in npm, Yarn and Bun). */
  declaresWorkspace: boolean;
}

const EXACT_VERSION = /^=?v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/u;

/**
 * Whether a dependency specifier makes the dependent ship with exactly `version` of the
 * dependency. pnpm, Yarn and Bun publish `workspace:*` and `workspace:<exact>` as that exact
 * version, but `workspace:^`/`workspace:~` as ranges; a plain exact version counts only inside a
 * workspace (`inWorkspace`) and only when it is the sibling's current one — another version would
 * come from the registry, not from the code being linted. Pure.
 */
export function pinsExactly(specifier: string, version: string | undefined, inWorkspace: boolean): boolean {
  const spec = specifier.trim();
  if (spec.startsWith('workspace:')) {
    const range = workspaceRange(spec);
    if (range === '*') return true;
    return EXACT_VERSION.test(range) && version !== undefined && normalise(range) === normalise(version);
  }
  return inWorkspace && EXACT_VERSION.test(spec) && version !== undefined && normalise(spec) === normalise(version);
}

/* `workspace:alias@*` names the sibling through an alias; the range is what follows the `@`. */
function workspaceRange(spec: string): string {
  const rest = spec.slice('workspace:'.length);
  return rest.includes('@') && !rest.startsWith('@') ? rest.slice(rest.lastIndexOf('@') + 1) : rest;
}

function workspaceAlias(spec: string): string | undefined {
  const rest = spec.slice('workspace:'.length);
  const at = rest.lastIndexOf('@');
  return at > 0 ? rest.slice(0, at) : undefined;
}

/* Only these can pin exactly; everything else (ranges, tags, URLs) is skipped before any lookup. */
function mayPinExactly(specifier: string): boolean {
  const spec = specifier.trim();
  return spec.startsWith('workspace:') || EXACT_VERSION.test(spec);
}

/**
 * Where a dependency's code lives, seen from a package: the file its name resolves to (through
 * `paths` or `node_modules`, as the compiler resolves it), or `undefined` when it does not resolve.
 */
export type DependencyLocator = (dependency: string, fromPackageRoot: string) => string | undefined;

function normalise(version: string): string {
  return version.replace(/^=?v?/u, '');
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const record: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) if (typeof entry === 'string') record[key] = entry;
  return record;
}

function readManifest(packageRoot: string): Manifest | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const json = parsed as Record<string, unknown>;
    return {
      name: typeof json['name'] === 'string' ? json['name'] : undefined,
      version: typeof json['version'] === 'string' ? json['version'] : undefined,
      // Only what ships with the dependent: dev dependencies do not, and a peer is the user's choice.
      dependencies: { ...stringRecord(json['optionalDependencies']), ...stringRecord(json['dependencies']) },
      declaresWorkspace: json['workspaces'] !== undefined,
    };
  } catch {
    // An unreadable or malformed package.json proves nothing: the strict boundary stays.
    return null;
  }
}

/**
 * Answers "do these two packages form one release unit?" for one lint run. Manifests, workspace
 * roots and package roots are memoised in the instance, which callers keep per TypeScript program
 * (see `releaseUnitsOf`), so an edited `package.json` is read again with the next program.
 */
export class ReleaseUnits {
  private readonly manifests = new Map<string, Manifest | null>();
  private readonly workspaceRoots = new Map<string, string | null>();
  private readonly verdicts = new Map<string, boolean>();
  private readonly exactEdges = new Map<string, readonly string[]>();

  /**
   * `locate` finds the packages a package depends on, for chains of exact pins (`app` pins `basic`,
   * which pins `core`); without it only direct dependencies count.
   */
  constructor(
    private readonly locate?: DependencyLocator,
    private readonly packageRoots: PackageRootCache = new Map(),
  ) {}

  /** The nearest `package.json` directory above a file, memoised. */
  packageRootOf(filePath: string): string | null {
    return findPackageRoot(filePath, this.packageRoots);
  }

  /**
   * Whether code in the package at `fromRoot` may use internals of the package at `toRoot`:
   * the same package, or a dependency (`dependencies`/`optionalDependencies`) pinned exactly —
   * directly or through a chain of exact pins, each link inside one workspace for a plain version.
   */
  sameReleaseUnit(fromRoot: string, toRoot: string): boolean {
    if (fromRoot === toRoot) return true;
    const key = `${fromRoot}\0${toRoot}`;
    const known = this.verdicts.get(key);
    if (known !== undefined) return known;
    const verdict = this.judge(fromRoot, toRoot);
    this.verdicts.set(key, verdict);
    return verdict;
  }

  private judge(fromRoot: string, toRoot: string): boolean {
    const to = this.manifest(toRoot);
    if (to?.name === undefined) return false;
    const direct = this.manifest(fromRoot)?.dependencies[to.name];
    if (direct !== undefined && this.pins(fromRoot, direct, toRoot)) return true;
    if (!this.locate) return false;
    const seen = new Set([fromRoot]);
    const queue = [fromRoot];
    for (let root = queue.shift(); root !== undefined; root = queue.shift()) {
      for (const next of this.exactDependenciesOf(root)) {
        if (next === toRoot) return true;
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return false;
  }

  /** Whether the package at `fromRoot` pins the package at `toRoot` exactly with `specifier`. */
  private pins(fromRoot: string, specifier: string, toRoot: string): boolean {
    const workspace = this.workspaceRootOf(fromRoot);
    const inWorkspace = workspace !== null && workspace === this.workspaceRootOf(toRoot);
    return pinsExactly(specifier, this.manifest(toRoot)?.version, inWorkspace);
  }

  /** The package roots a package pins exactly, located through `locate`; memoised. */
  private exactDependenciesOf(root: string): readonly string[] {
    const known = this.exactEdges.get(root);
    if (known) return known;
    const edges: string[] = [];
    for (const [name, specifier] of Object.entries(this.manifest(root)?.dependencies ?? {})) {
      if (!mayPinExactly(specifier)) continue;
      const target = specifier.trim().startsWith('workspace:') ? (workspaceAlias(specifier.trim()) ?? name) : name;
      const file = this.locate?.(target, root);
      const dependencyRoot = file === undefined ? null : this.packageRootOf(file);
      if (dependencyRoot === null || dependencyRoot === root) continue;
      // A name that resolves to some other package (a stale `paths` entry) proves nothing.
      if (this.manifest(dependencyRoot)?.name !== target) continue;
      if (this.pins(root, specifier, dependencyRoot)) edges.push(dependencyRoot);
    }
    this.exactEdges.set(root, edges);
    return edges;
  }

  private manifest(packageRoot: string): Manifest | null {
    let manifest = this.manifests.get(packageRoot);
    if (manifest === undefined) {
      manifest = readManifest(packageRoot);
      this.manifests.set(packageRoot, manifest);
    }
    return manifest;
  }

  /** The nearest directory at or above `packageRoot` that declares a workspace, if any. */
  private workspaceRootOf(packageRoot: string): string | null {
    const known = this.workspaceRoots.get(packageRoot);
    if (known !== undefined) return known;
    let found: string | null = null;
    for (let dir = packageRoot; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'pnpm-workspace.yaml')) || this.declaresWorkspace(dir)) {
        found = dir;
        break;
      }
      if (dirname(dir) === dir) break;
    }
    this.workspaceRoots.set(packageRoot, found);
    return found;
  }

  private declaresWorkspace(dir: string): boolean {
    return existsSync(join(dir, 'package.json')) && (this.manifest(dir)?.declaresWorkspace ?? false);
  }
}
