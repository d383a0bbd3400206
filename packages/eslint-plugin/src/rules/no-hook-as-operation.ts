import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getCallGraph, type CallGraph } from '../analysis/call-graph/call-graph.js';
import { resolveFunctionValue } from '../analysis/call-graph/callee-resolution.js';
import type { CompilerApi, FunctionLikeDeclaration } from '../analysis/call-graph/compiler-api.js';
import { loadTypeScript } from '../analysis/call-graph/load-typescript.js';
import { getSettings, type ResolvedSettings } from '../analysis/settings.js';
import { getTypeServices } from '../analysis/type-services.js';
import {
  classifyDeclaration,
  isRightfulHookCaller,
  qualifyOperationName,
  type DeclarationRoles,
  type HookRole,
} from '../analysis/vocabulary/declaration-roles.js';
import { isListenerRegistration } from '../analysis/vocabulary/listener-registration.js';
import { STEADFAST_RUNTIME_MODULE, VOCABULARY_TAGS } from '../analysis/vocabulary/tag-names.js';
import { createRule } from '../util/create-rule.js';
import { formatCallPath } from './no-hook-as-operation/call-path.js';
import { functionFacts, isFunctionNode, keyText, qualifiedNameOfFunction, type FunctionNode } from './no-hook-as-operation/function-node.js';
import { classMember, localFunctionOf, unwrapHandler } from './no-hook-as-operation/local-resolution.js';
import { typedOperationEdit, untypedOperationEdit, type OperationEdit } from './no-hook-as-operation/operation-suggestion.js';
import { registeredHandlers, type RegisteredHandler } from './no-hook-as-operation/task-registrations.js';
import { resolveUntypedCallee } from './no-hook-as-operation/untyped-callee.js';

/** Options of `no-hook-as-operation`. */
export interface NoHookAsOperationOptions {
  /** How many calls deep typed mode follows a task into the project's functions (task → … → hook). */
  maxDepth?: number;
}

/** The rule's options tuple. */
export type Options = [NoHookAsOperationOptions];

/** Message ids of `no-hook-as-operation`. */
export type MessageId = 'hookInsteadOfOperation' | 'hookWithoutOperation' | 'callOperation';

/** The default for `maxDepth`: task → helper → helper → hook. */
export const DEFAULT_MAX_DEPTH = 3;

interface TaskInfo {
  name: string;
  roles: DeclarationRoles;
}

interface Finding {
  node: TSESTree.Node;
  path: string[];
  hook: HookRole;
  hookName: string;
  operation: string | undefined;
  edit: OperationEdit | undefined;
}

/** Whether the file could declare a task; most files cannot, and then the rule does no work. */
function mayDeclareTasks(sourceCode: Readonly<TSESLint.SourceCode>, settings: ResolvedSettings): boolean {
  return (
    settings.backgroundTasks.length > 0 ||
    sourceCode.text.includes(`@${VOCABULARY_TAGS.backgroundTask}`) ||
    sourceCode.text.includes(STEADFAST_RUNTIME_MODULE)
  );
}

/** A callback passed to `emitter.on(…)` and the like: it runs on the event, not as part of its caller. */
function isRegisteredListener(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((argument) => argument === fn)) return false;
  return call.callee.type === AST_NODE_TYPES.MemberExpression && isListenerRegistration(keyText(call.callee.property, call.callee.computed));
}

/** The task a call runs in: the nearest enclosing task, unless a listener callback comes first. */
function nearestTask(node: TSESTree.Node, tasks: ReadonlyMap<FunctionNode, TaskInfo>): TaskInfo | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      const task = tasks.get(current);
      if (task) return task;
      if (isRegisteredListener(current)) return undefined;
    }
  }
  return undefined;
}

/** Typed analysis of the linted file: the shared per-program call graph plus this file's node maps. */
interface TypedView {
  api: CompilerApi;
  graph: CallGraph;
  services: ParserServicesWithTypeInformation;
}

function typedOperationName(api: CompilerApi, hook: FunctionLikeDeclaration, role: HookRole): string | undefined {
  if (role.operation === undefined) return undefined;
  const owner = hook.parent;
  if (!api.isClassLike(owner)) return role.operation;
  const names = new Set(owner.members.flatMap((member) => (member.name && api.isIdentifier(member.name) ? [member.name.text] : [])));
  return qualifyOperationName(role.operation, owner.name?.text, (name) => names.has(name));
}

export default createRule<Options, MessageId>({
  name: 'no-hook-as-operation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow background tasks calling event hooks where the authoritative operation belongs',
      recommended: true,
      typeAwareImprovement:
        'resolves callees across files through the type checker and follows the task into the project’s own functions up to `maxDepth` calls, reporting the whole path.',
    },
    hasSuggestions: true,
    messages: {
      hookInsteadOfOperation: '{{path}} is a hook; call the operation `{{operation}}` instead.',
      hookWithoutOperation:
        '{{path}} is a hook, and background task `{{task}}` is not its event handler; call the authoritative operation instead (name it on the hook with `@hook <operation>`).',
      callOperation: 'Call the operation `{{operation}}` instead of the hook `{{hook}}`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxDepth: {
            type: 'integer',
            minimum: 1,
            maximum: 10,
            description:
              'Typed mode: how many calls deep to follow a task into the project’s functions (1 = direct calls only). Hooks further away are not reported.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxDepth: DEFAULT_MAX_DEPTH }],
  },
  create(context, [options]) {
    const settings = getSettings(context);
    const services = getTypeServices(context);
    const sourceCode = context.sourceCode;
    const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    if (!mayDeclareTasks(sourceCode, settings)) return {};

    const functions: FunctionNode[] = [];
    const calls: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
    const handlers: RegisteredHandler[] = [];
    let typedView: TypedView | undefined;
    const typed = (): TypedView | undefined => {
      if (!services) return undefined;
      if (!typedView) {
        const api = loadTypeScript();
        typedView = { api, graph: getCallGraph(api, services.program, settings), services };
      }
      return typedView;
    };

    const collectTasks = (): Map<FunctionNode, TaskInfo> => {
      const tasks = new Map<FunctionNode, TaskInfo>();
      for (const fn of functions) {
        const facts = functionFacts(sourceCode, fn);
        const roles = classifyDeclaration(facts, settings);
        if (roles.backgroundTask) tasks.set(fn, { name: facts.qualifiedName ?? '<anonymous task>', roles });
      }
      for (const handler of handlers) {
        const fn = localFunctionOf(sourceCode, handler.expression) ?? typedLocalHandler(handler);
        if (!fn || tasks.has(fn)) continue;
        const facts = functionFacts(sourceCode, fn);
        tasks.set(fn, {
          // An inline handler is best known by its registration (`tasks.merged`), a named one by its name.
          name: (isFunctionNode(unwrapHandler(handler.expression)) ? undefined : qualifiedNameOfFunction(fn)) ?? handler.registrationName,
          roles: { ...classifyDeclaration(facts, settings), backgroundTask: true },
        });
      }
      return tasks;
    };

    const typedLocalHandler = (handler: RegisteredHandler): FunctionNode | undefined => {
      const view = typed();
      if (!view) return undefined;
      const declaration = typedHandlerDeclaration(view, handler);
      if (!declaration) return undefined;
      const node = view.services.tsNodeToESTreeNodeMap.get(declaration) as TSESTree.Node | undefined;
      return node && isFunctionNode(node) ? node : undefined;
    };

    const typedHandlerDeclaration = (view: TypedView, handler: RegisteredHandler): FunctionLikeDeclaration | undefined => {
      const tsNode = view.services.esTreeNodeToTSNodeMap.get(unwrapHandler(handler.expression));
      return resolveFunctionValue(view.api, view.graph.typeChecker, tsNode);
    };

    const untypedFinding = (call: TSESTree.CallExpression, task: TaskInfo): Finding | undefined => {
      const callee = resolveUntypedCallee(sourceCode, call);
      if (!callee) return undefined;
      const hook = classifyDeclaration(callee.facts, settings).hook;
      if (!hook || isRightfulHookCaller({ roles: task.roles, qualifiedName: task.name }, hook)) return undefined;
      const hookName = callee.facts.qualifiedName ?? '<hook>';
      const owner = callee.owner;
      const operation =
        hook.operation === undefined
          ? undefined
          : qualifyOperationName(hook.operation, callee.facts.className, (name) =>
              owner ? classMember(owner.node, name, owner.isStatic) !== undefined : false,
            );
      return {
        node: call,
        path: [task.name, hookName],
        hook,
        hookName,
        operation,
        edit: operation === undefined ? undefined : untypedOperationEdit(sourceCode, call, callee, operation),
      };
    };

    const typedFindings = (view: TypedView, call: TSESTree.CallExpression | TSESTree.NewExpression, task: TaskInfo): Finding[] => {
      const { api, graph } = view;
      const tsCall = view.services.esTreeNodeToTSNodeMap.get(call);
      const callee = graph.resolve(tsCall);
      if (!callee) return [];
      const roles = graph.rolesOf(callee);
      const rightful = (hook: HookRole): boolean => isRightfulHookCaller({ roles: task.roles, qualifiedName: task.name }, hook);
      if (roles.hook) {
        if (rightful(roles.hook)) return [];
        const operation = typedOperationName(api, callee, roles.hook);
        const edit =
          operation !== undefined && call.type === AST_NODE_TYPES.CallExpression && api.isCallExpression(tsCall)
            ? typedOperationEdit(api, graph.typeChecker, call, tsCall, callee, operation)
            : undefined;
        const hookName = graph.nameOf(callee);
        return [{ node: call, path: [task.name, hookName], hook: roles.hook, hookName, operation, edit }];
      }
      // Another task is checked where it is declared; following it here would report its hooks twice.
      if (roles.operation || roles.backgroundTask || maxDepth < 2 || !graph.isFollowable(callee)) return [];
      return graph
        .reachableHooks(callee, maxDepth - 1)
        .filter((reached) => !rightful(reached.role))
        .map((reached) => ({
          node: call,
          path: [task.name, graph.nameOf(callee), ...reached.path.map((step) => graph.nameOf(step))],
          hook: reached.role,
          hookName: graph.nameOf(reached.hook),
          operation: typedOperationName(api, reached.hook, reached.role),
          edit: undefined,
        }));
    };

    /** A task registered here but declared in another file: its path is reported at the registration. */
    const externalTaskFindings = (view: TypedView, handler: RegisteredHandler): Finding[] => {
      const { api, graph } = view;
      const declaration = typedHandlerDeclaration(view, handler);
      if (!declaration || declaration.getSourceFile() === view.services.program.getSourceFile(context.physicalFilename)) return [];
      const roles = graph.rolesOf(declaration);
      // A tagged task is checked in its own file; reporting it here too would say it twice.
      if (roles.backgroundTask || roles.hook || roles.operation || !graph.isFollowable(declaration)) return [];
      const name = graph.nameOf(declaration);
      return graph.reachableHooks(declaration, maxDepth).map((reached) => ({
        node: handler.expression,
        path: [name, ...reached.path.map((step) => graph.nameOf(step))],
        hook: reached.role,
        hookName: graph.nameOf(reached.hook),
        operation: typedOperationName(api, reached.hook, reached.role),
        edit: undefined,
      }));
    };

    const report = (finding: Finding): void => {
      const path = formatCallPath(finding.path);
      const task = finding.path[0] ?? '';
      if (finding.operation === undefined) {
        context.report({ node: finding.node, messageId: 'hookWithoutOperation', data: { path, task } });
        return;
      }
      const { edit, operation } = finding;
      context.report({
        node: finding.node,
        messageId: 'hookInsteadOfOperation',
        data: { path, operation },
        suggest: edit
          ? [
              {
                messageId: 'callOperation',
                data: { operation, hook: finding.hookName },
                fix: (fixer) => fixer.replaceText(edit.target, edit.memberName),
              },
            ]
          : [],
      });
    };

    return {
      'FunctionDeclaration, FunctionExpression, ArrowFunctionExpression'(node: FunctionNode) {
        functions.push(node);
      },
      'CallExpression, NewExpression'(node: TSESTree.CallExpression | TSESTree.NewExpression) {
        calls.push(node);
        handlers.push(...registeredHandlers(sourceCode, node, settings));
      },
      'Program:exit'() {
        const tasks = collectTasks();
        const view = typed();
        for (const call of calls) {
          const task = nearestTask(call, tasks);
          if (!task) continue;
          if (view) for (const finding of typedFindings(view, call, task)) report(finding);
          else if (call.type === AST_NODE_TYPES.CallExpression) {
            const finding = untypedFinding(call, task);
            if (finding) report(finding);
          }
        }
        if (view) {
          for (const handler of handlers) {
            if (localFunctionOf(sourceCode, handler.expression) || typedLocalHandler(handler)) continue;
            for (const finding of externalTaskFindings(view, handler)) report(finding);
          }
        }
      },
    };
  },
});
