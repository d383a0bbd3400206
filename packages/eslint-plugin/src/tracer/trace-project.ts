import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { Project, ts as morphTs } from 'ts-morph';
import type ts from 'typescript';
import { CallGraph } from '../analysis/call-graph/call-graph.js';
import type { CompilerApi, FunctionLikeDeclaration } from '../analysis/call-graph/compiler-api.js';
import { resolveSettings, type ResolvedSettings } from '../analysis/settings.js';
import { qualifyOperationName } from '../analysis/vocabulary/declaration-roles.js';
import { SteadfastError } from '../errors/plugin-error.js';
import { findBackgroundTasks } from './find-tasks.js';
import type { TraceOptions } from './trace-options.js';
import type { TraceNode, TraceNodeKind, TraceReport, TracedTask } from './trace-report.js';

/**
 * The call graph runs on whichever compiler API created the program. Here that is ts-morph's
 * bundled TypeScript; its nodes are only ever read with its own functions, never handed to
 * typescript-eslint. The cast only bridges the two copies' identical declaration files.
 */
const api = morphTs as unknown as CompilerApi;

function loadSettings(file: string | undefined): ResolvedSettings {
  if (file === undefined) return resolveSettings(undefined);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SteadfastError('TRACER_BAD_OPTIONS', `Cannot read settings file "${file}": ${(error as Error).message}`, { cause: error });
  }
  return resolveSettings(raw);
}

function loadProgram(tsconfig: string): ts.Program {
  try {
    const project = new Project({ tsConfigFilePath: tsconfig });
    // ts-morph's program comes from its bundled TypeScript; comparing the two copies' Program
    // types structurally is both pointless and deep, so the bridge goes through unknown.
    const program: unknown = project.getProgram().compilerObject;
    return program as ts.Program;
  } catch (error) {
    throw new SteadfastError('TRACER_BAD_OPTIONS', `Cannot load the TypeScript project "${tsconfig}": ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function kindOf(graph: CallGraph, declaration: FunctionLikeDeclaration): TraceNodeKind {
  const roles = graph.rolesOf(declaration);
  if (roles.hook) return 'hook';
  if (roles.operation) return 'operation';
  if (roles.backgroundTask) return 'task';
  return 'function';
}

function operationOf(graph: CallGraph, declaration: FunctionLikeDeclaration): string | undefined {
  const hook = graph.rolesOf(declaration).hook;
  if (hook?.operation === undefined) return undefined;
  const owner = declaration.parent;
  if (!api.isClassLike(owner)) return hook.operation;
  const names = new Set(owner.members.flatMap((member) => (member.name && api.isIdentifier(member.name) ? [member.name.text] : [])));
  return qualifyOperationName(hook.operation, owner.name?.text, (name) => names.has(name));
}

/**
 * Traces every background task of a project: the call graph from each task to `maxDepth` calls,
 * with the hooks, operations and cache writes on it. Untagged functions of dependencies are left
 * out; tagged ones (the runtime's `@operation enqueue`) are shown as leaves.
 */
export function traceProject(options: TraceOptions): TraceReport {
  const tsconfig = resolve(options.project);
  const root = dirname(tsconfig);
  const settings = loadSettings(options.settingsFile);
  const program = loadProgram(tsconfig);
  const graph = new CallGraph(api, program, settings);

  const location = (declaration: ts.Node): { file: string; line: number } => {
    const file = declaration.getSourceFile();
    return { file: relative(root, file.fileName), line: file.getLineAndCharacterOfPosition(declaration.getStart()).line + 1 };
  };

  const nodeFor = (declaration: FunctionLikeDeclaration, name: string, kind: TraceNodeKind, depth: number, onPath: Set<FunctionLikeDeclaration>): TraceNode => {
    const operation = operationOf(graph, declaration);
    const node: TraceNode = { name, kind, ...location(declaration), cacheWrites: [], calls: [] };
    if (operation !== undefined) node.operation = operation;
    if (!graph.isFollowable(declaration)) return node;
    const summary = graph.summaryOf(declaration);
    node.cacheWrites = [...summary.cacheWrites];
    if (onPath.has(declaration)) {
      node.stopped = 'recursion';
      return node;
    }
    const callees = [...new Set(summary.edges.map((edge) => edge.callee))].filter(
      (callee) => graph.isFollowable(callee) || kindOf(graph, callee) !== 'function',
    );
    if (callees.length > 0 && depth >= options.maxDepth) {
      node.stopped = 'depth';
      return node;
    }
    onPath.add(declaration);
    node.calls = callees.map((callee) => nodeFor(callee, graph.nameOf(callee), kindOf(graph, callee), depth + 1, onPath));
    onPath.delete(declaration);
    return node;
  };

  const tasks: TracedTask[] = findBackgroundTasks(api, program, graph, settings)
    .filter((task) => options.task === undefined || task.name === options.task || task.name.endsWith(`.${options.task}`))
    .map((task) => {
      const root = nodeFor(task.declaration, task.name, 'task', 0, new Set());
      return { root, registeredBy: task.registeredBy, hookPaths: hookPaths(root, []) };
    })
    .sort((a, b) => a.root.file.localeCompare(b.root.file) || a.root.line - b.root.line);

  if (options.task !== undefined && tasks.length === 0) {
    throw new SteadfastError('TRACER_BAD_OPTIONS', `No background task named "${options.task}" in ${relative(process.cwd(), tsconfig)}.`);
  }
  return { project: relative(process.cwd(), tsconfig) || tsconfig, maxDepth: options.maxDepth, tasks };
}

function hookPaths(node: TraceNode, above: string[]): string[][] {
  const path = [...above, node.name];
  if (node.kind === 'hook' && above.length > 0) return [path];
  return node.calls.flatMap((call) => hookPaths(call, path));
}
