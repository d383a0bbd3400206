/**
 * Which method calls change a container's contents, per built-in container. Untyped, a call on a
 * paired cache counts when its name is in any of these lists; typed, the receiver's type picks
 * the list, so a `Map` named `store` is judged as a `Map` and an array's `set` is not a write.
 */

/** Built-in containers whose mutating methods the rule knows. */
export type ContainerKind = 'Map' | 'Set' | 'WeakMap' | 'WeakSet' | 'Array';

/** Mutating methods per container, split into writes and invalidations. */
export const MUTATING_METHODS: Readonly<Record<ContainerKind, { writes: readonly string[]; invalidations: readonly string[] }>> = {
  Map: { writes: ['set'], invalidations: ['delete', 'clear'] },
  Set: { writes: ['add'], invalidations: ['delete', 'clear'] },
  WeakMap: { writes: ['set'], invalidations: ['delete'] },
  WeakSet: { writes: ['add'], invalidations: ['delete'] },
  Array: {
    writes: ['push', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin'],
    invalidations: ['pop', 'shift'],
  },
};

/** What a mutating call does to the cache. */
export type MutationKind = 'write' | 'invalidation';

/** Classifies `method` for a receiver of `kind`, or for any container when the kind is unknown. */
export function classifyMethod(method: string, kind: ContainerKind | undefined): MutationKind | undefined {
  const kinds = kind === undefined ? (Object.keys(MUTATING_METHODS) as ContainerKind[]) : [kind];
  let result: MutationKind | undefined;
  for (const each of kinds) {
    const table = MUTATING_METHODS[each];
    if (table.writes.includes(method)) return 'write';
    if (table.invalidations.includes(method)) result = 'invalidation';
  }
  return result;
}
