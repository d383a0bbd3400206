import { basename } from 'node:path';
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { judgeFunctionDeclaration } from './self-guarded-function.js';
import { loadTypeScript } from './typescript-module.js';

/** What typed mode adds to the loop analysis; every member answers from the TypeScript program. */
export interface TypedLoopFacts {
  /** Whether a `for await` source is an array or tuple (or a union of them), so the loop is finite. */
  isArrayLike: (node: TSESTree.Expression) => boolean;
  /** Whether a call goes to a project function whose own body catches everything. */
  isSelfGuardedCall: (call: TSESTree.CallExpression) => boolean;
  /**
   * For an imported timer callback: undefined when its body is guarded or cannot be read
   * (a library), else the file that declares it.
   */
  unguardedImportedFunction: (identifier: TSESTree.Identifier) => { file: string } | undefined;
  /** Whether a call's result is a promise or another thenable. */
  returnsPromise: (call: TSESTree.CallExpression) => boolean;
}

/** Builds the typed facts for one file from its parser services. */
export function createTypedLoopFacts(services: ParserServicesWithTypeInformation): TypedLoopFacts {
  const checker = services.program.getTypeChecker();
  const program = services.program;

  const isProjectDeclaration = (declaration: ts.Node): boolean => {
    const file = declaration.getSourceFile();
    return !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file);
  };

  const isArrayType = (type: ts.Type): boolean =>
    type.isUnion() ? type.types.every(isArrayType) : checker.isArrayType(type) || checker.isTupleType(type);

  const declarationOf = (identifier: TSESTree.Identifier): ts.Declaration | undefined => {
    let symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(identifier));
    // An import binding is an alias; the function lives where the alias points.
    if (symbol && (symbol.flags & loadTypeScript().SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  };

  const isThenable = (type: ts.Type): boolean =>
    type.isUnion() ? type.types.some(isThenable) : type.getProperty('then') !== undefined;

  return {
    returnsPromise: (call) => isThenable(services.getTypeAtLocation(call)),
    isArrayLike: (node) => isArrayType(services.getTypeAtLocation(node)),
    isSelfGuardedCall: (call) => {
      const tsCall = services.esTreeNodeToTSNodeMap.get(call);
      const declaration = checker.getResolvedSignature(tsCall)?.getDeclaration() as ts.Node | undefined;
      return declaration !== undefined && isProjectDeclaration(declaration) && judgeFunctionDeclaration(declaration) === 'guarded';
    },
    unguardedImportedFunction: (identifier) => {
      const declaration = declarationOf(identifier);
      if (!declaration || !isProjectDeclaration(declaration)) return undefined;
      if (judgeFunctionDeclaration(declaration) !== 'unguarded') return undefined;
      return { file: basename(declaration.getSourceFile().fileName) };
    },
  };
}
