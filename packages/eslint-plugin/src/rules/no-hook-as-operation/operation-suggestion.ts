import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import type { CompilerApi, FunctionLikeDeclaration } from '../../analysis/call-graph/compiler-api.js';
import type { FunctionNode } from './function-node.js';
import { classMember, enclosingClassOfThis } from './local-resolution.js';
import type { UntypedCallee } from './untyped-callee.js';

/** A safe edit: rename the called member to the operation's, keeping receiver and arguments. */
export interface OperationEdit {
  target: TSESTree.Identifier;
  memberName: string;
}

/**
 * The operation's member name when it is declared on the hook's own class (`@hook releaseEpic`,
 * or `@hook EpicManager.releaseEpic` on an `EpicManager` method): only then does the call's
 * receiver also reach the operation. Any other operation would need a different receiver, which
 * no suggestion can know.
 */
function sameClassMemberName(operation: string, hookClassName: string | undefined): string | undefined {
  const parts = operation.split('.');
  if (parts.length === 1) return parts[0];
  if (parts.length === 2 && hookClassName !== undefined && parts[0] === hookClassName) return parts[1];
  return undefined;
}

function renamableProperty(call: TSESTree.CallExpression): TSESTree.Identifier | undefined {
  const callee = call.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && !callee.optional && callee.property.type === AST_NODE_TYPES.Identifier
    ? callee.property
    : undefined;
}

/** Whether the call's result is used: a suggestion then also needs a compatible return type. */
function resultIsUsed(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  if (node.parent?.type === AST_NODE_TYPES.AwaitExpression) node = node.parent;
  const parent = node.parent;
  return !(parent?.type === AST_NODE_TYPES.ExpressionStatement || (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void'));
}

interface ParameterShape {
  optional: boolean;
  rest: boolean;
  typeText: string | undefined;
}

function parameterShape(sourceCode: Readonly<TSESLint.SourceCode>, parameter: TSESTree.Parameter): ParameterShape {
  const inner = parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : parameter;
  if (inner.type === AST_NODE_TYPES.RestElement) return { optional: true, rest: true, typeText: undefined };
  if (inner.type === AST_NODE_TYPES.AssignmentPattern) {
    const annotation = inner.left.typeAnnotation;
    return { optional: true, rest: false, typeText: annotation ? sourceCode.getText(annotation.typeAnnotation) : undefined };
  }
  const annotation = inner.typeAnnotation;
  return {
    optional: inner.type === AST_NODE_TYPES.Identifier && inner.optional,
    rest: false,
    typeText: annotation ? sourceCode.getText(annotation.typeAnnotation) : undefined,
  };
}

function returnTypeText(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): string | undefined {
  return fn.returnType ? sourceCode.getText(fn.returnType.typeAnnotation) : undefined;
}

/**
 * Untyped: the edit is safe when the operation is a method of the hook's class in this file,
 * equally static, equally async, visible at the call, and every argument's parameter is written
 * with the same type in both signatures (and so is the return type when the result is used).
 */
export function untypedOperationEdit(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  hook: UntypedCallee,
  operation: string,
): OperationEdit | undefined {
  const target = renamableProperty(call);
  if (!target || !hook.fn || !hook.owner) return undefined;
  const memberName = sameClassMemberName(operation, hook.owner.node.id?.name);
  if (memberName === undefined || memberName === target.name) return undefined;
  const found = classMember(hook.owner.node, memberName, hook.owner.isStatic);
  if (!found || found.member.key.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const restricted = found.member.accessibility === 'private' || found.member.accessibility === 'protected';
  if (restricted && enclosingClassOfThis(call) !== hook.owner.node) return undefined;
  const operationFn = found.fn;
  if (operationFn.async !== hook.fn.async) return undefined;
  if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const operationParameters = operationFn.params.map((parameter) => parameterShape(sourceCode, parameter));
  const hookParameters = hook.fn.params.map((parameter) => parameterShape(sourceCode, parameter));
  if (operationParameters.some((parameter) => parameter.rest)) return undefined;
  const required = operationParameters.filter((parameter) => !parameter.optional).length;
  if (call.arguments.length < required || call.arguments.length > operationParameters.length) return undefined;
  for (let index = 0; index < call.arguments.length; index += 1) {
    const expected = operationParameters[index]?.typeText;
    if (expected === undefined || expected !== hookParameters[index]?.typeText) return undefined;
  }
  if (resultIsUsed(call)) {
    const returned = returnTypeText(sourceCode, operationFn);
    if (returned === undefined || returned !== returnTypeText(sourceCode, hook.fn)) return undefined;
  }
  return { target, memberName };
}

function isPromiseLike(checker: ts.TypeChecker, type: ts.Type): boolean {
  // Thenables are what `await` unwraps; checking `then` also covers Promise subclasses and unions of them.
  return checker.getPropertyOfType(checker.getApparentType(type), 'then') !== undefined;
}

/**
 * Typed: the same conditions, decided by the checker: each argument is assignable to the
 * operation's parameter, the operation's result is assignable to the hook's where it is used,
 * and both return a promise or neither does (so no promise is left floating).
 */
export function typedOperationEdit(
  api: CompilerApi,
  checker: ts.TypeChecker,
  call: TSESTree.CallExpression,
  tsCall: ts.CallExpression,
  hook: FunctionLikeDeclaration,
  operation: string,
): OperationEdit | undefined {
  const target = renamableProperty(call);
  const owner = hook.parent;
  if (!target || !api.isClassLike(owner) || !api.isMethodDeclaration(hook)) return undefined;
  const memberName = sameClassMemberName(operation, owner.name?.text);
  if (memberName === undefined || memberName === target.name) return undefined;
  const isStatic = (api.getCombinedModifierFlags(hook) & api.ModifierFlags.Static) !== 0;
  const candidate = owner.members.find(
    (member): member is ts.MethodDeclaration =>
      api.isMethodDeclaration(member) &&
      api.isIdentifier(member.name) &&
      member.name.text === memberName &&
      ((api.getCombinedModifierFlags(member) & api.ModifierFlags.Static) !== 0) === isStatic,
  );
  if (!candidate) return undefined;
  if ((api.getCombinedModifierFlags(candidate) & (api.ModifierFlags.Private | api.ModifierFlags.Protected)) !== 0) return undefined;
  if (tsCall.arguments.some((argument) => api.isSpreadElement(argument))) return undefined;
  const operationSignature = checker.getSignatureFromDeclaration(candidate);
  const hookSignature = checker.getSignatureFromDeclaration(hook);
  if (!operationSignature || !hookSignature) return undefined;
  const parameters = candidate.parameters;
  if (parameters.some((parameter) => parameter.dotDotDotToken)) return undefined;
  const required = parameters.filter((parameter) => !parameter.questionToken && !parameter.initializer).length;
  if (tsCall.arguments.length < required || tsCall.arguments.length > parameters.length) return undefined;
  for (const [index, argument] of tsCall.arguments.entries()) {
    const parameter = operationSignature.parameters[index];
    if (!parameter) return undefined;
    if (!checker.isTypeAssignableTo(checker.getTypeAtLocation(argument), checker.getTypeOfSymbol(parameter))) return undefined;
  }
  const operationReturn = checker.getReturnTypeOfSignature(operationSignature);
  const hookReturn = checker.getReturnTypeOfSignature(hookSignature);
  if (isPromiseLike(checker, operationReturn) !== isPromiseLike(checker, hookReturn)) return undefined;
  if (resultIsUsed(call) && !checker.isTypeAssignableTo(operationReturn, hookReturn)) return undefined;
  return { target, memberName };
}
