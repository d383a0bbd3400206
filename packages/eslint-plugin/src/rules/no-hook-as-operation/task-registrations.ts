import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { ResolvedSettings } from '../../analysis/settings.js';
import { registeredHandlerArguments } from '../../analysis/vocabulary/task-registration.js';
import { RUNTIME_WORKER_FACTORY, STEADFAST_RUNTIME_MODULE } from '../../analysis/vocabulary/tag-names.js';
import { keyText } from './function-node.js';
import { resolveIdentifier, unwrapHandler } from './local-resolution.js';

/** An expression registered as a background task, and the name the registration gives it. */
export interface RegisteredHandler {
  expression: TSESTree.Node;
  /** `tasks.significance`, `periodic.backup`, or `new Worker#1` for a settings registration. */
  registrationName: string;
}

/** `createWorker` as imported from the runtime, by any local name or through a namespace. */
function isRuntimeCreateWorker(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Expression): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const target = resolveIdentifier(sourceCode, callee);
    return target.kind === 'import' && target.source === STEADFAST_RUNTIME_MODULE && target.importedName === RUNTIME_WORKER_FACTORY;
  }
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    keyText(callee.property, callee.computed) === RUNTIME_WORKER_FACTORY
  ) {
    const target = resolveIdentifier(sourceCode, callee.object);
    return target.kind === 'import' && target.source === STEADFAST_RUNTIME_MODULE && target.importedName !== RUNTIME_WORKER_FACTORY;
  }
  return false;
}

/** An object literal written inline or held by a local `const`. */
function objectLiteralOf(sourceCode: Readonly<TSESLint.SourceCode>, written: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined {
  const node = written && unwrapHandler(written);
  if (node?.type === AST_NODE_TYPES.ObjectExpression) return node;
  if (node?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declarator = definition?.node as TSESTree.Node | undefined;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init?.type === AST_NODE_TYPES.ObjectExpression
    ? declarator.init
    : undefined;
}

function properties(object: TSESTree.ObjectExpression): { key: string; value: TSESTree.Node }[] {
  return object.properties.flatMap((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return [];
    const key = keyText(property.key, property.computed);
    return key === undefined ? [] : [{ key, value: property.value }];
  });
}

function runtimeHandlers(sourceCode: Readonly<TSESLint.SourceCode>, options: TSESTree.ObjectExpression): RegisteredHandler[] {
  const handlers: RegisteredHandler[] = [];
  for (const { key, value } of properties(options)) {
    const group = objectLiteralOf(sourceCode, value);
    if (!group) continue;
    if (key === 'tasks') {
      for (const task of properties(group)) handlers.push({ expression: task.value, registrationName: `tasks.${task.key}` });
    } else if (key === 'periodic') {
      for (const periodic of properties(group)) {
        const schedule = objectLiteralOf(sourceCode, periodic.value);
        const run = schedule && properties(schedule).find((property) => property.key === 'run');
        if (run) handlers.push({ expression: run.value, registrationName: `periodic.${periodic.key}` });
      }
    }
  }
  return handlers;
}

/** `queue.process`, `this.queue.process`, `Worker`; undefined for computed callees. */
function calleeText(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    const object = calleeText(callee.object);
    return object === undefined ? undefined : `${object}.${callee.property.name}`;
  }
  return undefined;
}

/**
 * The handlers a call registers as background tasks: the `tasks` and `periodic` of the runtime's
 * `createWorker`, and the arguments of any call `settings.steadfast.backgroundTasks` names.
 */
export function registeredHandlers(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  settings: ResolvedSettings,
): RegisteredHandler[] {
  const handlers: RegisteredHandler[] = [];
  if (call.type === AST_NODE_TYPES.CallExpression && isRuntimeCreateWorker(sourceCode, call.callee)) {
    const options = objectLiteralOf(sourceCode, call.arguments[0]);
    if (options) handlers.push(...runtimeHandlers(sourceCode, options));
  }
  if (settings.backgroundTasks.some((entry) => typeof entry !== 'string')) {
    const text = calleeText(call.callee);
    if (text !== undefined) {
      const written = { calleeText: text, isNew: call.type === AST_NODE_TYPES.NewExpression, argumentCount: call.arguments.length };
      for (const index of registeredHandlerArguments(written, settings)) {
        const argument = call.arguments[index];
        if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) {
          handlers.push({ expression: argument, registrationName: `${written.isNew ? 'new ' : ''}${text}#${index}` });
        }
      }
    }
  }
  return handlers;
}
