import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { OwnedDeclaration } from './cache-declarations.js';
import { hasTimestampMember, isTimestampedTypeLiteral } from './timestamped-entries.js';

/** The runtime's cache that stores value and freshness together, so it never needs a sentinel. */
export const RUNTIME_TTL_CACHE = { name: 'TtlCache', module: '@steadfast/runtime' } as const;

/** What the file says about names a declaration may refer to. */
export interface DeclarationContext {
  /** Local import name → module specifier and the name it is exported under. */
  readonly imports: ReadonlyMap<string, { readonly module: string; readonly imported: string }>;
  /** Extra class names whose instances carry their own freshness (rule option). */
  readonly selfTimestampingTypes: ReadonlySet<string>;
  /** Type aliases and interfaces of the file, by name, to look into `Map<K, CachedIssue>`. */
  readonly localTypes: ReadonlyMap<string, TSESTree.TypeNode | TSESTree.TSInterfaceBody>;
}

function typeName(node: TSESTree.EntityName | TSESTree.Expression): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.TSQualifiedName) return node.right.name;
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    return node.property.name;
  }
  return undefined;
}

/** Whether a class name is the runtime's `TtlCache` (imported from it) or a configured one. */
export function isSelfTimestampingClassName(name: string, context: DeclarationContext): boolean {
  if (context.selfTimestampingTypes.has(name)) return true;
  const imported = context.imports.get(name);
  return imported?.module === RUNTIME_TTL_CACHE.module && imported.imported === RUNTIME_TTL_CACHE.name;
}

function isTimestampedEntryType(node: TSESTree.TypeNode | undefined, context: DeclarationContext, depth = 0): boolean {
  if (!node || depth > 3) return false;
  if (isTimestampedTypeLiteral(node)) return true;
  if (node.type === AST_NODE_TYPES.TSTypeReference) {
    const name = typeName(node.typeName);
    const local = name === undefined ? undefined : context.localTypes.get(name);
    if (local?.type === AST_NODE_TYPES.TSInterfaceBody) {
      return hasTimestampMember(local.body);
    }
    if (local) return isTimestampedEntryType(local, context, depth + 1);
  }
  return false;
}

/** Whether a container type (`Map<K, V>`, `Record<K, V>`, `V[]`) stores timestamped entries, or is a self-timestamping class. */
function isSelfTimestampingType(node: TSESTree.TypeNode, context: DeclarationContext): boolean {
  if (node.type === AST_NODE_TYPES.TSArrayType) return isTimestampedEntryType(node.elementType, context);
  if (node.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const name = typeName(node.typeName);
  if (name === undefined) return false;
  if (isSelfTimestampingClassName(name, context)) return true;
  const entry = node.typeArguments?.params.at(-1);
  return ['Map', 'WeakMap', 'Record', 'Array', 'ReadonlyMap'].includes(name) && isTimestampedEntryType(entry, context);
}

/**
 * Whether a cache declaration needs no sentinel because every entry, or the container itself,
 * carries its freshness: `new TtlCache(…)` from `@steadfast/runtime`, a configured class, or a
 * container whose entries are typed `{ value, storedAt }`.
 */
export function isSelfTimestampingDeclaration(declaration: OwnedDeclaration, context: DeclarationContext): boolean {
  if (declaration.typeAnnotation && isSelfTimestampingType(declaration.typeAnnotation, context)) return true;
  const init = declaration.initializer;
  if (init?.type !== AST_NODE_TYPES.NewExpression) return false;
  const name = typeName(init.callee);
  if (name === undefined) return false;
  if (isSelfTimestampingClassName(name, context)) return true;
  const entry = init.typeArguments?.params.at(-1);
  return ['Map', 'WeakMap', 'Array'].includes(name) && isTimestampedEntryType(entry, context);
}

/** Collects what {@link isSelfTimestampingDeclaration} needs to know about a file. */
export function declarationContext(program: TSESTree.Program, selfTimestampingTypes: readonly string[]): DeclarationContext {
  const imports = new Map<string, { module: string; imported: string }>();
  const localTypes = new Map<string, TSESTree.TypeNode | TSESTree.TSInterfaceBody>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      for (const specifier of statement.specifiers) {
        const imported =
          specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier
            ? specifier.imported.name
            : specifier.local.name;
        imports.set(specifier.local.name, { module: statement.source.value, imported });
      }
      continue;
    }
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration) localTypes.set(declaration.id.name, declaration.typeAnnotation);
    if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration) localTypes.set(declaration.id.name, declaration.body);
  }
  return { imports, selfTimestampingTypes: new Set(selfTimestampingTypes), localTypes };
}
