import ts from 'typescript';
import { declarationNameText } from '../declaration-name-text.js';
import { innermostNodeAt } from '../node-at-position.js';

/*
 * Typed mode used to ask the checker for the symbol of every member access, which makes
 * TypeScript check every property access of the file: as costly as no-floating-promises, and
 * mostly wasted, since a member can only be private by modifier or tag if some declaration in the
 * program says so. This index lists those declarations' names, read from the syntax trees the
 * program already holds, so an access by any other name (that does not look private by
 * convention) is decided without the checker.
 */

const MODIFIER_TEXT = /\b(?:private|protected)\b/gu;
const TAG_TEXT = /@(?:internal|private)\b/gu;
const PRIVACY_TAGS = new Set(['internal', 'private']);

/** Names a program's declarations make private, by kind of statement. */
export interface DeclaredPrivacyNames {
  /** Names of members declared `private` or `protected`. */
  readonly modified: ReadonlySet<string>;
  /** Names of declarations tagged `@internal`/`@private`, and renamed imports and exports. */
  readonly tagged: ReadonlySet<string>;
}

interface FileNames {
  modified: readonly string[];
  tagged: readonly string[];
}

const namesBySourceFile = new WeakMap<ts.SourceFile, FileNames>();
const namesByProgram = new WeakMap<ts.Program, DeclaredPrivacyNames>();
let sourceFileScans = 0;

function hasPrivacyTag(node: ts.Node): boolean {
  return ts.getJSDocTags(node).some((tag) => PRIVACY_TAGS.has(tag.tagName.text));
}

/* Declarations a tag or modifier can make private, reached by name from other files. */
function isNamedMemberOrDeclaration(node: ts.Node): node is ts.NamedDeclaration {
  return (
    ts.isClassElement(node) ||
    ts.isTypeElement(node) ||
    ts.isObjectLiteralElementLike(node) ||
    ts.isParameter(node) ||
    ts.isVariableDeclaration(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isEnumMember(node) ||
    ts.isModuleDeclaration(node)
  );
}

/*
 * A renamed import or export (`export { helper as api }`, `import { helper as api }` re-exported)
 * lets a tagged declaration be reached under another name; those names are candidates too.
 */
function collectAliases(statements: readonly ts.Statement[], names: Set<string>): void {
  for (const statement of statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) if (element.propertyName) names.add(element.name.text);
    } else if (ts.isImportDeclaration(statement) && statement.importClause?.namedBindings) {
      const bindings = statement.importClause.namedBindings;
      if (ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) if (element.propertyName) names.add(element.name.text);
      }
    } else if (ts.isImportEqualsDeclaration(statement)) {
      names.add(statement.name.text);
    } else if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) {
      collectAliases(statement.body.statements, names);
    }
  }
}

/*
 * Only the places where the words occur are visited (a 2 MB lib.dom.d.ts says "private" in a few
 * comments; walking all of it cost more than the checker work this index saves).
 */
function scan(file: ts.SourceFile): FileNames {
  sourceFileScans += 1;
  const modified = new Set<string>();
  const tagged = new Set<string>();
  collectAliases(file.statements, tagged);
  for (const match of file.text.matchAll(MODIFIER_TEXT)) {
    const keyword = innermostNodeAt(file, match.index);
    const owner = keyword.parent as ts.Node | undefined;
    if (
      (keyword.kind === ts.SyntaxKind.PrivateKeyword || keyword.kind === ts.SyntaxKind.ProtectedKeyword) &&
      owner &&
      isNamedMemberOrDeclaration(owner)
    ) {
      const name = declarationNameText(owner.name);
      if (name !== undefined) modified.add(name);
    }
  }
  for (const match of file.text.matchAll(TAG_TEXT)) {
    for (let node: ts.Node | undefined = innermostNodeAt(file, match.index); node && !ts.isSourceFile(node); node = node.parent) {
      // `/** @internal */ export const a = 1;` documents the statement; its declarations carry it.
      const declarations = ts.isVariableStatement(node) ? node.declarationList.declarations : [node];
      for (const declaration of declarations) {
        if (!isNamedMemberOrDeclaration(declaration) || !hasPrivacyTag(declaration)) continue;
        const name = declarationNameText(declaration.name);
        if (name !== undefined) tagged.add(name);
        if (ts.canHaveModifiers(declaration) && ts.getModifiers(declaration)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) {
          tagged.add('default');
        }
        // `/** @internal */ export const { a, b } = table;` makes both bound names internal.
        if (ts.isVariableDeclaration(declaration) && ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            const bound = declarationNameText(element.name);
            if (bound !== undefined) tagged.add(bound);
          }
        }
      }
    }
  }
  // `export default helper;` of a tagged local declaration reaches it as `default`.
  for (const statement of file.statements) {
    if (ts.isExportAssignment(statement) && !statement.isExportEquals && ts.isIdentifier(statement.expression) && tagged.has(statement.expression.text)) {
      tagged.add('default');
    }
  }
  return { modified: [...modified], tagged: [...tagged] };
}

function namesOf(file: ts.SourceFile): FileNames {
  let names = namesBySourceFile.get(file);
  if (!names) {
    names = scan(file);
    namesBySourceFile.set(file, names);
  }
  return names;
}

/**
 * Every name that some declaration in the program makes private by a `private`/`protected`
 * modifier, or by an `@internal`/`@private` tag (with renamed imports and exports, which may alias
 * such a declaration). Supersets: a name outside both cannot be private by modifier or tag.
 * Scanned once per source file (an editor's next program shares the unchanged files' trees, and
 * with them the scans) and merged once per program.
 */
export function declaredPrivacyNames(program: ts.Program): DeclaredPrivacyNames {
  let names = namesByProgram.get(program);
  if (!names) {
    // The scan climbs parent pointers, which the binder sets; creating the checker binds every file.
    program.getTypeChecker();
    const modified = new Set<string>();
    const tagged = new Set<string>();
    for (const file of program.getSourceFiles()) {
      const own = namesOf(file);
      for (const name of own.modified) modified.add(name);
      for (const name of own.tagged) tagged.add(name);
    }
    names = { modified, tagged };
    namesByProgram.set(program, names);
  }
  return names;
}

/** How many source files were scanned in this process; tests count cache misses with it. */
export function privacyNameScans(): number {
  return sourceFileScans;
}
