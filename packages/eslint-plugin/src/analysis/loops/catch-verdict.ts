import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { mentionsStopSignal } from './stop-vocabulary.js';

/**
 * What a `catch` (or a rejection handler) does for a loop:
 * - `guard`: it handles the error, so the loop goes on;
 * - `rethrows`: it throws again on a path that is not shutdown, so one bad iteration still ends the loop;
 * - `silent`: it handles the error by saying nothing, which is how the seed's loops died unnoticed.
 */
export type CatchVerdict = 'guard' | 'rethrows' | 'silent';

/** How deliberate silence is judged: report it, accept it when a comment says why, or accept it. */
export type SilentCatchPolicy = 'report' | 'allow-commented' | 'allow';

/**
 * Whether some path through the statements throws, other than a throw reached only under a
 * shutdown condition (`if (signal.aborted) throw err`). Nested functions do not run here.
 */
function throwsOutsideShutdown(statements: readonly TSESTree.Statement[]): boolean {
  return statements.some((statement) => statementThrows(statement));
}

function statementThrows(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return throwsOutsideShutdown(statement.body);
    case AST_NODE_TYPES.IfStatement:
      if (mentionsStopSignal(statement.test)) {
        // The consequent rethrows on shutdown, which is the loop's exit; the alternate is the normal path.
        return statement.alternate ? statementThrows(statement.alternate) : false;
      }
      return statementThrows(statement.consequent) || (statement.alternate ? statementThrows(statement.alternate) : false);
    case AST_NODE_TYPES.TryStatement:
      // A throw inside a nested try is caught there unless that try has no catch.
      return (
        (statement.handler === null && throwsOutsideShutdown(statement.block.body)) ||
        (statement.handler !== null && throwsOutsideShutdown(statement.handler.body.body)) ||
        (statement.finalizer !== null && throwsOutsideShutdown(statement.finalizer.body))
      );
    case AST_NODE_TYPES.SwitchStatement:
      return statement.cases.some((switchCase) => !(switchCase.test && mentionsStopSignal(switchCase.test)) && throwsOutsideShutdown(switchCase.consequent));
    case AST_NODE_TYPES.LabeledStatement:
      return statementThrows(statement.body);
    default:
      return false;
  }
}

function isSilent(block: TSESTree.BlockStatement, hasComment: boolean, policy: SilentCatchPolicy): boolean {
  if (block.body.length > 0 || policy === 'allow') return false;
  return !(policy === 'allow-commented' && hasComment);
}

/** Judges a `catch` clause; `hasComment` tells whether its block holds a comment. */
export function judgeCatchClause(clause: TSESTree.CatchClause, hasComment: boolean, policy: SilentCatchPolicy): CatchVerdict {
  if (throwsOutsideShutdown(clause.body.body)) return 'rethrows';
  return isSilent(clause.body, hasComment, policy) ? 'silent' : 'guard';
}

/** Whether an expression is `undefined`, `void 0` or `null`: a handler that is no handler. */
function isNothing(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  );
}

/**
 * Judges the handler of `.catch(handler)` / `.then(ok, handler)`. Missing, `undefined` or `null`
 * handlers are `undefined` (no guard at all); a handler given by name is trusted to handle.
 */
export function judgeRejectionHandler(
  handler: TSESTree.Node | undefined,
  hasComment: (node: TSESTree.Node) => boolean,
  policy: SilentCatchPolicy,
): CatchVerdict | undefined {
  if (!handler || handler.type === AST_NODE_TYPES.SpreadElement || isNothing(handler)) return undefined;
  if (handler.type !== AST_NODE_TYPES.ArrowFunctionExpression && handler.type !== AST_NODE_TYPES.FunctionExpression) return 'guard';
  if (handler.body.type !== AST_NODE_TYPES.BlockStatement) {
    if (isNothing(handler.body)) return policy === 'allow' ? 'guard' : 'silent';
    return 'guard';
  }
  if (throwsOutsideShutdown(handler.body.body)) return 'rethrows';
  return isSilent(handler.body, hasComment(handler.body), policy) ? 'silent' : 'guard';
}
