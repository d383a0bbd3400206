import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { namesWithTag } from '../../src/analysis/tagged-declaration-names.js';

function programOf(files: Record<string, string>): ts.Program {
  const options: ts.CompilerOptions = { noLib: true, noResolve: true, target: ts.ScriptTarget.ES2022 };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (fileName, languageVersion) => {
    const text = files[fileName];
    return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion);
  };
  host.fileExists = (fileName) => fileName in files;
  return ts.createProgram({ rootNames: Object.keys(files), options, host });
}

describe('namesWithTag', () => {
  const program = programOf({
    '/a.ts': [
      'export class Fetcher {',
      '  /** @ttlSentinel fetchedAt */',
      '  cache = new Map<string, number>();',
      '  // @ttlSentinel in a line comment documents nothing',
      '  other = 1;',
      '  /** Mentions @ttlSentinelish, another tag. @see x */',
      '  similar = 2;',
      '  fetchedAt = 0;',
      '}',
      '/** @ttlSentinel loadedAt */',
      'export const table = new Map(), loadedAt = 0;',
    ].join('\n'),
    '/b.ts': 'export const entries = {\n  /** @ttlSentinel at */\n  "quoted-key": 1,\n};',
  });

  // As TypeScript attaches JSDoc: a statement's comment documents its first declarator only.
  it('lists the names of declarations whose JSDoc carries the tag, and only those', () => {
    expect([...namesWithTag(program, 'ttlSentinel')].sort()).toEqual(['cache', 'quoted-key', 'table']);
  });

  it('answers each tag separately and returns the same set for the same program', () => {
    expect(namesWithTag(program, 'internal').size).toBe(0);
    expect(namesWithTag(program, 'ttlSentinel')).toBe(namesWithTag(program, 'ttlSentinel'));
  });
});
