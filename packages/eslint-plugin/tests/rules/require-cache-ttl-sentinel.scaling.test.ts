import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import rule, { lastFileWork } from '../../src/rules/require-cache-ttl-sentinel.js';
import { findMissedWrites, type PathGraph, type PathSegment, type PathWork } from '../../src/analysis/caches/missing-update-paths.js';

/**
 * A method with `branches` independent `if/else` statements, each writing the cache on one side:
 * 2^branches paths, so any analysis that enumerates paths would never finish. The update sits in
 * the last branch only, so the rule must report.
 */
function manyBranches(branches: number): string {
  const lines = ['class Wide {', '  private cache = new Map<number, number>();', '  private lastRefresh = 0;', '  put(flags: boolean[]): void {'];
  for (let index = 0; index < branches; index += 1) {
    lines.push(`    if (flags[${index}]) { this.cache.set(${index}, ${index}); } else { flags.pop(); }`);
  }
  lines.push('    if (flags.length > 0) { this.lastRefresh = Date.now(); }', '  }', '}');
  return lines.join('\n');
}

interface Run {
  readonly findings: number;
  readonly steps: number;
  readonly segments: number;
}

function lint(code: string): Run {
  let segments = 0;
  const counter: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    defaultOptions: [],
    create: () => ({ onCodePathSegmentStart: () => void (segments += 1) }),
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { probe: { rules: { rule: rule as never, counter: counter as never } } },
      rules: { 'probe/rule': 'error', 'probe/counter': 'error' },
    },
  ], 'wide.ts');
  return { findings: messages.filter((message) => message.ruleId === 'probe/rule').length, steps: lastFileWork.steps, segments };
}

describe('require-cache-ttl-sentinel stays linear in the number of branches', () => {
  it('reports every unguarded write of a method with thousands of branches', () => {
    const run = lint(manyBranches(3000));
    expect(run.findings).toBe(3000);
  });

  it('does work proportional to the code path size, not to the number of paths', () => {
    const small = lint(manyBranches(1000));
    const large = lint(manyBranches(2000));
    // Each sweep visits a segment once and follows each of its (at most two) edges once.
    expect(small.steps).toBeLessThanOrEqual(6 * small.segments);
    expect(large.steps).toBeLessThanOrEqual(6 * large.segments);
    expect(large.steps / small.steps).toBeLessThan(2.2);
  });
});

describe('findMissedWrites', () => {
  /** A diamond chain: entry → (a_i | b_i) → join_i → … → exit, built without ESLint. */
  function diamonds(count: number): { graph: PathGraph; writes: Set<string> } {
    const make = (id: string): PathSegment & { nextSegments: PathSegment[]; prevSegments: PathSegment[] } => ({
      id,
      nextSegments: [],
      prevSegments: [],
    });
    const link = (from: ReturnType<typeof make>, to: ReturnType<typeof make>): void => {
      from.nextSegments.push(to);
      to.prevSegments.push(from);
    };
    const entry = make('entry');
    let join = entry;
    const writes = new Set<string>();
    for (let index = 0; index < count; index += 1) {
      const left = make(`a${index}`);
      const right = make(`b${index}`);
      const next = make(`j${index}`);
      link(join, left);
      link(join, right);
      link(left, next);
      link(right, next);
      writes.add(left.id);
      join = next;
    }
    return { graph: { initialSegment: entry, returnedSegments: [join] }, writes };
  }

  it('finds every write on a clean path and names the exit it reaches', () => {
    const { graph, writes } = diamonds(50);
    const missed = findMissedWrites(graph, writes, () => false);
    expect(missed).toHaveLength(50);
    expect(new Set(missed.map((miss) => miss.exitSegmentId))).toEqual(new Set(['j49']));
  });

  it('finds nothing when the exit itself updates, and counts a bounded amount of work', () => {
    const { graph, writes } = diamonds(5000);
    const work: PathWork = { steps: 0 };
    expect(findMissedWrites(graph, writes, (id) => id === 'j4999', work)).toEqual([]);
    // 3 segments and 4 edges per diamond, each visited at most once per sweep.
    expect(work.steps).toBeLessThanOrEqual(2 * 7 * 5000 + 2);
  });

  it('an update on one side of a diamond does not cover the other side', () => {
    const { graph, writes } = diamonds(3);
    const missed = findMissedWrites(graph, writes, (id) => id === 'b1');
    expect(missed.map((miss) => miss.segmentId).sort()).toEqual(['a0', 'a1', 'a2']);
  });
});
