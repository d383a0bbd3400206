import ts from 'typescript';

/** Why a member counts as private; the order is the precedence when several apply. */
export type PrivacyReason = 'typescript-private' | 'typescript-protected' | 'private-tag' | 'internal-tag' | 'convention';

/** What the declaration of a member says about its privacy, independent of the access site. */
export interface MemberDeclarationFacts {
  /** `private`/`protected` modifier, if any. */
  modifier: 'private' | 'protected' | undefined;
  /** JSDoc `@private` on the declaration. */
  privateTag: boolean;
  /** JSDoc `@internal` on the declaration. */
  internalTag: boolean;
  /**
   * Whether the naming convention applies: a member of one of the project's own classes or module
   * singletons, not written `public` and not decorated (ORM fields), and not a property of an
   * interface, a type literal, a data object literal or a dependency's types (`node_modules`,
   * the default library, `declare module 'pkg'`).
   */
  conventionApplies: boolean;
  /** Absolute file name of the (first) declaration. */
  fileName: string;
  /** `Class.member` when declared in a class, else the bare name. */
  displayName: string;
  /** The class declaring the member, for `protected` checks against subclasses. */
  declaringClass: ts.ClassLikeDeclaration | undefined;
}

function isDependencyFile(program: ts.Program, file: ts.SourceFile): boolean {
  return (
    program.isSourceFileFromExternalLibrary(file) ||
    program.isSourceFileDefaultLibrary(file) ||
    file.fileName.includes('/node_modules/')
  );
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

function isDecorated(node: ts.Node): boolean {
  return ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;
}

function isModuleLevel(node: ts.Node): boolean {
  let current = node.parent;
  while (current && !ts.isSourceFile(current)) {
    if (ts.isFunctionLike(current) || ts.isClassLike(current) || ts.isBlock(current)) return false;
    current = current.parent;
  }
  return true;
}

/*
 * A top-level `const x = { … }` with at least one function-valued member behaves like a module
 * singleton with state; a literal of plain values is data, whose underscore keys are public names.
 */
function isSingletonLiteral(literal: ts.ObjectLiteralExpression): boolean {
  const holder = literal.parent;
  if (!ts.isVariableDeclaration(holder) || holder.initializer !== literal || !isModuleLevel(holder)) return false;
  return literal.properties.some(
    (property) =>
      ts.isMethodDeclaration(property) ||
      ts.isGetAccessorDeclaration(property) ||
      ts.isSetAccessorDeclaration(property) ||
      (ts.isPropertyAssignment(property) &&
        (ts.isArrowFunction(property.initializer) || ts.isFunctionExpression(property.initializer))),
  );
}

/* `declare module 'pkg' { … }` describes a dependency, wherever the project keeps the file. */
function isInAmbientModule(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isModuleDeclaration(current) && ts.isStringLiteral(current.name)) return true;
  }
  return false;
}

function conventionApplies(declaration: ts.Declaration, program: ts.Program): boolean {
  // A module's own symbol (`default` of a JSON import, a namespace) is declared by a whole file.
  if (!(declaration.parent as ts.Node | undefined)) return false;
  if (isDependencyFile(program, declaration.getSourceFile()) || isInAmbientModule(declaration)) return false;
  if (hasModifier(declaration, ts.SyntaxKind.PublicKeyword) || isDecorated(declaration)) return false;
  const parent = declaration.parent;
  if (ts.isParameter(declaration)) return ts.isParameterPropertyDeclaration(declaration, parent);
  if (ts.isClassElement(declaration) && ts.isClassLike(parent)) return true;
  if (ts.isObjectLiteralElementLike(declaration) && ts.isObjectLiteralExpression(parent)) {
    return isSingletonLiteral(parent);
  }
  if (ts.isVariableDeclaration(declaration) || ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration)) {
    return isModuleLevel(declaration);
  }
  return false;
}

function declaringClassOf(declaration: ts.Declaration): ts.ClassLikeDeclaration | undefined {
  const parent = declaration.parent as ts.Node | undefined;
  if (!parent) return undefined;
  if (ts.isClassLike(parent)) return parent;
  if (ts.isParameter(declaration) && ts.isConstructorDeclaration(parent) && ts.isClassLike(parent.parent)) {
    return parent.parent;
  }
  return undefined;
}

function factsOf(symbol: ts.Symbol, checker: ts.TypeChecker, program: ts.Program): MemberDeclarationFacts | null {
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (!declaration) return null;
  const tags = symbol.getJsDocTags(checker).map((tag) => tag.name);
  const declaringClass = declaringClassOf(declaration);
  const className = declaringClass?.name?.text;
  return {
    modifier: hasModifier(declaration, ts.SyntaxKind.PrivateKeyword)
      ? 'private'
      : hasModifier(declaration, ts.SyntaxKind.ProtectedKeyword)
        ? 'protected'
        : undefined,
    privateTag: tags.includes('private'),
    internalTag: tags.includes('internal'),
    conventionApplies: conventionApplies(declaration, program),
    fileName: declaration.getSourceFile().fileName,
    displayName: className ? `${className}.${symbol.name}` : symbol.name,
    declaringClass,
  };
}

const factsByProgram = new WeakMap<ts.Program, Map<ts.Symbol, MemberDeclarationFacts | null>>();
let factComputations = 0;

/**
 * The declaration facts of a member symbol, computed once per TypeScript program: every file of
 * a lint run that reaches `Dispatcher._executor` shares one JSDoc and modifier lookup. The cache
 * dies with the program, so editors never see stale tags after a rebuild.
 */
export function getMemberDeclarationFacts(
  symbol: ts.Symbol,
  checker: ts.TypeChecker,
  program: ts.Program,
): MemberDeclarationFacts | null {
  let bySymbol = factsByProgram.get(program);
  if (!bySymbol) {
    bySymbol = new Map();
    factsByProgram.set(program, bySymbol);
  }
  const cached = bySymbol.get(symbol);
  if (cached !== undefined) return cached;
  factComputations += 1;
  const facts = factsOf(symbol, checker, program);
  bySymbol.set(symbol, facts);
  return facts;
}

/** How many times declaration facts were computed in this process; tests count cache misses with it. */
export function memberFactComputations(): number {
  return factComputations;
}

/**
 * The one reason a member is private, given the name convention's verdict: a TypeScript modifier
 * first, then an explicit tag, and the underscore only as a fallback — so an `@internal` member
 * named `_x` follows its package boundary, not the file boundary of the convention.
 */
export function privacyReasonOf(facts: MemberDeclarationFacts, nameLooksPrivate: boolean): PrivacyReason | undefined {
  if (facts.modifier === 'private') return 'typescript-private';
  if (facts.modifier === 'protected') return 'typescript-protected';
  if (facts.privateTag) return 'private-tag';
  if (facts.internalTag) return 'internal-tag';
  if (nameLooksPrivate && facts.conventionApplies) return 'convention';
  return undefined;
}
