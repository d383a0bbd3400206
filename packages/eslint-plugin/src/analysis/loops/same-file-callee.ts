import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { resolveCallback, type FunctionNode } from './function-resolution.js';

/**
 * Untyped answer to "does this call go to a function that catches everything itself?": the callee
 * is declared in this file (`helper()`, `this.refresh()`), and `isGuardedBody` finds nothing in its
 * body that can throw unguarded. Verdicts are kept per function, and a function still being judged
 * (recursion) counts as unguarded, so the judgement always ends.
 */
export function createSameFileGuardJudge(
  sourceCode: Readonly<TSESLint.SourceCode>,
  isGuardedBody: (fn: FunctionNode) => boolean,
): (call: TSESTree.CallExpression) => boolean {
  const verdicts = new Map<FunctionNode, boolean>();
  return (call) => {
    const callee = call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
    const resolved = resolveCallback(callee, sourceCode);
    // A generator's body runs later, on iteration; its call is not what fails.
    if (resolved.kind !== 'local' || resolved.fn.generator) return false;
    const known = verdicts.get(resolved.fn);
    if (known !== undefined) return known;
    verdicts.set(resolved.fn, false);
    const guarded = isGuardedBody(resolved.fn);
    verdicts.set(resolved.fn, guarded);
    return guarded;
  };
}
