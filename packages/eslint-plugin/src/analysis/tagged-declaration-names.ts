import ts from 'typescript';
import { declarationNameText } from './declaration-name-text.js';
import { innermostNodeAt } from './node-at-position.js';

/*
 * A typed rule that reads one JSDoc tag of whatever declaration a member access reaches (like
 * `@ttlSentinel`) only needs the checker for names that some declaration carrying the tag has.
 * This index lists them per program, read from the syntax trees the program already holds.
 */

const namesBySourceFile = new WeakMap<ts.SourceFile, Map<string, readonly string[]>>();
const namesByProgram = new WeakMap<ts.Program, Map<string, ReadonlySet<string>>>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/* Only the places where `@tag` occurs are visited: its comment documents the declaration after it. */
function scan(file: ts.SourceFile, tag: string): readonly string[] {
  const names = new Set<string>();
  for (const match of file.text.matchAll(new RegExp(`@${escapeRegExp(tag)}\\b`, 'gu'))) {
    for (let node: ts.Node | undefined = innermostNodeAt(file, match.index); node && !ts.isSourceFile(node); node = node.parent) {
      const declarations = ts.isVariableStatement(node) ? node.declarationList.declarations : [node];
      for (const declaration of declarations) {
        const name = declarationNameText(ts.getNameOfDeclaration(declaration as ts.Declaration));
        if (name !== undefined && ts.getJSDocTags(declaration).some((found) => found.tagName.text === tag)) names.add(name);
      }
    }
  }
  return [...names];
}

function namesOf(file: ts.SourceFile, tag: string): readonly string[] {
  let byTag = namesBySourceFile.get(file);
  if (!byTag) {
    byTag = new Map();
    namesBySourceFile.set(file, byTag);
  }
  let names = byTag.get(tag);
  if (!names) {
    names = scan(file, tag);
    byTag.set(tag, names);
  }
  return names;
}

/**
 * The names of every declaration in the program whose JSDoc carries `@tag` (`tag` without the
 * `@`). A name outside the set cannot resolve to a declaration with the tag, nor inherit it (an
 * inherited tag comes from a base member of the same name). Scanned once per source file and tag
 * (an editor's next program shares the unchanged files' trees), merged once per program and tag.
 */
export function namesWithTag(program: ts.Program, tag: string): ReadonlySet<string> {
  let byTag = namesByProgram.get(program);
  if (!byTag) {
    byTag = new Map();
    namesByProgram.set(program, byTag);
  }
  let names = byTag.get(tag);
  if (!names) {
    // The scan climbs parent pointers, which the binder sets; creating the checker binds every file.
    program.getTypeChecker();
    const merged = new Set<string>();
    for (const file of program.getSourceFiles()) for (const name of namesOf(file, tag)) merged.add(name);
    names = merged;
    byTag.set(tag, names);
  }
  return names;
}
