import { join } from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { privacyNameScans } from '../../src/analysis/boundaries/declared-privacy-names.js';
import { memberFactComputations } from '../../src/analysis/boundaries/member-privacy.js';
import steadfast from '../../src/index.js';

// ESLint's own Plugin type and typescript-eslint's differ in details irrelevant here.
const plugin = steadfast as unknown as ESLint.Plugin;

const fixture = join(import.meta.dirname, '..', 'fixtures', 'no-private-cross-module-access');

describe('no-private-cross-module-access: project-wide work', () => {
  it('looks up a member\u2019s declaration once per program, however many files reach it', async () => {
    const eslint = new ESLint({
      cwd: fixture,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: fixture } },
          plugins: { '@steadfast': plugin },
          settings: { steadfast: { typeAware: true } },
          rules: { '@steadfast/no-private-cross-module-access': 'error' },
        },
      ],
    });
    const before = memberFactComputations();
    const scansBefore = privacyNameScans();
    const [first] = await eslint.lintFiles(['src/uses-a.ts']);
    const afterFirst = memberFactComputations();
    const scansAfterFirst = privacyNameScans();
    const [second] = await eslint.lintFiles(['src/uses-b.ts']);
    const afterSecond = memberFactComputations();
    const scansAfterSecond = privacyNameScans();

    expect(first?.messages.map((message) => message.ruleId)).toEqual(['@steadfast/no-private-cross-module-access']);
    expect(second?.messages.map((message) => message.ruleId)).toEqual(['@steadfast/no-private-cross-module-access']);
    expect(afterFirst - before).toBeGreaterThan(0);
    expect(afterSecond - afterFirst).toBe(0);
    // The index of names a modifier or tag makes private is read from each source file once.
    expect(scansAfterFirst - scansBefore).toBeGreaterThan(0);
    expect(scansAfterSecond - scansAfterFirst).toBe(0);
  });
});

describe('no-private-cross-module-access: options', () => {
  it('stops with a clear error on a privatePattern that is not a regular expression', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify('export {};', [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser },
          plugins: { '@steadfast': plugin },
          rules: { '@steadfast/no-private-cross-module-access': ['error', { privatePattern: '(' }] },
        },
      ], 'file.ts'),
    ).toThrow(/"privatePattern" is not a valid regular expression: \(/);
  });

  it('rejects unknown options through its schema', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(() =>
      linter.verify('export {};', [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser },
          plugins: { '@steadfast': plugin },
          rules: { '@steadfast/no-private-cross-module-access': ['error', { boundary: 'repo' }] },
        },
      ], 'file.ts'),
    ).toThrow(/Value "repo" should be equal to one of the allowed values/);
  });
});
