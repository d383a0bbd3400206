import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  Node,
  Project,
  SyntaxKind,
  type ClassDeclaration,
  type ClassInstanceMemberTypes,
  type ClassStaticBlockDeclaration,
  type ClassStaticMemberTypes,
  type Expression,
  type ParameterDeclaration,
  type SourceFile,
} from 'ts-morph';
import { publicNameOf } from '../analysis/boundaries/private-name.js';
import { SteadfastError } from '../errors/plugin-error.js';
import { isIdentifierName, parsePublicizeTarget, type PublicizeTarget } from './publicize-target.js';
import { unifiedDiff } from './unified-diff.js';

/** What to make public, and how. */
export interface PublicizeOptions {
  /** `<file>:<Class>.<member>`, or the parsed target. */
  target: string | PublicizeTarget;
  /** The project's `tsconfig.json`; default: the nearest one above the target file. */
  tsConfigFilePath?: string;
  /** The public name; default: the member's name without its leading underscores. */
  publicName?: string;
  /** Compute and describe the change, write nothing. */
  dryRun?: boolean;
  /** Directory relative paths are resolved against and printed from; default: `process.cwd()`. */
  cwd?: string;
}

/** One line the codemod changed. */
export interface ChangedLine {
  line: number;
  before: string;
  after: string;
}

/** Every change made to one file. */
export interface FileChange {
  /** Path relative to `cwd`, with `/` separators. */
  file: string;
  lines: ChangedLine[];
  /** Unified diff of the file. */
  diff: string;
}

/** What the codemod did (or, in a dry run, would do). */
export interface PublicizeResult {
  className: string;
  from: string;
  to: string;
  tsConfigFilePath: string;
  files: FileChange[];
  /** String keys and cast accesses TypeScript's rename does not see, fixed separately. */
  stringKeyEdits: number;
  /** Mentions of the old name left anywhere (comments, strings, unrelated members), as `file:line`. */
  leftoverMentions: string[];
  /** Type errors in the project before and after the change; equal unless something broke. */
  typeErrors: { before: number; after: number };
  dryRun: boolean;
}

type RenamableMember = Exclude<ClassInstanceMemberTypes | ClassStaticMemberTypes, ClassStaticBlockDeclaration> | ParameterDeclaration;

function displayPath(cwd: string, file: string): string {
  return relative(cwd, file).split(sep).join('/');
}

function findTsConfig(file: string): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const candidate = join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function findMember(cls: ClassDeclaration, name: string): RenamableMember | undefined {
  const member = cls.getInstanceMember(name) ?? cls.getStaticMember(name);
  if (member && !Node.isClassStaticBlockDeclaration(member)) return member;
  return undefined;
}

function stripCasts(expression: Expression): Expression {
  let current: Node = expression;
  while (
    Node.isAsExpression(current) ||
    Node.isTypeAssertion(current) ||
    Node.isNonNullExpression(current) ||
    Node.isParenthesizedExpression(current) ||
    Node.isSatisfiesExpression(current)
  ) {
    current = current.getExpression();
  }
  return current as Expression;
}

interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/*
 * Accesses TypeScript's rename cannot see: `obj['_old']` string keys, and `(obj as any)._old`
 * where the cast erased the type. Each is matched by the type of the object under its casts,
 * so an unrelated `_old` on another type is left alone.
 */
function accessesOutsideRename(project: Project, declaration: Node, oldName: string, newName: string): Map<SourceFile, TextEdit[]> {
  const isTarget = (object: Expression): boolean => {
    const property = stripCasts(object).getType().getApparentType().getProperty(newName);
    return property?.getDeclarations().some((node) => node === declaration) ?? false;
  };
  const edits = new Map<SourceFile, TextEdit[]>();
  const add = (file: SourceFile, edit: TextEdit): void => {
    const list = edits.get(file) ?? [];
    list.push(edit);
    edits.set(file, list);
  };
  for (const file of project.getSourceFiles()) {
    if (file.isDeclarationFile() || file.isFromExternalLibrary()) continue;
    for (const access of file.getDescendantsOfKind(SyntaxKind.ElementAccessExpression)) {
      const key = access.getArgumentExpression();
      if (!key || !(Node.isStringLiteral(key) || Node.isNoSubstitutionTemplateLiteral(key))) continue;
      if (key.getLiteralText() !== oldName || !isTarget(access.getExpression())) continue;
      const quote = key.getText().charAt(0);
      add(file, { start: key.getStart(), end: key.getEnd(), text: `${quote}${newName}${quote}` });
    }
    for (const access of file.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)) {
      if (access.getName() !== oldName || !isTarget(access.getExpression())) continue;
      const name = access.getNameNode();
      add(file, { start: name.getStart(), end: name.getEnd(), text: newName });
    }
  }
  return edits;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((left, right) => right.start - left.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

function changedLines(before: string, after: string): ChangedLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return [];
  const lines: ChangedLine[] = [];
  a.forEach((line, index) => {
    const next = b[index] ?? '';
    if (line !== next) lines.push({ line: index + 1, before: line.trim(), after: next.trim() });
  });
  return lines;
}

function wordPattern(name: string): RegExp {
  return new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
}

/**
 * Renames a class member to its public name across a whole TypeScript project: the declaration,
 * every reference TypeScript knows, and the string keys and cast accesses it does not. Refuses
 * (with a `SteadfastError`) when the file is not in the project, the member does not exist, or
 * the public name is taken; writes nothing in a dry run.
 */
export function publicize(options: PublicizeOptions): PublicizeResult {
  const cwd = options.cwd ?? process.cwd();
  const target = typeof options.target === 'string' ? parsePublicizeTarget(options.target) : options.target;
  const file = resolve(cwd, target.file);
  const tsConfigFilePath = options.tsConfigFilePath ? resolve(cwd, options.tsConfigFilePath) : findTsConfig(file);
  if (!tsConfigFilePath || !existsSync(tsConfigFilePath)) {
    throw new SteadfastError(
      'CODEMOD_FILE_NOT_IN_PROJECT',
      `No tsconfig.json found for ${displayPath(cwd, file)}: pass --project <tsconfig.json>.`,
    );
  }
  const project = new Project({ tsConfigFilePath });
  const sourceFile = project.getSourceFile(file);
  if (!sourceFile) {
    throw new SteadfastError(
      'CODEMOD_FILE_NOT_IN_PROJECT',
      `${displayPath(cwd, file)} is not part of the project ${displayPath(cwd, tsConfigFilePath)} (check the file name and the tsconfig "include").`,
    );
  }
  const cls = sourceFile.getClass(target.className);
  if (!cls) {
    throw new SteadfastError(
      'CODEMOD_MEMBER_NOT_FOUND',
      `${displayPath(cwd, file)} declares no class ${target.className}.`,
    );
  }
  const member = findMember(cls, target.member);
  if (!member) {
    throw new SteadfastError(
      'CODEMOD_MEMBER_NOT_FOUND',
      `Class ${target.className} in ${displayPath(cwd, file)} has no member ${target.member}.`,
    );
  }
  const publicName = options.publicName ?? publicNameOf(target.member);
  if (publicName === undefined || !isIdentifierName(publicName) || publicName === target.member) {
    throw new SteadfastError(
      'CODEMOD_BAD_TARGET',
      `Cannot derive a public name from ${target.member}${options.publicName === undefined ? '' : ` (got "${options.publicName}")`}: pass --name <publicName>.`,
    );
  }
  const holders = [cls, ...cls.getDerivedClasses()];
  const taken = cls.getType().getProperty(publicName) ?? cls.getStaticMember(publicName);
  const takenInSubclass = holders.find((holder) => findMember(holder, publicName) !== undefined);
  if (taken || takenInSubclass) {
    throw new SteadfastError(
      'CODEMOD_NAME_TAKEN',
      `${takenInSubclass?.getName() ?? target.className}.${publicName} already exists: renaming ${target.className}.${target.member} would merge two members. Pick another name with --name.`,
    );
  }

  const ownFiles = project.getSourceFiles().filter((source) => !source.isDeclarationFile() && !source.isFromExternalLibrary());
  const originalText = new Map(ownFiles.map((source) => [source, source.getFullText()]));
  const typeErrorsBefore = project.getPreEmitDiagnostics().length;

  // Analyse first, then manipulate: every manipulation resets the program.
  member.rename(publicName, { usePrefixAndSuffixText: true, renameInComments: false, renameInStrings: false });
  const renamed = findMember(cls, publicName);
  const stringEdits = renamed ? accessesOutsideRename(project, renamed, target.member, publicName) : new Map<SourceFile, TextEdit[]>();
  let stringKeyEdits = 0;
  for (const [source, edits] of stringEdits) {
    stringKeyEdits += edits.length;
    source.replaceWithText(applyEdits(source.getFullText(), edits));
  }

  const files: FileChange[] = [];
  const leftoverMentions: string[] = [];
  for (const [source, before] of originalText) {
    const after = source.getFullText();
    const label = displayPath(cwd, source.getFilePath());
    after.split('\n').forEach((line, index) => {
      if (wordPattern(target.member).test(line)) leftoverMentions.push(`${label}:${index + 1}`);
    });
    if (after === before) continue;
    files.push({ file: label, lines: changedLines(before, after), diff: unifiedDiff(label, before, after) });
  }
  const typeErrorsAfter = project.getPreEmitDiagnostics().length;
  if (!options.dryRun) project.saveSync();
  return {
    className: target.className,
    from: target.member,
    to: publicName,
    tsConfigFilePath: displayPath(cwd, tsConfigFilePath),
    files: files.sort((left, right) => left.file.localeCompare(right.file)),
    stringKeyEdits,
    leftoverMentions,
    typeErrors: { before: typeErrorsBefore, after: typeErrorsAfter },
    dryRun: options.dryRun === true,
  };
}
