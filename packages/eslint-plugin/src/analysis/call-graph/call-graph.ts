import type ts from 'typescript';
import type { ResolvedSettings } from '../settings.js';
import { classifyDeclaration, type DeclarationRoles, type HookRole } from '../vocabulary/declaration-roles.js';
import { isListenerRegistration } from '../vocabulary/listener-registration.js';
import { matchesAnyNamePattern } from '../vocabulary/name-pattern.js';
import { VOCABULARY_TAGS } from '../vocabulary/tag-names.js';
import { isProjectDeclaration, resolveCallee, type CallSite } from './callee-resolution.js';
import type { CompilerApi, FunctionLikeDeclaration } from './compiler-api.js';
import { declarationFacts, qualifiedNameOf } from './declaration-facts.js';

/** One resolved call inside a function's body. */
export interface CallEdge {
  call: CallSite;
  callee: FunctionLikeDeclaration;
}

/** What one walk of a function's body found; computed once per function per program. */
export interface FunctionSummary {
  /** Calls whose callee resolved to a declaration, in source order. */
  edges: readonly CallEdge[];
  /** Qualified names of caches (tagged `@ttlSentinel` or in `settings.caches`) the body writes. */
  cacheWrites: readonly string[];
}

/** A hook reached from a function, with the functions called on the way (first callee … hook). */
export interface ReachedHook {
  path: readonly FunctionLikeDeclaration[];
  hook: FunctionLikeDeclaration;
  role: HookRole;
}

/** Work counters; tests assert on them instead of timing anything. */
export interface CallGraphStats {
  /** Function bodies walked to build summaries. */
  functionBodiesWalked: number;
  /** Reachability queries answered by a walk over summaries rather than from the cache. */
  reachabilityComputations: number;
}

const CACHE_MUTATORS = new Set(['set', 'delete', 'clear', 'push', 'splice', 'add']);

/**
 * The project's call graph as far as anyone asked: per-function summaries and reachable-hook
 * answers, each computed once per program and settings. Calls into dependencies and `.d.ts`
 * files are edges (their tags count) but are never walked.
 */
export class CallGraph {
  /** Work done so far, for tests and benchmarks. */
  readonly stats: CallGraphStats = { functionBodiesWalked: 0, reachabilityComputations: 0 };
  private readonly checker: ts.TypeChecker;
  private readonly summaries = new Map<FunctionLikeDeclaration, FunctionSummary>();
  private readonly roles = new Map<ts.Node, DeclarationRoles>();
  private readonly reached = new Map<FunctionLikeDeclaration, Map<number, readonly ReachedHook[]>>();

  constructor(
    private readonly api: CompilerApi,
    private readonly program: ts.Program,
    private readonly settings: ResolvedSettings,
  ) {
    this.checker = program.getTypeChecker();
  }

  /** The type checker of the program this graph belongs to. */
  get typeChecker(): ts.TypeChecker {
    return this.checker;
  }

  /** The declaration a call reaches, or undefined for calls of unknown values. */
  resolve(call: CallSite): FunctionLikeDeclaration | undefined {
    return resolveCallee(this.api, this.checker, call);
  }

  /** What the vocabulary says the declaration is (tags, settings, decorators). */
  rolesOf(declaration: FunctionLikeDeclaration): DeclarationRoles {
    let roles = this.roles.get(declaration);
    if (!roles) {
      roles = classifyDeclaration(declarationFacts(this.api, declaration), this.settings);
      this.roles.set(declaration, roles);
    }
    return roles;
  }

  /** `Class.method`, `function`, or a location for anonymous functions. */
  nameOf(declaration: ts.Node): string {
    const name = qualifiedNameOf(this.api, declaration);
    if (name !== undefined) return name;
    const file = declaration.getSourceFile();
    const { line } = file.getLineAndCharacterOfPosition(declaration.getStart());
    return `<anonymous ${file.fileName.split('/').at(-1) ?? ''}:${line + 1}>`;
  }

  /** Whether the graph may walk into this declaration's body. */
  isFollowable(declaration: FunctionLikeDeclaration): boolean {
    return 'body' in declaration && declaration.body !== undefined && isProjectDeclaration(this.program, declaration);
  }

  /** The summary of one function, walking its body the first time only. */
  summaryOf(declaration: FunctionLikeDeclaration): FunctionSummary {
    const cached = this.summaries.get(declaration);
    if (cached) return cached;
    this.stats.functionBodiesWalked += 1;
    const edges: CallEdge[] = [];
    const cacheWrites = new Set<string>();
    const body = 'body' in declaration ? (declaration.body as ts.Node | undefined) : undefined;
    const visit = (node: ts.Node): void => {
      // Callbacks written inside a function run as part of it (forEach, map, transactions), so
      // nested functions are walked with their parent — except listeners, which run on their event.
      if (this.api.isFunctionLike(node) && this.isRegisteredListener(node)) return;
      if (this.api.isCallExpression(node) || this.api.isNewExpression(node)) {
        const callee = this.resolve(node);
        if (callee) edges.push({ call: node, callee });
        const mutated = this.mutatedCache(node);
        if (mutated) cacheWrites.add(mutated);
      } else if (this.api.isBinaryExpression(node) && isAssignmentOperator(this.api, node.operatorToken.kind)) {
        const written = this.cacheNameOf(node.left);
        if (written) cacheWrites.add(written);
      }
      node.forEachChild(visit);
    };
    if (body) visit(body);
    const summary: FunctionSummary = { edges, cacheWrites: [...cacheWrites] };
    this.summaries.set(declaration, summary);
    return summary;
  }

  /**
   * Hooks reachable from `declaration` in at most `maxCalls` calls, each with its shortest path.
   * The walk stops at hooks and at operations (what an operation does inside its lock is its own
   * business) and never visits a function twice, so recursion terminates.
   */
  reachableHooks(declaration: FunctionLikeDeclaration, maxCalls: number): readonly ReachedHook[] {
    let byDepth = this.reached.get(declaration);
    const cached = byDepth?.get(maxCalls);
    if (cached) return cached;
    this.stats.reachabilityComputations += 1;
    const found: ReachedHook[] = [];
    const seenHooks = new Set<FunctionLikeDeclaration>();
    const visited = new Set<FunctionLikeDeclaration>([declaration]);
    let frontier: { fn: FunctionLikeDeclaration; path: FunctionLikeDeclaration[] }[] = [{ fn: declaration, path: [] }];
    for (let calls = 1; calls <= maxCalls && frontier.length > 0; calls += 1) {
      const next: typeof frontier = [];
      for (const { fn, path } of frontier) {
        if (!this.isFollowable(fn)) continue;
        for (const { callee } of this.summaryOf(fn).edges) {
          const roles = this.rolesOf(callee);
          if (roles.hook) {
            if (!seenHooks.has(callee)) {
              seenHooks.add(callee);
              found.push({ path: [...path, callee], hook: callee, role: roles.hook });
            }
            continue;
          }
          if (roles.operation || visited.has(callee)) continue;
          visited.add(callee);
          next.push({ fn: callee, path: [...path, callee] });
        }
      }
      frontier = next;
    }
    if (!byDepth) {
      byDepth = new Map();
      this.reached.set(declaration, byDepth);
    }
    byDepth.set(maxCalls, found);
    return found;
  }

  private isRegisteredListener(fn: ts.Node): boolean {
    const call = fn.parent;
    if (!this.api.isCallExpression(call) || !call.arguments.some((argument) => argument === fn)) return false;
    return this.api.isPropertyAccessExpression(call.expression) && isListenerRegistration(call.expression.name.text);
  }

  private cacheNameOf(target: ts.Node): string | undefined {
    const symbol = this.checker.getSymbolAtLocation(
      this.api.isPropertyAccessExpression(target) ? target.name : target,
    );
    const declaration = symbol?.valueDeclaration;
    if (!declaration) return undefined;
    const name = qualifiedNameOf(this.api, declaration);
    const tagged = this.api.getJSDocTags(declaration).some((tag) => tag.tagName.text === VOCABULARY_TAGS.ttlSentinel);
    const configured = matchesAnyNamePattern(
      this.settings.caches.map((pair) => pair.cache),
      name?.split('.').at(-1),
    );
    return tagged || configured ? (name ?? symbol.name) : undefined;
  }

  private mutatedCache(call: CallSite): string | undefined {
    const callee = call.expression;
    if (!this.api.isPropertyAccessExpression(callee) || !CACHE_MUTATORS.has(callee.name.text)) return undefined;
    return this.cacheNameOf(callee.expression);
  }
}

function isAssignmentOperator(api: CompilerApi, kind: ts.SyntaxKind): boolean {
  return kind >= api.SyntaxKind.FirstAssignment && kind <= api.SyntaxKind.LastAssignment;
}

const graphs = new WeakMap<ts.Program, Map<string, CallGraph>>();

/**
 * The call graph of a program, created on first use and kept as long as the program lives, so
 * every file linted against the same program shares one set of summaries. Settings are keyed by
 * content: ESLint may hand equal settings to different files as different objects.
 */
export function getCallGraph(api: CompilerApi, program: ts.Program, settings: ResolvedSettings): CallGraph {
  let bySettings = graphs.get(program);
  if (!bySettings) {
    bySettings = new Map();
    graphs.set(program, bySettings);
  }
  const key = JSON.stringify(settings);
  let graph = bySettings.get(key);
  if (!graph) {
    graph = new CallGraph(api, program, settings);
    bySettings.set(key, graph);
  }
  return graph;
}
