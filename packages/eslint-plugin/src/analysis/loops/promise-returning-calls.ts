import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleePath } from './callee-path.js';
import { resolveCallback } from './function-resolution.js';

/** Globals that always return a promise. */
const PROMISE_GLOBALS = new Set(['fetch']);

/**
 * Untyped answer to "does this call return a promise?": `fetch(…)`, a `.then(…)`/`.finally(…)`
 * chain, or a call to an `async` function or method declared in this file.
 */
export function returnsPromiseBySyntax(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const path = calleePath(call.callee);
  const name = path?.at(-1);
  if (path?.length === 1 && name !== undefined && PROMISE_GLOBALS.has(name)) return true;
  if (path && path.length > 1 && (name === 'then' || name === 'finally')) return true;
  const callee = call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
  const resolved = resolveCallback(callee, sourceCode);
  return resolved.kind === 'local' && resolved.fn.async;
}
