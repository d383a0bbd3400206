/**
 * A small seeded PRNG (mulberry32): the same seed gives the same sequence in every process and on
 * every machine, so a randomised test's choices (durations, kill intervals, victims) replay.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Environment variable that fixes the seed of randomised tests (for runners without a `--seed` flag). */
export const SEED_VARIABLE = 'STEADFAST_CONFORMANCE_SEED';

/**
 * The seed of a run: the one given, else `STEADFAST_CONFORMANCE_SEED`, else a fresh one (printed in
 * the report so that a failure can be replayed with `--seed`).
 */
export function chooseSeed(given?: number): number {
  if (given !== undefined) return validSeed(given, 'seed');
  const fromEnvironment = process.env[SEED_VARIABLE];
  if (fromEnvironment !== undefined && fromEnvironment !== '') return validSeed(Number(fromEnvironment), SEED_VARIABLE);
  return Math.floor(Math.random() * 2 ** 31);
}

function validSeed(seed: number, source: string): number {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`${source} must be a non-negative integer, got ${String(seed)}`);
  return seed;
}
