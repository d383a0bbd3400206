import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * Entries that carry their own freshness (`{ value, fetchedAt }`) have no separate sentinel to
 * forget, so writes of them are never reported. These are the property names that say so.
 */
const TIMESTAMP_PROPERTY = /^(?:at|ts|time|timestamp|expires|expiry|[A-Za-z0-9_$]*[a-z0-9_$](?:At|Time|Timestamp))$/;

/** `fetchedAt`, `storedAt`, `expiresAt`, `timestamp`, `loadTime` … */
export function isTimestampPropertyName(name: string): boolean {
  return TIMESTAMP_PROPERTY.test(name.replace(/^[_#]+/, ''));
}

function propertyName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Property || node.type === AST_NODE_TYPES.TSPropertySignature) {
    if (node.key.type === AST_NODE_TYPES.Identifier) return node.key.name;
    if (node.key.type === AST_NODE_TYPES.Literal && typeof node.key.value === 'string') return node.key.value;
  }
  return undefined;
}

/** Whether a written value is an object literal with a timestamp property. */
export function isTimestampedValue(node: TSESTree.Node | undefined): boolean {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return node.properties.some((property) => {
    const name = propertyName(property);
    return name !== undefined && isTimestampPropertyName(name);
  });
}

/** Whether the members of a type literal or interface include a timestamp property. */
export function hasTimestampMember(members: readonly TSESTree.TypeElement[]): boolean {
  return members.some((member) => {
    const name = propertyName(member);
    return name !== undefined && isTimestampPropertyName(name);
  });
}

/** Whether a type literal (`{ value: T; storedAt: number }`) has a timestamp property. */
export function isTimestampedTypeLiteral(node: TSESTree.TypeNode): boolean {
  return node.type === AST_NODE_TYPES.TSTypeLiteral && hasTimestampMember(node.members);
}
