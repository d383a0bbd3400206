import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { OwnedDeclaration } from '../../analysis/caches/cache-declarations.js';

/**
 * Whether an expression means the same thing anywhere in the file: it reads only `this`, literals,
 * globals and module-level names (`this.clock.now()`, `Date.now()`), never a local variable.
 */
function isPortable(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
      return variable === null || variable.scope.block.type === AST_NODE_TYPES.Program;
    }
    case AST_NODE_TYPES.MemberExpression:
      return isPortable(node.object, sourceCode) && (!node.computed || isPortable(node.property, sourceCode));
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return isPortable(node.callee, sourceCode) && node.arguments.every((argument) => isPortable(argument, sourceCode));
    case AST_NODE_TYPES.BinaryExpression:
      return isPortable(node.left, sourceCode) && isPortable(node.right, sourceCode);
    default:
      return false;
  }
}

/**
 * The value to give a sentinel in a suggested update: the one the file already uses for it when
 * that reads the same anywhere, else `new Date()` for a `Date` sentinel, else `Date.now()`.
 */
export function freshValueText(
  sentinel: string,
  assignments: readonly TSESTree.AssignmentExpression[],
  declaration: OwnedDeclaration | undefined,
  sourceCode: Readonly<TSESLint.SourceCode>,
): string {
  for (const assignment of assignments) {
    const left = assignment.left;
    const name =
      left.type === AST_NODE_TYPES.Identifier
        ? left.name
        : left.type === AST_NODE_TYPES.MemberExpression && !left.computed
          ? left.property.type === AST_NODE_TYPES.PrivateIdentifier
            ? `#${left.property.name}`
            : left.property.name
          : undefined;
    if (name === sentinel && assignment.operator === '=' && isPortable(assignment.right, sourceCode)) {
      return sourceCode.getText(assignment.right);
    }
  }
  const type = declaration?.typeAnnotation;
  const isDate =
    (type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'Date') ||
    (type?.type === AST_NODE_TYPES.TSUnionType &&
      type.types.some((member) => member.type === AST_NODE_TYPES.TSTypeReference && member.typeName.type === AST_NODE_TYPES.Identifier && member.typeName.name === 'Date')) ||
    (declaration?.initializer?.type === AST_NODE_TYPES.NewExpression &&
      declaration.initializer.callee.type === AST_NODE_TYPES.Identifier &&
      declaration.initializer.callee.name === 'Date');
  return isDate ? 'new Date()' : 'Date.now()';
}

const STATEMENT_LISTS = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.StaticBlock,
]);

/**
 * The statement after which an update can be inserted: the expression statement the write is the
 * whole expression of (through `await`, `?.` and `void`), directly inside a statement list.
 */
export function insertionStatement(write: TSESTree.Node): TSESTree.ExpressionStatement | undefined {
  let current: TSESTree.Node = write;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.ChainExpression ||
      current.parent.type === AST_NODE_TYPES.AwaitExpression ||
      (current.parent.type === AST_NODE_TYPES.UnaryExpression && current.parent.operator === 'void'))
  ) {
    current = current.parent;
  }
  const statement = current.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || !statement.parent) return undefined;
  return STATEMENT_LISTS.has(statement.parent.type) ? statement : undefined;
}

/** Leading whitespace of the line a node starts on, to indent an inserted statement like it. */
export function indentationOf(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)?.[0] ?? '';
}
