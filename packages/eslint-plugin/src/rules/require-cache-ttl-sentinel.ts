import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { classDataMembers, moduleVariables, type OwnedDeclaration } from '../analysis/caches/cache-declarations.js';
import { pairCaches, sentinelFromSettings, type CachePair } from '../analysis/caches/cache-pairs.js';
import { assignedExpression, writeCandidates, type ReceiverKind } from '../analysis/caches/cache-writes.js';
import {
  CodePathRecorder,
  type FunctionUnit,
  type OwnerScope,
  type RecordedWrite,
  type SegmentFacts,
} from '../analysis/caches/code-path-recorder.js';
import { referenceKey, toMemberReference } from '../analysis/caches/member-reference.js';
import { stripTypeWrappers } from '../analysis/type-wrappers.js';
import { findMissedWrites, type PathWork } from '../analysis/caches/missing-update-paths.js';
import {
  declarationContext,
  isSelfTimestampingDeclaration,
} from '../analysis/caches/self-timestamping-cache.js';
import { helperIdentity, isPrivateHelper, SentinelHelpers } from '../analysis/caches/sentinel-helpers.js';
import { isTimestampedValue } from '../analysis/caches/timestamped-entries.js';
import { getJsDocTags } from '../analysis/jsdoc-tags.js';
import { getSettings } from '../analysis/settings.js';
import { getTypeServices } from '../analysis/type-services.js';
import { createRule } from '../util/create-rule.js';
import { freshValueText, indentationOf, insertionStatement } from './require-cache-ttl-sentinel/sentinel-update-text.js';
import { typedCacheFacts } from './require-cache-ttl-sentinel/typed-cache-facts.js';

/** Options of `require-cache-ttl-sentinel`. */
export interface RequireCacheTtlSentinelOptions {
  /** Require a sentinel update for `delete`/`clear` too (default: invalidations need none). */
  checkInvalidations?: boolean;
  /** Pair caches and sentinels by name when neither a tag nor a setting does (default: true). */
  namingConvention?: boolean;
  /** Class names whose instances store each entry with its own freshness, like the runtime's `TtlCache`. */
  selfTimestampingTypes?: string[];
}

/** The rule's options tuple. */
export type Options = [RequireCacheTtlSentinelOptions];

/** Message ids of `require-cache-ttl-sentinel`. */
export type MessageId = 'missingSentinelUpdate' | 'missingSentinelUpdateThroughHelper' | 'addSentinelUpdate' | 'callSentinelHelper';

/** Counts the path analysis work of the last file linted, so tests can show it is linear. */
export const lastFileWork: PathWork = { steps: 0 };

type CodePathListener = Record<string, (...args: never[]) => void>;
type Class = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

function enclosingClass(node: TSESTree.Node): Class | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
    // A plain `function` has its own `this`, unless it is the class's own method.
    if (
      (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) &&
      current.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
      current.parent?.type !== AST_NODE_TYPES.PropertyDefinition
    ) {
      return undefined;
    }
  }
  return undefined;
}

function functionLabel(node: TSESTree.Node): string {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) {
    const key = parent.key;
    if (key.type === AST_NODE_TYPES.Identifier) return `\`${key.name}\``;
    if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `\`#${key.name}\``;
  }
  if ((node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression) && node.id) {
    return `\`${node.id.name}\``;
  }
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return `\`${parent.id.name}\``;
  }
  return 'the function';
}

function collectClasses(root: TSESTree.Node, keys: TSESLint.SourceCode.VisitorKeys): Class[] {
  const found: Class[] = [];
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) found.push(node);
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof (item as { type?: unknown }).type === 'string') stack.push(item as TSESTree.Node);
      }
    }
  }
  return found;
}

/** Resolved pairing of one cache reference. */
interface ResolvedCache {
  readonly owner: string;
  readonly pair: CachePair;
  readonly ownerScope: OwnerScope | undefined;
  readonly declaration: OwnedDeclaration | undefined;
}

export default createRule<Options, MessageId>({
  name: 'require-cache-ttl-sentinel',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every code path that writes a cache to update its TTL sentinel',
      recommended: true,
      typeAwareImprovement:
        'Typed mode reads `@ttlSentinel` tags of caches declared in other files, judges mutating methods by the receiver type, and recognises self-timestamping caches by their type.',
    },
    hasSuggestions: true,
    messages: {
      missingSentinelUpdate:
        '`{{cache}}` is written here, but a path through {{function}} {{exit}} without updating its TTL sentinel `{{sentinel}}`, so the fresh data will read as stale.',
      missingSentinelUpdateThroughHelper:
        '`{{helper}}` writes `{{cache}}` here, but a path through {{function}} {{exit}} without updating its TTL sentinel `{{sentinel}}`, so the fresh data will read as stale.',
      addSentinelUpdate: 'Update the sentinel right after the write: `{{update}}`.',
      callSentinelHelper: 'Call `{{update}}` right after the write (it updates `{{sentinel}}` on every path).',
    },
    schema: [
      {
        type: 'object',
        description: 'How the rule pairs caches with sentinels and which writes it checks.',
        properties: {
          checkInvalidations: {
            type: 'boolean',
            description: 'Also require a sentinel update after `delete`, `clear` and other removals.',
          },
          namingConvention: {
            type: 'boolean',
            description: 'Pair a `…Cache` member with its one `…UpdatedAt`/`lastRefresh`/`…FetchedAt`/`…RefreshedAt` sibling when no tag or setting pairs it.',
          },
          selfTimestampingTypes: {
            type: 'array',
            description: 'Class names whose instances store every entry with its own freshness; caches of these types need no sentinel.',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkInvalidations: false, namingConvention: true, selfTimestampingTypes: [] }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const settings = getSettings(context);
    const services = getTypeServices(context);
    const checkInvalidations = options.checkInvalidations === true;
    const namingConvention = options.namingConvention !== false;
    const selfTimestampingTypes = options.selfTimestampingTypes ?? [];
    const declarations = declarationContext(sourceCode.ast, selfTimestampingTypes);
    const recorder = new CodePathRecorder();
    const work: PathWork = { steps: 0 };
    const helpers = new SentinelHelpers(work);
    const sentinelAssignments: TSESTree.AssignmentExpression[] = [];

    const pairsByScope = new Map<OwnerScope, { pairs: Map<string, CachePair>; members: Map<string, OwnedDeclaration> }>();
    function pairsOf(scope: OwnerScope): { pairs: Map<string, CachePair>; members: Map<string, OwnedDeclaration> } {
      let found = pairsByScope.get(scope);
      if (!found) {
        const owned = scope.type === AST_NODE_TYPES.Program ? moduleVariables(scope) : classDataMembers(scope);
        const pairs = pairCaches({
          declarations: owned,
          tagsOf: (declaration) => getJsDocTags(sourceCode, declaration.node),
          isSelfTimestamping: (declaration) =>
            isSelfTimestampingDeclaration(declaration, declarations) || typedFacts?.isSelfTimestampingDeclaration(declaration.node) === true,
          settings: settings.caches,
          namingConvention,
        });
        found = { pairs, members: new Map(owned.map((declaration) => [declaration.name, declaration])) };
        pairsByScope.set(scope, found);
      }
      return found;
    }

    const typedFacts = services ? typedCacheFacts(services, selfTimestampingTypes) : undefined;
    // A receiver that is no cache is dropped after classification anyway (its candidate does not
    // resolve), so its type is only asked for once it resolves to a paired cache.
    const receiverKind: ReceiverKind | undefined = typedFacts
      ? (receiver) => (resolveCache(receiver) ? typedFacts.receiverKind(receiver) : undefined)
      : undefined;

    let classesOfFile: Class[] | undefined;
    /** The class of this file that declares a paired member of that name, if exactly one does. */
    function sameFileOwner(name: string): Class | undefined {
      classesOfFile ??= collectClasses(sourceCode.ast, sourceCode.visitorKeys);
      const owners = classesOfFile.filter((candidate) => pairsOf(candidate).pairs.has(name));
      return owners.length === 1 ? owners[0] : undefined;
    }

    function resolveCache(expression: TSESTree.Expression, depth = 0): ResolvedCache | undefined {
      const reference = toMemberReference(expression, sourceCode);
      if (!reference) return undefined;
      if (reference.owner === 'this') {
        const scope = enclosingClass(reference.node);
        if (scope) {
          const { pairs, members } = pairsOf(scope);
          const pair = pairs.get(reference.name);
          if (pair) return { owner: 'this', pair, ownerScope: scope, declaration: members.get(pair.sentinel) };
          if (members.has(reference.name)) return undefined;
        }
        const typed = typedFacts?.pairFromTag(reference);
        return typed && !typedFacts?.isSelfTimestampingExpression(reference.node) === true
          ? { owner: 'this', pair: typed, ownerScope: undefined, declaration: undefined }
          : undefined;
      }
      if (reference.owner === '') {
        const variable = ASTUtils.findVariable(sourceCode.getScope(reference.node), reference.name);
        if (!variable) return undefined;
        if (variable.scope.block.type === AST_NODE_TYPES.Program) {
          const { pairs, members } = pairsOf(sourceCode.ast);
          const pair = pairs.get(reference.name);
          return pair ? { owner: '', pair, ownerScope: sourceCode.ast, declaration: members.get(pair.sentinel) } : undefined;
        }
        // A local alias of a cache: `const store = this.cache; store.set(k, v)`.
        const definition = variable.defs[0];
        if (
          depth < 3 &&
          variable.defs.length === 1 &&
          definition?.node.type === AST_NODE_TYPES.VariableDeclarator &&
          definition.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
          definition.parent.kind === 'const' &&
          definition.node.init
        ) {
          const init = stripTypeWrappers(definition.node.init);
          if (init.type === AST_NODE_TYPES.MemberExpression || init.type === AST_NODE_TYPES.Identifier) return resolveCache(init, depth + 1);
        }
        return undefined;
      }
      // Another object's cache: `this.fetcher.cache`, `fetcher.cache`.
      const typed = typedFacts?.pairFromTag(reference);
      if (typed) {
        return typedFacts?.isSelfTimestampingExpression(reference.node) === true
          ? undefined
          : { owner: reference.owner, pair: typed, ownerScope: undefined, declaration: undefined };
      }
      const owner = services ? undefined : sameFileOwner(reference.name);
      if (owner) {
        const { pairs, members } = pairsOf(owner);
        const pair = pairs.get(reference.name) as CachePair;
        return { owner: reference.owner, pair, ownerScope: owner, declaration: members.get(pair.sentinel) };
      }
      const configured = sentinelFromSettings(settings.caches, reference.name);
      return configured === undefined
        ? undefined
        : {
            owner: reference.owner,
            pair: { cache: reference.name, sentinel: configured, source: 'settings' },
            ownerScope: undefined,
            declaration: undefined,
          };
    }

    function onMutation(node: TSESTree.Node): void {
      const assigned = assignedExpression(node);
      if (assigned) {
        const reference = toMemberReference(assigned, sourceCode);
        if (reference) recorder.recordUpdate(referenceKey(reference.owner, reference.name));
        if (node.type === AST_NODE_TYPES.AssignmentExpression) sentinelAssignments.push(node);
      }
      for (const candidate of writeCandidates(node, receiverKind)) {
        const resolved = resolveCache(candidate.target);
        if (!resolved) continue;
        if (candidate.kind === 'invalidation' && !checkInvalidations) return;
        if (isTimestampedValue(candidate.value)) return;
        recorder.recordWrite({ ...resolved, node, kind: candidate.kind });
        return;
      }
    }

    function onCall(node: TSESTree.CallExpression): void {
      onMutation(node);
      const callee = stripTypeWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        recorder.recordCall({ owner: '', name: callee.name, node });
      } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const reference = toMemberReference(callee, sourceCode);
        if (reference) recorder.recordCall({ owner: reference.owner, name: reference.name, node });
      }
    }

    function describeExit(unit: FunctionUnit, exitSegmentId: string): string {
      const returned = unit.facts.get(exitSegmentId)?.returnNode;
      if (returned) return `returns at line ${returned.loc.start.line}`;
      return `reaches its end at line ${unit.node.loc.end.line}`;
    }

    function suggestionsFor(write: RecordedWrite, resolved: ResolvedCache): TSESLint.SuggestionReportDescriptor<MessageId>[] {
      const statement = insertionStatement(write.node);
      if (!statement) return [];
      const indent = indentationOf(statement, sourceCode);
      const target = referenceKey(resolved.owner, resolved.pair.sentinel);
      const helper = resolved.ownerScope ? helpers.helpersUpdating(resolved.ownerScope, resolved.pair.sentinel)[0] : undefined;
      if (helper !== undefined) {
        const update = `${referenceKey(resolved.owner, helper)}();`;
        return [
          {
            messageId: 'callSentinelHelper',
            data: { update, sentinel: target },
            fix: (fixer) => fixer.insertTextAfter(statement, `\n${indent}${update}`),
          },
        ];
      }
      const value = freshValueText(resolved.pair.sentinel, sentinelAssignments, resolved.declaration, sourceCode);
      const update = `${target} = ${value};`;
      return [
        {
          messageId: 'addSentinelUpdate',
          data: { update },
          fix: (fixer) => fixer.insertTextAfter(statement, `\n${indent}${update}`),
        },
      ];
    }

    /** A write on a path that misses its sentinel, with the exit that path reaches. */
    interface Miss {
      readonly write: RecordedWrite;
      readonly exitSegmentId: string;
    }

    const missesByUnit = new Map<FunctionUnit, readonly Miss[] | 'pending'>();

    /**
     * Writes a private helper makes without the sentinel become writes at each call of it, so
     * `refresh() { this.put(k, v); this.lastRefresh = now; }` is judged as a whole.
     */
    function writesThroughCalls(unit: FunctionUnit, facts: SegmentFacts): RecordedWrite[] {
      const identity = helperIdentity(unit);
      const scope = identity?.scope ?? enclosingClass(unit.node) ?? sourceCode.ast;
      const self = scope.type === AST_NODE_TYPES.Program ? '' : 'this';
      const writes: RecordedWrite[] = [];
      for (const call of facts.calls) {
        if (call.owner !== self) continue;
        const helper = helpers.helperUnit(scope, call.name);
        if (!helper || helper === unit || !isPrivateHelper(helper)) continue;
        const through = missesOf(helper);
        for (const miss of through) {
          writes.push({ ...miss.write, node: call.node, via: `${referenceKey(self, call.name)}()` });
        }
      }
      return writes;
    }

    function missesOf(unit: FunctionUnit): readonly Miss[] {
      const known = missesByUnit.get(unit);
      if (known === 'pending') return [];
      if (known) return known;
      missesByUnit.set(unit, 'pending');
      // Writes grouped by cache (and sentinel), each with the segments it happens in.
      const groups = new Map<string, { first: RecordedWrite; bySegment: Map<string, RecordedWrite> }>();
      for (const [id, facts] of unit.facts) {
        for (const write of [...facts.writes, ...writesThroughCalls(unit, facts)]) {
          const key = `${referenceKey(write.owner, write.pair.cache)}\u0000${write.pair.sentinel}`;
          let group = groups.get(key);
          if (!group) {
            group = { first: write, bySegment: new Map() };
            groups.set(key, group);
          }
          if (!group.bySegment.has(id)) group.bySegment.set(id, write);
        }
      }
      const misses: Miss[] = [];
      for (const { first, bySegment } of groups.values()) {
        const { owner, ownerScope, pair } = first;
        const missed = findMissedWrites(
          unit.codePath,
          new Set(bySegment.keys()),
          (id) => helpers.segmentUpdates(unit.facts.get(id), owner, ownerScope, pair.sentinel),
          work,
        );
        const seen = new Set<TSESTree.Node>();
        for (const miss of missed) {
          const write = bySegment.get(miss.segmentId);
          if (!write || seen.has(write.node)) continue;
          seen.add(write.node);
          misses.push({ write, exitSegmentId: miss.exitSegmentId });
        }
      }
      missesByUnit.set(unit, misses);
      return misses;
    }

    function report(unit: FunctionUnit, { write, exitSegmentId }: Miss): void {
      const { owner, ownerScope, pair } = write;
      const resolved: ResolvedCache = {
        owner,
        pair,
        ownerScope,
        declaration: ownerScope ? pairsOf(ownerScope).members.get(pair.sentinel) : undefined,
      };
      const data = {
        cache: referenceKey(owner, pair.cache),
        sentinel: referenceKey(owner, pair.sentinel),
        function: functionLabel(unit.node),
        exit: describeExit(unit, exitSegmentId),
      };
      context.report({
        node: write.node,
        ...(write.via === undefined
          ? { messageId: 'missingSentinelUpdate', data }
          : { messageId: 'missingSentinelUpdateThroughHelper', data: { ...data, helper: write.via } }),
        suggest: suggestionsFor(write, resolved),
      });
    }

    /** Private helpers that some function of the file calls: their misses are reported at the calls. */
    function calledPrivateHelpers(): Set<FunctionUnit> {
      const called = new Set<FunctionUnit>();
      for (const unit of recorder.units) {
        const scope = helperIdentity(unit)?.scope ?? enclosingClass(unit.node) ?? sourceCode.ast;
        const self = scope.type === AST_NODE_TYPES.Program ? '' : 'this';
        for (const facts of unit.facts.values()) {
          for (const call of facts.calls) {
            const helper = call.owner === self ? helpers.helperUnit(scope, call.name) : undefined;
            if (helper && helper !== unit && isPrivateHelper(helper)) called.add(helper);
          }
        }
      }
      return called;
    }

    const listener: CodePathListener = {
      onCodePathStart: (codePath: TSESLint.CodePath, node: TSESTree.Node) => recorder.start(codePath, node),
      onCodePathEnd: () => {
        const unit = recorder.end();
        if (unit && !unit.host) helpers.register(unit);
      },
      onCodePathSegmentStart: (segment: TSESLint.CodePathSegment) => recorder.segmentStart(segment),
      onUnreachableCodePathSegmentStart: (segment: TSESLint.CodePathSegment) => recorder.segmentStart(segment),
      onCodePathSegmentEnd: (segment: TSESLint.CodePathSegment) => recorder.segmentEnd(segment),
      onUnreachableCodePathSegmentEnd: (segment: TSESLint.CodePathSegment) => recorder.segmentEnd(segment),
    };

    return {
      ...(listener as TSESLint.RuleListener),
      ReturnStatement: (node) => recorder.recordReturn(node),
      'CallExpression:exit': onCall,
      'AssignmentExpression:exit': onMutation,
      'UpdateExpression:exit': onMutation,
      'UnaryExpression:exit': onMutation,
      'Program:exit'() {
        const judgedAtCalls = calledPrivateHelpers();
        for (const unit of recorder.units) {
          if (unit.kind !== 'function' || judgedAtCalls.has(unit)) continue;
          for (const miss of missesOf(unit)) report(unit, miss);
        }
        lastFileWork.steps = work.steps;
      },
    };
  },
});
