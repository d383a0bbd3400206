import type ts from 'typescript';

/**
 * The TypeScript compiler API the call graph runs on, passed in rather than imported: the rule
 * hands it the `typescript` that typescript-eslint loaded, the tracer hands it ts-morph's bundled
 * copy. Each program is only ever read with the API instance that created it.
 */
export type CompilerApi = typeof ts;

/**
 * A declaration a call can reach: a function or method (which may have a body to walk), or a
 * function-valued slot — a property, variable or parameter typed as a function, such as an event
 * listener option `onJobFailed?: (event) => void`, whose JSDoc says what it is.
 */
export type FunctionLikeDeclaration =
  | ts.SignatureDeclaration
  | ts.PropertySignature
  | ts.PropertyDeclaration
  | ts.VariableDeclaration
  | ts.ParameterDeclaration;
