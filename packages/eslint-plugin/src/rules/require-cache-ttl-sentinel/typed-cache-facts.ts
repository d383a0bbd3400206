import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import type { CachePair } from '../../analysis/caches/cache-pairs.js';
import type { ReceiverKind } from '../../analysis/caches/cache-writes.js';
import type { MemberReference } from '../../analysis/caches/member-reference.js';
import type { ContainerKind } from '../../analysis/caches/mutating-methods.js';
import { RUNTIME_TTL_CACHE } from '../../analysis/caches/self-timestamping-cache.js';
import { isTimestampPropertyName } from '../../analysis/caches/timestamped-entries.js';
import { namesWithTag } from '../../analysis/tagged-declaration-names.js';

/** Where the runtime's declarations live, installed (`@steadfast/runtime`) or in this repository. */
const RUNTIME_PATH = /[\\/](?:@steadfast[\\/]runtime|reference-runtime)[\\/]/;

const CONTAINER_SYMBOLS: ReadonlyMap<string, ContainerKind> = new Map([
  ['Map', 'Map'],
  ['ReadonlyMap', 'Map'],
  ['Set', 'Set'],
  ['WeakMap', 'WeakMap'],
  ['WeakSet', 'WeakSet'],
  ['Array', 'Array'],
]);

/** What typed mode adds to the rule, each answered through the type checker. */
export interface TypedCacheFacts {
  /** The built-in container a receiver is, or `'other'`. */
  readonly receiverKind: ReceiverKind;
  /** Pairing from a `@ttlSentinel` tag on the member's declaration, wherever it is declared. */
  pairFromTag(reference: MemberReference): CachePair | undefined;
  /** Whether an expression's type stores its freshness per entry (`TtlCache`, `Map<K, { storedAt }>`). */
  isSelfTimestampingExpression(node: TSESTree.Node): boolean;
  /** The same, for a field, parameter property or variable declaration. */
  isSelfTimestampingDeclaration(node: TSESTree.Node): boolean;
}

/** Builds the typed answers for one file; only called when `getTypeServices` returned services. */
export function typedCacheFacts(
  services: ParserServicesWithTypeInformation,
  selfTimestampingTypes: readonly string[],
): TypedCacheFacts {
  const checker = services.program.getTypeChecker();
  // Only a name some declaration tags `@ttlSentinel` can pair through a tag: others skip the checker.
  const taggedNames = namesWithTag(services.program, 'ttlSentinel');

  function isSelfTimestampingType(type: ts.Type): boolean {
    const symbol = type.getSymbol() ?? type.aliasSymbol;
    const name = symbol?.getName();
    if (name === undefined) return false;
    if (selfTimestampingTypes.includes(name)) return true;
    if (name === RUNTIME_TTL_CACHE.name) {
      return (symbol?.getDeclarations() ?? []).some((declaration) => RUNTIME_PATH.test(declaration.getSourceFile().fileName));
    }
    if (!CONTAINER_SYMBOLS.has(name)) return false;
    const entry = checker.getTypeArguments(type as ts.TypeReference).at(-1);
    // Data properties only: an array's `at()` method is not a timestamp.
    return (
      entry !== undefined &&
      checker
        .getPropertiesOfType(entry)
        .some(
          (property) =>
            isTimestampPropertyName(property.getName()) && checker.getTypeOfSymbol(property).getCallSignatures().length === 0,
        )
    );
  }

  return {
    receiverKind(receiver) {
      const type = services.getTypeAtLocation(receiver);
      const name = (type.getSymbol() ?? type.aliasSymbol)?.getName();
      return (name === undefined ? undefined : CONTAINER_SYMBOLS.get(name)) ?? 'other';
    },

    pairFromTag(reference) {
      if (reference.node.type !== AST_NODE_TYPES.MemberExpression || !taggedNames.has(reference.name)) return undefined;
      const symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(reference.node.property));
      const tag = symbol?.getJsDocTags(checker).find((candidate) => candidate.name === 'ttlSentinel');
      const text = tag?.text?.map((part) => part.text).join('').trim().split(/\s+/)[0];
      if (text === undefined || text === '') return undefined;
      return { cache: reference.name, sentinel: text.replace(/^this\./, ''), source: 'tag' };
    },

    isSelfTimestampingExpression(node) {
      return isSelfTimestampingType(services.getTypeAtLocation(node));
    },

    isSelfTimestampingDeclaration(node) {
      const target =
        node.type === AST_NODE_TYPES.PropertyDefinition
          ? node.key
          : node.type === AST_NODE_TYPES.VariableDeclarator
            ? node.id
            : node.type === AST_NODE_TYPES.TSParameterProperty
              ? node.parameter
              : undefined;
      return target !== undefined && isSelfTimestampingType(services.getTypeAtLocation(target));
    },
  };
}
