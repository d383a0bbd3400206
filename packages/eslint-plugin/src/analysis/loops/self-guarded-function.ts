import type * as ts from 'typescript';
import { isStopName } from './stop-vocabulary.js';
import { loadTypeScript, type TypeScriptModule as TypeScript } from './typescript-module.js';

/** How a function's own body deals with errors; undefined when the declaration is not a function with a body. */
export type FunctionGuardVerdict = 'guarded' | 'unguarded';

function mentionsStop(text: string): boolean {
  return text.split(/[^A-Za-z0-9_$]+/).some((word) => word !== '' && isStopName(word));
}

function isFunctionBoundary(tsModule: TypeScript, node: ts.Node): boolean {
  return tsModule.isFunctionLike(node) || tsModule.isClassLike(node);
}

/** Whether a node contains a call, `new`, `await` or `throw` that runs where it is written. */
function canThrow(tsModule: TypeScript, node: ts.Node): boolean {
  if (isFunctionBoundary(tsModule, node)) return false;
  if (
    tsModule.isCallExpression(node) ||
    tsModule.isNewExpression(node) ||
    tsModule.isAwaitExpression(node) ||
    tsModule.isThrowStatement(node) ||
    tsModule.isTaggedTemplateExpression(node)
  ) {
    return true;
  }
  return tsModule.forEachChild(node, (child) => (canThrow(tsModule, child) ? true : undefined)) ?? false;
}

/** Whether a catch block throws again on some path that is not shutdown. */
function catchRethrows(tsModule: TypeScript, node: ts.Node): boolean {
  if (isFunctionBoundary(tsModule, node)) return false;
  if (tsModule.isThrowStatement(node)) return true;
  if (tsModule.isIfStatement(node) && mentionsStop(node.expression.getText())) {
    return node.elseStatement ? catchRethrows(tsModule, node.elseStatement) : false;
  }
  return tsModule.forEachChild(node, (child) => (catchRethrows(tsModule, child) ? true : undefined)) ?? false;
}

function isGuardingTry(tsModule: TypeScript, statement: ts.Statement): boolean {
  if (!tsModule.isTryStatement(statement) || !statement.catchClause) return false;
  const block = statement.catchClause.block;
  if (block.statements.length === 0 || catchRethrows(tsModule, block)) return false;
  return !statement.finallyBlock || !canThrow(tsModule, statement.finallyBlock);
}

/**
 * Typed mode: whether a function's own body catches everything — every statement that can throw
 * sits in a `try` whose `catch` logs or handles and does not rethrow. A call to such a function
 * cannot end the caller's loop. Reads the declaration's TypeScript tree, so it works across files.
 */
export function judgeFunctionDeclaration(declaration: ts.Node | undefined): FunctionGuardVerdict | undefined {
  if (!declaration) return undefined;
  const tsModule = loadTypeScript();
  let fn: ts.Node = declaration;
  if (tsModule.isVariableDeclaration(fn) && fn.initializer) fn = fn.initializer;
  if (tsModule.isPropertyDeclaration(fn) && fn.initializer) fn = fn.initializer;
  if (
    !(tsModule.isFunctionDeclaration(fn) || tsModule.isMethodDeclaration(fn) || tsModule.isFunctionExpression(fn) || tsModule.isArrowFunction(fn))
  ) {
    return undefined;
  }
  if (fn.asteriskToken || !fn.body || !tsModule.isBlock(fn.body)) return undefined;
  const guarded = fn.body.statements.every((statement) => isGuardingTry(tsModule, statement) || !canThrow(tsModule, statement));
  return guarded ? 'guarded' : 'unguarded';
}
