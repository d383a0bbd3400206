import { afterEach, describe, expect, it } from 'vitest';
import { chooseSeed, SEED_VARIABLE, seededRandom } from '../../src/harness/seeded-random.js';

afterEach(() => {
  delete process.env[SEED_VARIABLE];
});

describe('seededRandom', () => {
  it('replays the same sequence for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 20 }, () => a());
    expect(Array.from({ length: 20 }, () => b())).toEqual(first);
  });

  it('gives different sequences for different seeds, within [0, 1)', () => {
    const a = Array.from({ length: 20 }, seededRandom(1));
    const b = Array.from({ length: 20 }, seededRandom(2));
    expect(a).not.toEqual(b);
    expect([...a, ...b].every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('chooseSeed', () => {
  it('prefers the given seed, then the environment variable', () => {
    process.env[SEED_VARIABLE] = '7';
    expect(chooseSeed(3)).toBe(3);
    expect(chooseSeed()).toBe(7);
  });

  it('refuses a seed that is not a non-negative integer', () => {
    expect(() => chooseSeed(-1)).toThrow(/non-negative integer/);
    process.env[SEED_VARIABLE] = 'abc';
    expect(() => chooseSeed()).toThrow(new RegExp(SEED_VARIABLE));
  });
});
