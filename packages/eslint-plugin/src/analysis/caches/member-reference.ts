import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { stripTypeWrappers } from '../type-wrappers.js';

/**
 * A reference to a cache or sentinel, normalised so a write and an update on the same object can
 * be matched: `this.cache` → `{ owner: 'this', name: 'cache' }`, `this.fetcher.cache` →
 * `{ owner: 'this.fetcher', name: 'cache' }`, a module variable `cache` → `{ owner: '', name: 'cache' }`.
 */
export interface MemberReference {
  /** Source text of the object the member belongs to; `''` for a plain variable. */
  readonly owner: string;
  /** Member or variable name; private names keep their `#`. */
  readonly name: string;
  /** The expression that was normalised. */
  readonly node: TSESTree.Expression;
}

function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : node.property.name;
  }
  if (node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') {
    return node.property.value;
  }
  return undefined;
}

/** Owner text without optional-chaining marks or layout, so `a?.b` and `a.b` are the same object. */
function ownerText(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.Identifier:
      return node.name;
    case AST_NODE_TYPES.MemberExpression: {
      const object = ownerText(node.object, sourceCode);
      const name = memberName(node);
      return object === undefined || name === undefined ? undefined : `${object}.${name}`;
    }
    case AST_NODE_TYPES.TSNonNullExpression:
      return ownerText(node.expression, sourceCode);
    default:
      return undefined;
  }
}

/** Normalises `node` into a member reference, or `undefined` when it is not a plain member path. */
export function toMemberReference(
  node: TSESTree.Expression,
  sourceCode: Readonly<TSESLint.SourceCode>,
): MemberReference | undefined {
  const bare = stripTypeWrappers(node);
  if (bare.type === AST_NODE_TYPES.Identifier) return { owner: '', name: bare.name, node: bare };
  if (bare.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(bare);
  const owner = ownerText(bare.object, sourceCode);
  return name === undefined || owner === undefined ? undefined : { owner, name, node: bare };
}

/** The key under which updates of a sentinel are recorded and looked up. */
export function referenceKey(owner: string, name: string): string {
  return owner === '' ? name : `${owner}.${name}`;
}
