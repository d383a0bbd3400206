import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter, type Rule } from 'eslint';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { getCallGraph } from '../../src/analysis/call-graph/call-graph.js';
import { resolveSettings } from '../../src/analysis/settings.js';
import rule from '../../src/rules/no-hook-as-operation.js';

// The per-program cache is checked by counting work, never by timing it.
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'no-hook-as-operation');

function fixtureProgram(): ts.Program {
  const configPath = join(fixtures, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path)) as { config: unknown };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, fixtures);
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}

function lintWith(program: ts.Program, file: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    readFileSync(join(fixtures, file), 'utf8'),
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser, parserOptions: { programs: [program] } },
        plugins: { steadfast: { rules: { 'no-hook-as-operation': rule as unknown as Rule.RuleModule } } },
        settings: { steadfast: { typeAware: true } },
        rules: { 'steadfast/no-hook-as-operation': 'error' },
      },
    ],
    join(fixtures, file),
  );
}

describe('no-hook-as-operation: per-program call summaries', () => {
  it('walks each function body once per program, however often files are linted', () => {
    const program = fixtureProgram();
    const graph = getCallGraph(ts, program, resolveSettings({ typeAware: true }));

    const first = lintWith(program, 'worker.ts');
    expect(first.map((message) => message.line)).toEqual([12, 20]);
    // notifyMerge and afterMerge; the operations and the hook itself are never walked.
    expect(graph.stats.functionBodiesWalked).toBe(2);
    const answered = graph.stats.reachabilityComputations;

    const second = lintWith(program, 'worker.ts');
    expect(second).toEqual(first);
    expect(graph.stats.functionBodiesWalked).toBe(2);
    expect(graph.stats.reachabilityComputations).toBe(answered);
  });

  it('reuses summaries across files: a new task walks only the functions nobody walked yet', () => {
    const program = fixtureProgram();
    const graph = getCallGraph(ts, program, resolveSettings({ typeAware: true }));
    lintWith(program, 'worker.ts');
    expect(graph.stats.functionBodiesWalked).toBe(2);

    const messages = lintWith(program, 'retry-task.ts');
    expect(messages).toHaveLength(1);
    // Only retryMerge is new; afterMerge's summary comes from the first file.
    expect(graph.stats.functionBodiesWalked).toBe(3);
  });
});
