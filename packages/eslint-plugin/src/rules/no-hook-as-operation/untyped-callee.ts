import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { DeclarationFacts } from '../../analysis/vocabulary/declaration-roles.js';
import { functionFacts, keyText, type ClassNode, type FunctionNode } from './function-node.js';
import { classMember, declaredClassOfReceiver, enclosingClassOfThis, resolveIdentifier } from './local-resolution.js';

/** A callee found without type information. */
export interface UntypedCallee {
  facts: DeclarationFacts;
  /** The callee's function when it is declared in the linted file. */
  fn: FunctionNode | undefined;
  /** Its class and whether it is static, for methods declared in the linted file. */
  owner: { node: ClassNode; isStatic: boolean } | undefined;
}

function importedFacts(qualifiedName: string): DeclarationFacts {
  // Declared in another file: without types only settings can say what it is.
  return { qualifiedName, tags: [], classTags: [], decorators: [], className: qualifiedName.split('.').slice(0, -1).join('.') || undefined };
}

function memberOfClass(
  sourceCode: Readonly<TSESLint.SourceCode>,
  owner: ClassNode,
  name: string,
  isStatic: boolean,
): UntypedCallee | undefined {
  const found = classMember(owner, name, isStatic);
  if (found) return { facts: functionFacts(sourceCode, found.fn), fn: found.fn, owner: { node: owner, isStatic } };
  return owner.id ? { facts: importedFacts(`${owner.id.name}.${name}`), fn: undefined, owner: undefined } : undefined;
}

function memberOfNamedClass(
  sourceCode: Readonly<TSESLint.SourceCode>,
  className: TSESTree.Identifier,
  name: string,
  isStatic: boolean,
): UntypedCallee | undefined {
  const target = resolveIdentifier(sourceCode, className);
  if (target.kind === 'class') return memberOfClass(sourceCode, target.node, name, isStatic);
  if (target.kind === 'import' && target.importedName !== '*' && target.importedName !== 'default') {
    return { facts: importedFacts(`${target.importedName}.${name}`), fn: undefined, owner: undefined };
  }
  return undefined;
}

/**
 * Resolves a call's callee from syntax and scope alone: a local or imported function, a method of
 * `this` class, a method of a receiver whose class is written in a type annotation or a `new`,
 * or a static method. Anything else stays unresolved rather than guessed from a name.
 */
export function resolveUntypedCallee(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): UntypedCallee | undefined {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const target = resolveIdentifier(sourceCode, callee);
    if (target.kind === 'function') return { facts: functionFacts(sourceCode, target.fn), fn: target.fn, owner: undefined };
    if (target.kind === 'import' && target.importedName !== '*' && target.importedName !== 'default') {
      return { facts: importedFacts(target.importedName), fn: undefined, owner: undefined };
    }
    return undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = keyText(callee.property, callee.computed);
  if (name === undefined) return undefined;
  const receiver = callee.object;
  if (receiver.type === AST_NODE_TYPES.ThisExpression) {
    const owner = enclosingClassOfThis(callee);
    return owner ? memberOfClass(sourceCode, owner, name, false) : undefined;
  }
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    const target = resolveIdentifier(sourceCode, receiver);
    if (target.kind === 'class') return memberOfClass(sourceCode, target.node, name, true);
  }
  const className = declaredClassOfReceiver(sourceCode, receiver);
  return className ? memberOfNamedClass(sourceCode, className, name, false) : undefined;
}
