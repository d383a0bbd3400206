import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** A member of a class, or a variable of a module, that may be a cache or a sentinel. */
export interface OwnedDeclaration {
  /** Member or variable name; private names keep their `#`. */
  readonly name: string;
  /** The node JSDoc is read from. */
  readonly node: TSESTree.Node;
  /** Declared type, when written. */
  readonly typeAnnotation?: TSESTree.TypeNode | undefined;
  /** Initial value, when written. */
  readonly initializer?: TSESTree.Expression | undefined;
}

function keyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}

/**
 * The data members of a class: fields, constructor parameter properties, and members first
 * assigned as `this.x = …` in the constructor (the plain-JavaScript way of declaring them).
 */
export function classDataMembers(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): OwnedDeclaration[] {
  const members: OwnedDeclaration[] = [];
  const seen = new Set<string>();
  const add = (declaration: OwnedDeclaration): void => {
    if (seen.has(declaration.name)) return;
    seen.add(declaration.name);
    members.push(declaration);
  };
  for (const element of classNode.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition || element.type === AST_NODE_TYPES.AccessorProperty) {
      const name = keyName(element.key, element.computed);
      if (name !== undefined) {
        add({ name, node: element, typeAnnotation: element.typeAnnotation?.typeAnnotation, initializer: element.value ?? undefined });
      }
    }
  }
  const constructor = classNode.body.body.find(
    (element): element is TSESTree.MethodDefinition =>
      element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor',
  );
  if (!constructor) return members;
  for (const parameter of constructor.value.params) {
    if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
    const inner = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
    if (inner.type === AST_NODE_TYPES.Identifier) {
      add({ name: inner.name, node: parameter, typeAnnotation: inner.typeAnnotation?.typeAnnotation });
    }
  }
  for (const statement of constructor.value.body?.body ?? []) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (
      expression.type === AST_NODE_TYPES.AssignmentExpression &&
      expression.left.type === AST_NODE_TYPES.MemberExpression &&
      expression.left.object.type === AST_NODE_TYPES.ThisExpression
    ) {
      const name = keyName(expression.left.property, expression.left.computed);
      if (name !== undefined) add({ name, node: statement, initializer: expression.right });
    }
  }
  return members;
}

/** The variables a module declares at its top level (exported or not). */
export function moduleVariables(program: TSESTree.Program): OwnedDeclaration[] {
  const variables: OwnedDeclaration[] = [];
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
      variables.push({
        name: declarator.id.name,
        node: declarator,
        typeAnnotation: declarator.id.typeAnnotation?.typeAnnotation,
        initializer: declarator.init ?? undefined,
      });
    }
  }
  return variables;
}
