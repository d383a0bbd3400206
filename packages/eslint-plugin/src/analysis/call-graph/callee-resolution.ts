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
  // The callee's own symbol first: a function stored in a typed variable or slot would otherwise
  // resolve to the function *type* it is declared with, losing its body and its JSDoc.
  const byName = declarationOfSymbol(api, checker, checker.getSymbolAtLocation(calleeNameNode(api, call.expression)));
  if (byName) return byName;
  const declaration = checker.getResolvedSignature(call)?.declaration;
  return declaration && !api.isJSDocSignature(declaration) ? unwrapStoredFunction(api, declaration) : undefined;
}

/** Whether a declaration holds a function value without defining one itself. */
function isFunctionSlot(
  api: CompilerApi,
  declaration: ts.Declaration,
): declaration is ts.PropertySignature | ts.PropertyDeclaration | ts.VariableDeclaration | ts.ParameterDeclaration {
  return (
    api.isPropertySignature(declaration) ||
    api.isPropertyDeclaration(declaration) ||
    api.isVariableDeclaration(declaration) ||
    api.isParameter(declaration)
  );
}

/**
 * The declaration a symbol stands for: a function with a body (an implementation over its
 * overloads, the function stored in a variable), else a bodiless signature (`.d.ts`, interface),
 * else a function-valued slot.
 */
function declarationOfSymbol(api: CompilerApi, checker: ts.TypeChecker, symbol: ts.Symbol | undefined): FunctionLikeDeclaration | undefined {
  if (!symbol) return undefined;
  const target = symbol.flags & api.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declarations = target.declarations ?? [];
  const functions = declarations.flatMap((candidate) => {
    const unwrapped = unwrapStoredFunction(api, candidate);
    return unwrapped ? [unwrapped] : [];
  });
  return (
    functions.find((candidate) => 'body' in candidate && candidate.body !== undefined) ??
    functions[0] ??
    declarations.find((candidate) => isFunctionSlot(api, candidate))
  );
}

function calleeNameNode(api: CompilerApi, expression: ts.Expression): ts.Node {
  let current = expression;
  while (api.isParenthesizedExpression(current) || api.isNonNullExpression(current)) current = current.expression;
  return api.isPropertyAccessExpression(current) ? current.name : current;
}

/** `const f = () => …` and `handler = async () => …` resolve to the arrow function. */
export function unwrapStoredFunction(api: CompilerApi, declaration: ts.Node): ts.SignatureDeclaration | undefined {
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
  return declarationOfSymbol(api, checker, checker.getSymbolAtLocation(api.isPropertyAccessExpression(expression) ? expression.name : expression));
}
