import { Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getJsDocTags, parseJsDocTags, type JsDocTag } from '../src/analysis/jsdoc-tags.js';

/** Lints `code` with a probe rule that records the tags of every node of one type. */
function tagsOf(code: string, selector: string): JsDocTag[][] {
  const found: JsDocTag[][] = [];
  const probe: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    defaultOptions: [],
    create: (context) => ({
      [selector]: (node: TSESTree.Node) => {
        found.push(getJsDocTags(context.sourceCode, node));
      },
    }),
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { probe: { rules: { tags: probe as unknown as Rule.RuleModule } } },
      rules: { 'probe/tags': 'error' },
    },
  ], 'file.ts');
  expect(messages).toEqual([]);
  return found;
}

describe('JSDoc tags', () => {
  it('parses names and one-line texts of block tags', () => {
    expect(parseJsDocTags('*\n * Closes epics.\n * @hook releaseEpic\n * @internal\n ')).toEqual([
      { name: 'hook', text: 'releaseEpic' },
      { name: 'internal', text: '' },
    ]);
  });

  it('does not take an e-mail address for a tag', () => {
    expect(parseJsDocTags('* Ask ops@example.com first.')).toEqual([]);
  });

  it('reads the comment above an exported function', () => {
    expect(tagsOf('/** @operation */\nexport function release() {}', 'FunctionDeclaration')).toEqual([
      [{ name: 'operation', text: '' }],
    ]);
  });

  it('reads the comment above a const arrow function from the function node', () => {
    expect(tagsOf('/** @backgroundTask */\nexport const drain = async () => {};', 'ArrowFunctionExpression')).toEqual([
      [{ name: 'backgroundTask', text: '' }],
    ]);
  });

  it('reads the comment above a class method', () => {
    expect(tagsOf('class A {\n  /** @hook releaseEpic */\n  check() {}\n}', 'MethodDefinition')).toEqual([
      [{ name: 'hook', text: 'releaseEpic' }],
    ]);
  });

  it('ignores line comments and plain block comments', () => {
    expect(tagsOf('// @hook\nfunction a() {}\n/* @hook */\nfunction b() {}', 'FunctionDeclaration')).toEqual([[], []]);
  });
});
