import type ts from 'typescript';
import type { CompilerApi, FunctionLikeDeclaration } from './compiler-api.js';

/** A call the call graph follows: a call, a `new`, or a tagged template. */
export type CallSite = ts.CallExpression | ts.NewExpression;

/**
 * The declaration a call reaches, found through the checker — by declaration, never by name, so
 * two unrelated methods that share a name stay apart. A function stored in a variable or a class
 * field resolves to the function itself.
 */
export function resolveCallee(
  api: CompilerApi,
  checker: ts.TypeChecker,
  call: CallSite,
): FunctionLikeDeclaration | undefined {
  const declaration = checker.getResolvedSignature(call)?.declaration;
  if (declaration && !api.isJSDocSignature(declaration)) return unwrapStoredFunction(api, declaration);
  const symbol = checker.getSymbolAtLocation(calleeNameNode(api, call.expression));
  if (!symbol) return undefined;
  const target = symbol.flags & api.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  for (const candidate of target.declarations ?? []) {
    const unwrapped = unwrapStoredFunction(api, candidate);
    if (unwrapped) return unwrapped;
  }
  return undefined;
}

function calleeNameNode(api: CompilerApi, expression: ts.Expression): ts.Node {
  let current = expression;
  while (api.isParenthesizedExpression(current) || api.isNonNullExpression(current)) current = current.expression;
  return api.isPropertyAccessExpression(current) ? current.name : current;
}

/** `const f = () => …` and `handler = async () => …` resolve to the arrow function. */
export function unwrapStoredFunction(api: CompilerApi, declaration: ts.Node): FunctionLikeDeclaration | undefined {
  if (api.isFunctionLike(declaration)) return declaration;
  if (
    (api.isVariableDeclaration(declaration) || api.isPropertyDeclaration(declaration) || api.isPropertyAssignment(declaration)) &&
    declaration.initializer &&
    (api.isArrowFunction(declaration.initializer) || api.isFunctionExpression(declaration.initializer))
  ) {
    return declaration.initializer;
  }
  return undefined;
}

/** Whether a declaration belongs to the project (not a `.d.ts`, not a dependency), so its body may be followed. */
export function isProjectDeclaration(program: ts.Program, declaration: ts.Node): boolean {
  const file = declaration.getSourceFile();
  return !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file);
}

/** The function a value expression refers to (`drainTask`, `this.drain`, `jobs.drain`), through aliases. */
export function resolveFunctionValue(
  api: CompilerApi,
  checker: ts.TypeChecker,
  expression: ts.Node,
): FunctionLikeDeclaration | undefined {
  if (api.isFunctionLike(expression)) return expression;
  const symbol = checker.getSymbolAtLocation(api.isPropertyAccessExpression(expression) ? expression.name : expression);
  if (!symbol) return undefined;
  const target = symbol.flags & api.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  for (const candidate of target.declarations ?? []) {
    const unwrapped = unwrapStoredFunction(api, candidate);
    if (unwrapped) return unwrapped;
  }
  return undefined;
}
