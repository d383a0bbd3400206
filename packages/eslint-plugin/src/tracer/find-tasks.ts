import type ts from 'typescript';
import type { CallGraph } from '../analysis/call-graph/call-graph.js';
import { resolveFunctionValue } from '../analysis/call-graph/callee-resolution.js';
import type { CompilerApi, FunctionLikeDeclaration } from '../analysis/call-graph/compiler-api.js';
import { declarationFacts } from '../analysis/call-graph/declaration-facts.js';
import type { ResolvedSettings } from '../analysis/settings.js';
import { classifyDeclaration, type DeclarationFacts } from '../analysis/vocabulary/declaration-roles.js';
import { registeredHandlerArguments } from '../analysis/vocabulary/task-registration.js';
import { RUNTIME_WORKER_FACTORY, STEADFAST_RUNTIME_MODULE, VOCABULARY_TAGS } from '../analysis/vocabulary/tag-names.js';

/** A background task found in the project. */
export interface FoundTask {
  declaration: FunctionLikeDeclaration;
  name: string;
  registeredBy: string;
}

function propertyName(api: CompilerApi, name: ts.PropertyName): string | undefined {
  return api.isIdentifier(name) || api.isStringLiteral(name) || api.isNumericLiteral(name) ? name.text : undefined;
}

function objectLiteral(api: CompilerApi, checker: ts.TypeChecker, node: ts.Node | undefined): ts.ObjectLiteralExpression | undefined {
  if (!node) return undefined;
  if (api.isObjectLiteralExpression(node)) return node;
  if (!api.isIdentifier(node)) return undefined;
  const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
  return declaration && api.isVariableDeclaration(declaration) && declaration.initializer && api.isObjectLiteralExpression(declaration.initializer)
    ? declaration.initializer
    : undefined;
}

/** `name: value` pairs of an object literal, methods included (`async drain(job) {}`). */
function entries(api: CompilerApi, object: ts.ObjectLiteralExpression): { key: string; value: ts.Node }[] {
  return object.properties.flatMap((property): { key: string; value: ts.Node }[] => {
    const key = property.name ? propertyName(api, property.name) : undefined;
    if (key === undefined) return [];
    if (api.isPropertyAssignment(property)) return [{ key, value: property.initializer }];
    if (api.isMethodDeclaration(property)) return [{ key, value: property }];
    if (api.isShorthandPropertyAssignment(property)) return [{ key, value: property.name }];
    return [];
  });
}

/** The `run` of a periodic task's schedule object. */
function runOf(api: CompilerApi, schedule: ts.ObjectLiteralExpression | undefined): ts.Node | undefined {
  return schedule ? entries(api, schedule).find((entry) => entry.key === 'run')?.value : undefined;
}

/** Why a declaration is a task without any registration, for the report. */
function taggedTaskOrigin(facts: DeclarationFacts): string {
  if (facts.tags.some((tag) => tag.name === VOCABULARY_TAGS.backgroundTask)) return '@backgroundTask';
  if (facts.classTags.some((tag) => tag.name === VOCABULARY_TAGS.backgroundTask)) return '@backgroundTask class';
  return 'settings.backgroundTasks';
}

/** Whether a callee is the runtime's `createWorker`, by import source, as the rule decides it untyped. */
function isRuntimeCreateWorker(api: CompilerApi, checker: ts.TypeChecker, callee: ts.Expression): boolean {
  const symbol = checker.getSymbolAtLocation(api.isPropertyAccessExpression(callee) ? callee.name : callee);
  for (const declaration of symbol?.declarations ?? []) {
    if (api.isImportSpecifier(declaration)) {
      const imported = (declaration.propertyName ?? declaration.name).text;
      const module = declaration.parent.parent.parent.moduleSpecifier;
      if (imported === RUNTIME_WORKER_FACTORY && api.isStringLiteral(module) && module.text === STEADFAST_RUNTIME_MODULE) return true;
    }
  }
  if (api.isPropertyAccessExpression(callee) && callee.name.text === RUNTIME_WORKER_FACTORY && api.isIdentifier(callee.expression)) {
    const namespace = checker.getSymbolAtLocation(callee.expression)?.declarations?.[0];
    const module = namespace && api.isNamespaceImport(namespace) ? namespace.parent.parent.moduleSpecifier : undefined;
    return module !== undefined && api.isStringLiteral(module) && module.text === STEADFAST_RUNTIME_MODULE;
  }
  return false;
}

function calleeText(api: CompilerApi, expression: ts.Expression): string | undefined {
  if (api.isIdentifier(expression)) return expression.text;
  if (expression.kind === api.SyntaxKind.ThisKeyword) return 'this';
  if (api.isPropertyAccessExpression(expression) && api.isIdentifier(expression.name)) {
    const object = calleeText(api, expression.expression);
    return object === undefined ? undefined : `${object}.${expression.name.text}`;
  }
  return undefined;
}

/**
 * Every background task of the program's own files, found with the rule's vocabulary: tags,
 * `@backgroundTask` classes, settings name patterns, the runtime's `createWorker` and the
 * registering calls named in settings.
 */
export function findBackgroundTasks(
  api: CompilerApi,
  program: ts.Program,
  graph: CallGraph,
  settings: ResolvedSettings,
): FoundTask[] {
  const checker = program.getTypeChecker();
  const found = new Map<FunctionLikeDeclaration, FoundTask>();
  const add = (declaration: FunctionLikeDeclaration | undefined, name: string, registeredBy: string): void => {
    if (declaration && !found.has(declaration)) found.set(declaration, { declaration, name, registeredBy });
  };
  const handler = (value: ts.Node, registration: string, registeredBy: string): void => {
    const declaration = api.isFunctionLike(value) ? value : resolveFunctionValue(api, checker, value);
    const inline = api.isArrowFunction(value) || api.isFunctionExpression(value) || api.isMethodDeclaration(value);
    if (declaration) add(declaration, inline ? registration : graph.nameOf(declaration), registeredBy);
  };

  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) continue;
    const visit = (node: ts.Node): void => {
      if (api.isFunctionLike(node) && 'body' in node && node.body) {
        const facts = declarationFacts(api, node);
        if (classifyDeclaration(facts, settings).backgroundTask) add(node, graph.nameOf(node), taggedTaskOrigin(facts));
      }
      if (api.isCallExpression(node) && isRuntimeCreateWorker(api, checker, node.expression)) {
        const options = objectLiteral(api, checker, node.arguments[0]);
        for (const group of options ? entries(api, options) : []) {
          const members = objectLiteral(api, checker, group.value);
          if (!members || (group.key !== 'tasks' && group.key !== 'periodic')) continue;
          for (const member of entries(api, members)) {
            const value = group.key === 'tasks' ? member.value : runOf(api, objectLiteral(api, checker, member.value));
            if (value) handler(value, `${group.key}.${member.key}`, `createWorker ${group.key}.${member.key}`);
          }
        }
      }
      if ((api.isCallExpression(node) || api.isNewExpression(node)) && settings.backgroundTasks.some((entry) => typeof entry !== 'string')) {
        const text = calleeText(api, node.expression);
        const argumentsList: readonly ts.Expression[] = node.arguments ?? [];
        if (text !== undefined) {
          const isNew = api.isNewExpression(node);
          for (const index of registeredHandlerArguments({ calleeText: text, isNew, argumentCount: argumentsList.length }, settings)) {
            const argument = argumentsList[index];
            const registration = `${isNew ? 'new ' : ''}${text}#${index}`;
            if (argument) handler(argument, registration, registration);
          }
        }
      }
      node.forEachChild(visit);
    };
    visit(file);
  }
  return [...found.values()];
}
