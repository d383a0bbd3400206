import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

function keyName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}

/**
 * Names of the members a class body declares: fields, methods, accessors and constructor
 * parameter properties. Untyped, a name declared in the linted file may be that file's own class
 * reached through another instance (`other._x` inside `class A`), so it is never reported.
 */
export function memberNamesOfClassBody(body: TSESTree.ClassBody): string[] {
  const names: string[] = [];
  for (const element of body.body) {
    if (
      element.type === AST_NODE_TYPES.PropertyDefinition ||
      element.type === AST_NODE_TYPES.MethodDefinition ||
      element.type === AST_NODE_TYPES.AccessorProperty ||
      element.type === AST_NODE_TYPES.TSAbstractPropertyDefinition ||
      element.type === AST_NODE_TYPES.TSAbstractMethodDefinition ||
      element.type === AST_NODE_TYPES.TSAbstractAccessorProperty
    ) {
      const name = element.computed ? undefined : keyName(element.key);
      if (name !== undefined) names.push(name);
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      for (const parameter of element.value.params) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const bound =
          parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
        if (bound.type === AST_NODE_TYPES.Identifier) names.push(bound.name);
      }
    }
  }
  return names;
}
