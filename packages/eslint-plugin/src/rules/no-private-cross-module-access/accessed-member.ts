import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** A member access the rule judges: `object.name`, `object['name']`, or `{ name } = object`. */
export interface AccessedMember {
  /** The expression whose member is reached. */
  object: TSESTree.Expression;
  /** The member's name. */
  name: string;
  /** The node that spells the name; where a report and a suggestion point. */
  key: TSESTree.Node;
  /** How the name is spelled: `dot`, a string key in brackets, or a destructuring key. */
  spelling: 'dot' | 'bracket' | 'destructuring';
}

function staticKey(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The member a `MemberExpression` reaches, when its name is static. */
export function memberOfExpression(node: TSESTree.MemberExpression): AccessedMember | undefined {
  if (!node.computed) {
    if (node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
    return { object: node.object, name: node.property.name, key: node.property, spelling: 'dot' };
  }
  const name = staticKey(node.property);
  return name === undefined ? undefined : { object: node.object, name, key: node.property, spelling: 'bracket' };
}

/**
 * The members an object pattern takes out of a known value: `const { _executor } = dispatcher`
 * or `({ _executor } = dispatcher)`. Patterns of parameters have no value to judge.
 */
export function membersOfPattern(pattern: TSESTree.ObjectPattern): AccessedMember[] {
  const parent = pattern.parent;
  let source: TSESTree.Expression | undefined;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === pattern && parent.init) source = parent.init;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === pattern) source = parent.right;
  if (!source) return [];
  const members: AccessedMember[] = [];
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = property.computed
      ? staticKey(property.key)
      : property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : staticKey(property.key);
    if (name !== undefined) members.push({ object: source, name, key: property.key, spelling: 'destructuring' });
  }
  return members;
}
