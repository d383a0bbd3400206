import { dirname, join, relative, sep } from 'node:path';
import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { originOf } from '../analysis/boundaries/import-origin.js';
import {
  getMemberDeclarationFacts,
  privacyReasonOf,
  type MemberDeclarationFacts,
  type PrivacyReason,
} from '../analysis/boundaries/member-privacy.js';
import { declaredPrivacyNames } from '../analysis/boundaries/declared-privacy-names.js';
import { crossesBoundary, type ModuleBoundary, type PackageRootCache } from '../analysis/boundaries/module-boundary.js';
import { DEFAULT_PRIVATE_PATTERN, privateNameMatcher, publicNameOf } from '../analysis/boundaries/private-name.js';
import { approximateModulePath, isOwnCodeModuleSpecifier } from '../analysis/boundaries/relative-module-path.js';
import { ReleaseUnits, type InternalBoundary } from '../analysis/boundaries/release-unit.js';
import { getTypeServices } from '../analysis/type-services.js';
import { createRule } from '../util/create-rule.js';
import { memberOfExpression, membersOfPattern, type AccessedMember } from './no-private-cross-module-access/accessed-member.js';
import { memberNamesOfClassBody } from './no-private-cross-module-access/declared-member-names.js';
import { stripCasts } from './no-private-cross-module-access/strip-casts.js';

/** The options object of `no-private-cross-module-access`. */
export interface NoPrivateCrossModuleAccessOptions {
  /** Regular expression (Unicode mode) a member name must match to be private by convention. */
  privatePattern?: string;
  /** The module a private member belongs to: its file, its directory, or its nearest `package.json`. */
  boundary?: ModuleBoundary;
  /** Names that are public whatever the pattern says (`_id`, `_meta`). */
  allowNames?: string[];
  /**
   * How far `@internal` (and, in TypeScript files, `@private`) reaches: the package, or its
   * release unit — the package plus workspace siblings that depend on it with an exact pin.
   */
  internalBoundary?: InternalBoundary;
}

/** The rule's options tuple. */
export type Options = [NoPrivateCrossModuleAccessOptions];

/** Identifiers of the rule's messages. */
export type MessageId = 'privateAccess' | 'declaredPrivateAccess' | 'usePublicMember';

const REASON_TEXT: Record<PrivacyReason, string> = {
  'typescript-private': 'declared `private`',
  'typescript-protected': 'declared `protected`',
  'private-tag': 'tagged `@private`',
  'internal-tag': 'tagged `@internal`',
  convention: 'named with the private prefix',
};

/* Written the way an import from the accessing file would spell it, so it reads the same untyped. */
function displayPath(fromFile: string, fileName: string): string {
  const shown = relative(dirname(fromFile), fileName).split(sep).join('/');
  return `'${shown.startsWith('.') ? shown : `./${shown}`}'`;
}

function isOwnReceiver(object: TSESTree.Expression): boolean {
  const { expression } = stripCasts(object);
  return expression.type === AST_NODE_TYPES.ThisExpression || expression.type === AST_NODE_TYPES.Super;
}

function enclosingClasses(node: TSESTree.Node): (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[] {
  const classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[] = [];
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) {
      classes.push(current);
    }
  }
  return classes;
}

function derivesFrom(type: ts.Type, base: ts.ClassLikeDeclaration, checker: ts.TypeChecker, depth = 0): boolean {
  if (depth > 20 || !type.isClassOrInterface()) return false;
  for (const parent of checker.getBaseTypes(type)) {
    if (parent.symbol?.declarations?.includes(base) === true) return true;
    if (derivesFrom(parent, base, checker, depth + 1)) return true;
  }
  return false;
}

/* A write through the public name could hit a getter-only member, so writes get no suggestion. */
function isWriteTarget(key: TSESTree.Node): boolean {
  const access = key.parent;
  const parent = access?.parent;
  if (!access || !parent) return false;
  return (
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === access) ||
    parent.type === AST_NODE_TYPES.UpdateExpression ||
    (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete')
  );
}

/*
 * TypeScript reads JSDoc `@private` as the `private` modifier in JavaScript files only; in a
 * TypeScript file, where the keyword exists, the tag hides a member from API docs (TypeDoc,
 * JSDoc) — TypeScript even forbids `private abstract`, so an abstract `@private` member is one the
 * package calls by design. Such a tag is read like `@internal`.
 */
const JAVASCRIPT_FILE = /\.[cm]?jsx?$/u;

function readsLikeInternal(reason: PrivacyReason, fileName: string): boolean {
  return reason === 'internal-tag' || (reason === 'private-tag' && !JAVASCRIPT_FILE.test(fileName));
}

/*
 * Per TypeScript program, like the declaration facts: package.json files are read once per lint
 * run, and an editor's next program (after any edit) reads them afresh.
 */
const releaseUnitsByProgram = new WeakMap<ts.Program, ReleaseUnits>();

function releaseUnitsOf(program: ts.Program): ReleaseUnits {
  let units = releaseUnitsByProgram.get(program);
  if (!units) {
    const options = program.getCompilerOptions();
    // Resolved as the compiler resolves the package's own imports: `paths` first, then node_modules.
    units = new ReleaseUnits((dependency, fromRoot) => {
      const containingFile = join(fromRoot, 'index.ts');
      for (const mode of [ts.ModuleKind.ESNext, ts.ModuleKind.CommonJS] as const) {
        const resolved = ts.resolveModuleName(dependency, containingFile, options, ts.sys, undefined, undefined, mode).resolvedModule;
        if (resolved) return resolved.resolvedFileName;
      }
      return undefined;
    });
    releaseUnitsByProgram.set(program, units);
  }
  return units;
}

function lazy<T>(compute: () => T): () => T {
  let value: { of: T } | undefined;
  return () => (value ??= { of: compute() }).of;
}

/* The lines a `@ts-ignore` or `@ts-expect-error` comment silences: the line after the comment. */
function linesWithSilencedErrors(sourceCode: Readonly<TSESLint.SourceCode>): Set<number> {
  const lines = new Set<number>();
  for (const comment of sourceCode.getAllComments()) {
    if (/@ts-(?:ignore|expect-error)\b/u.test(comment.value)) lines.add(comment.loc.end.line + 1);
  }
  return lines;
}

/* A TypeScript file (not a JavaScript one) whose errors TypeScript reports (no `@ts-nocheck`). */
function isCheckedTypeScriptFile(fileName: string, text: string): boolean {
  return !JAVASCRIPT_FILE.test(fileName) && !text.includes('@ts-nocheck');
}

function resolveAlias(symbol: ts.Symbol, checker: ts.TypeChecker): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** The property symbol a typed access reaches, looking through casts to `any`/`unknown`. */
function memberSymbol(
  member: AccessedMember,
  services: ParserServicesWithTypeInformation,
  checker: ts.TypeChecker,
): ts.Symbol | undefined {
  const { expression, throughCast } = stripCasts(member.object);
  if (member.spelling === 'dot' && !throughCast) {
    const symbol = services.getSymbolAtLocation(member.key);
    if (symbol) return resolveAlias(symbol, checker);
  }
  const type = services.getTypeAtLocation(expression);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
  const property = checker.getPropertyOfType(checker.getApparentType(type), member.name);
  return property ? resolveAlias(property, checker) : undefined;
}

export default createRule<Options, MessageId>({
  name: 'no-private-cross-module-access',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reaching a member that is private to another module',
      recommended: true,
      typeAwareImprovement:
        'Resolves each member to its declaration, so tags (`@internal`, `@private`), TypeScript `private`/`protected` reached through brackets or casts, and any object — not only imports — are judged; interfaces and dependencies are never reported.',
    },
    hasSuggestions: true,
    messages: {
      privateAccess:
        "'{{member}}' is private to {{declaredIn}} ({{reason}}); this access reaches it from outside its {{boundary}}. Use its public API, or make it public in its own module (npx steadfast-publicize).",
      declaredPrivateAccess:
        "'{{member}}' is private to {{declaredIn}} ({{reason}}); this access reaches it from outside its {{boundary}}. Use its public API instead.",
      usePublicMember: "Use the public member '{{publicName}}' instead of '{{member}}'.",
    },
    schema: [
      {
        type: 'object',
        description: 'Options of no-private-cross-module-access.',
        properties: {
          privatePattern: {
            type: 'string',
            minLength: 1,
            description:
              'Regular expression (Unicode mode) a member name must match to be private by convention. Default: one leading underscore not followed by another.',
          },
          boundary: {
            type: 'string',
            enum: ['file', 'directory', 'package'],
            description:
              'The module a private member belongs to: its file, its directory, or the nearest package.json. `@internal` members (and `@private` ones in TypeScript files) follow `internalBoundary` instead.',
          },
          allowNames: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Member names that are public whatever the pattern says, such as `_id`.',
          },
          internalBoundary: {
            type: 'string',
            enum: ['release-unit', 'package'],
            description:
              'How far `@internal` (and `@private` in TypeScript files) reaches: `release-unit` (default) adds the workspace packages that depend on the declaring package with an exact pin (`workspace:*`); `package` is the nearest package.json only.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ privatePattern: DEFAULT_PRIVATE_PATTERN, boundary: 'file', allowNames: [], internalBoundary: 'release-unit' }],
  },
  create(context, [options]) {
    const pattern = options.privatePattern ?? DEFAULT_PRIVATE_PATTERN;
    let looksPrivate: (name: string) => boolean;
    try {
      looksPrivate = privateNameMatcher(pattern, options.allowNames ?? []);
    } catch (error) {
      throw new Error(
        `@steadfast/no-private-cross-module-access: "privatePattern" is not a valid regular expression: ${pattern}`,
        { cause: error },
      );
    }
    const boundary = options.boundary ?? 'file';
    const internalBoundary = options.internalBoundary ?? 'release-unit';
    const services = getTypeServices(context);
    const packageRoots: PackageRootCache = new Map();
    const filename = context.filename;

    // Only a name can be made public by renaming it; a modifier or a tag is the owner's decision.
    function report(
      node: TSESTree.Node,
      reason: PrivacyReason,
      data: Record<string, string>,
      suggestion?: TSESLint.ReportSuggestionArray<MessageId>,
    ): void {
      const messageId = reason === 'convention' ? 'privateAccess' : 'declaredPrivateAccess';
      context.report({ node, messageId, data, suggest: suggestion ?? [] });
    }

    if (services) {
      const checker = services.program.getTypeChecker();
      const program = services.program;
      const releaseUnits = releaseUnitsOf(program);
      // Only these names (and names that look private) can be private by modifier or tag.
      const declaredNames = declaredPrivacyNames(program);
      const suppressedLines = lazy(() => linesWithSilencedErrors(context.sourceCode));
      const checkedByTypeScript = isCheckedTypeScriptFile(filename, context.sourceCode.text);
      /*
       * TypeScript itself rejects `obj.secret` and `{ secret } = obj` for a `private`/`protected`
       * member outside where they are allowed, so such an access by dot needs the checker only
       * through a cast, in a file TypeScript does not check, or under `@ts-ignore`/`@ts-expect-error`.
       */
      const mayBePrivate = (member: AccessedMember): boolean => {
        const { name } = member;
        if (looksPrivate(name) || declaredNames.tagged.has(name)) return true;
        if (!declaredNames.modified.has(name)) return false;
        if (member.spelling === 'bracket' || !checkedByTypeScript || stripCasts(member.object).throughCast) return true;
        return suppressedLines().has(member.key.loc.start.line);
      };
      // An import cannot name a class member, so only tags and the convention apply to it.
      const mayBePrivateImport = (name: string): boolean => looksPrivate(name) || declaredNames.tagged.has(name);

      /** Whether a tag-private declaration in `toFile` is out of reach from this file. */
      const leavesTagReach = (toFile: string): boolean => {
        const from = releaseUnits.packageRootOf(filename) ?? '';
        const to = releaseUnits.packageRootOf(toFile) ?? '';
        if (from === to) return false;
        return internalBoundary === 'package' || !releaseUnits.sameReleaseUnit(from, to);
      };

      const isInsideSubclass = (member: AccessedMember, facts: MemberDeclarationFacts): boolean => {
        const declaringClass = facts.declaringClass;
        if (!declaringClass) return false;
        return enclosingClasses(member.key).some((classNode) => {
          const tsClass = services.esTreeNodeToTSNodeMap.get(classNode);
          return derivesFrom(checker.getTypeAtLocation(tsClass), declaringClass, checker);
        });
      };

      const publicAlternative = (member: AccessedMember, symbol: ts.Symbol): string | undefined => {
        if (member.spelling === 'destructuring' || isWriteTarget(member.key)) return undefined;
        const publicName = publicNameOf(member.name);
        if (publicName === undefined) return undefined;
        const type = checker.getApparentType(services.getTypeAtLocation(stripCasts(member.object).expression));
        const candidate = type.getProperty(publicName);
        if (!candidate || candidate === symbol) return undefined;
        const facts = getMemberDeclarationFacts(resolveAlias(candidate, checker), checker, program);
        if (!facts || privacyReasonOf(facts, looksPrivate(publicName)) !== undefined) return undefined;
        return publicName;
      };

      /**
       * The finding for a symbol reached from this file, if its privacy boundary is crossed. An
       * imported binding was exported on purpose: its underscore means "inside this package".
       */
      const judge = (
        symbol: ts.Symbol,
        name: string,
        imported = false,
      ): { facts: MemberDeclarationFacts; data: Record<string, string>; reason: PrivacyReason } | undefined => {
        const facts = getMemberDeclarationFacts(symbol, checker, program);
        if (!facts) return undefined;
        const reason = privacyReasonOf(facts, looksPrivate(name));
        if (!reason) return undefined;
        const byTag = readsLikeInternal(reason, facts.fileName);
        const reach: ModuleBoundary = byTag || (imported && reason === 'convention') ? 'package' : boundary;
        const crosses = byTag ? leavesTagReach(facts.fileName) : crossesBoundary(filename, facts.fileName, reach, packageRoots);
        if (!crosses) return undefined;
        const data = {
          member: facts.displayName,
          declaredIn: displayPath(filename, facts.fileName),
          reason: REASON_TEXT[reason],
          boundary: reach,
        };
        return { facts, data, reason };
      };

      const check = (member: AccessedMember): void => {
        if (isOwnReceiver(member.object) || !mayBePrivate(member)) return;
        const symbol = memberSymbol(member, services, checker);
        if (!symbol) return;
        const finding = judge(symbol, member.name);
        if (!finding) return;
        // A leading underscore reads as "protected" in most codebases (as pylint treats it): a
        // subclass may use what it inherits, through any instance.
        const subclassMayUse = finding.reason === 'typescript-protected' || finding.reason === 'convention';
        if (subclassMayUse && isInsideSubclass(member, finding.facts)) return;
        const publicName = publicAlternative(member, symbol);
        const key = member.key;
        report(
          key,
          finding.reason,
          finding.data,
          publicName === undefined
            ? []
            : [
                {
                  messageId: 'usePublicMember',
                  data: { publicName, member: member.name },
                  fix: (fixer) => {
                    if (member.spelling === 'dot') return fixer.replaceText(key, publicName);
                    const quote = context.sourceCode.getText(key).charAt(0);
                    return fixer.replaceText(key, `${quote}${publicName}${quote}`);
                  },
                },
              ],
        );
      };

      const checkImport = (specifier: TSESTree.ImportSpecifier): void => {
        const imported = specifier.imported;
        const name = imported.type === AST_NODE_TYPES.Identifier ? imported.name : String(imported.value);
        if (!mayBePrivateImport(name)) return;
        const symbol = services.getSymbolAtLocation(imported);
        if (!symbol) return;
        const finding = judge(resolveAlias(symbol, checker), name, true);
        if (finding) report(imported, finding.reason, finding.data);
      };

      return {
        MemberExpression(node) {
          const member = memberOfExpression(node);
          if (member) check(member);
        },
        ObjectPattern(node) {
          for (const member of membersOfPattern(node)) check(member);
        },
        ImportSpecifier: checkImport,
      };
    }

    // Untyped: only what this file can see. Candidates are judged at the end, once every class
    // member declared in the file is known.
    const candidates: AccessedMember[] = [];
    const declaredHere = new Set<string>();
    const consider = (member: AccessedMember | undefined): void => {
      if (member && looksPrivate(member.name) && !isOwnReceiver(member.object)) candidates.push(member);
    };
    return {
      ClassBody(node) {
        for (const name of memberNamesOfClassBody(node)) declaredHere.add(name);
      },
      MemberExpression(node) {
        consider(memberOfExpression(node));
      },
      ObjectPattern(node) {
        for (const member of membersOfPattern(node)) consider(member);
      },
      ImportDeclaration(node) {
        const source = node.source.value;
        if (node.importKind === 'type' || !isOwnCodeModuleSpecifier(source)) return;
        // An exported name was published on purpose: its underscore means "inside this package".
        const reach: ModuleBoundary = 'package';
        if (!crossesBoundary(filename, approximateModulePath(filename, source), reach, packageRoots)) return;
        for (const specifier of node.specifiers) {
          if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === 'type') continue;
          const name = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
          if (!looksPrivate(name)) continue;
          report(specifier.imported, 'convention', { member: name, declaredIn: `'${source}'`, reason: REASON_TEXT.convention, boundary: reach });
        }
      },
      'Program:exit'() {
        for (const member of candidates) {
          if (declaredHere.has(member.name)) continue;
          const origin = originOf(member.object, context.sourceCode);
          if (!origin) continue;
          if (!crossesBoundary(filename, approximateModulePath(filename, origin.source), boundary, packageRoots)) continue;
          report(member.key, 'convention', {
            member: member.name,
            declaredIn: `'${origin.source}'`,
            reason: REASON_TEXT.convention,
            boundary,
          });
        }
      },
    };
  },
});
