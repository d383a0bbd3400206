import type ts from 'typescript';

/**
 * The TypeScript compiler API the call graph runs on, passed in rather than imported: the rule
 * hands it the `typescript` that typescript-eslint loaded, the tracer hands it ts-morph's bundled
 * copy. Each program is only ever read with the API instance that created it.
 */
export type CompilerApi = typeof ts;

/** A declaration that can be called and may have a body to walk. */
export type FunctionLikeDeclaration = ts.SignatureDeclaration;
