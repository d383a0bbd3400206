import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { CachePair } from './cache-pairs.js';
import type { MutationKind } from './mutating-methods.js';

type CodePath = TSESLint.CodePath;
type CodePathSegment = TSESLint.CodePathSegment;

/** What owns a cache's pairing and the helpers that may update its sentinel. */
export type OwnerScope = TSESTree.ClassDeclaration | TSESTree.ClassExpression | TSESTree.Program;

/** A write of a paired cache, as seen at one node. */
export interface RecordedWrite {
  /** Set when the write happens inside a private helper and is seen at the call of that helper. */
  readonly via?: string;
  /** Object text the cache belongs to (`this`, `this.fetcher`, `''` for a module variable). */
  readonly owner: string;
  readonly pair: CachePair;
  /** Class or module whose helpers may update the sentinel; unknown for caches declared elsewhere. */
  readonly ownerScope: OwnerScope | undefined;
  readonly node: TSESTree.Node;
  readonly kind: MutationKind;
}

/** A call that may be a helper updating a sentinel: `this.markFresh()`, `markFresh()`. */
export interface RecordedCall {
  readonly owner: string;
  readonly name: string;
  readonly node: TSESTree.CallExpression;
}

/** Facts of one code path segment; order inside a segment does not matter to the rule. */
export interface SegmentFacts {
  readonly writes: RecordedWrite[];
  /** Keys (`this._lastRefresh`, `lastRefresh`) of members assigned in the segment. */
  readonly updates: Set<string>;
  readonly calls: RecordedCall[];
  /** The `return` statement the segment holds, which names the exit in messages. */
  returnNode?: TSESTree.ReturnStatement;
}

/** Initialisation runs once before any read, so its writes need no sentinel. */
export type UnitKind = 'function' | 'initialisation';

/** One function (or initialiser, or the module) and the facts of its segments. */
export interface FunctionUnit {
  readonly codePath: CodePath;
  readonly node: TSESTree.Node;
  readonly kind: UnitKind;
  readonly facts: Map<string, SegmentFacts>;
  readonly current: Set<CodePathSegment>;
  /** For an inline callback: the unit and segments its facts are recorded in. */
  readonly host?: { unit: FunctionUnit; segments: readonly CodePathSegment[] };
}

function isConstructor(node: TSESTree.Node): boolean {
  return node.parent?.type === AST_NODE_TYPES.MethodDefinition && node.parent.kind === 'constructor';
}

function unitKind(codePath: CodePath, node: TSESTree.Node): UnitKind {
  const origin = (codePath as { origin?: string }).origin;
  if (origin !== undefined && origin !== 'function') return 'initialisation';
  if (node.type === AST_NODE_TYPES.Program || node.type === AST_NODE_TYPES.StaticBlock) return 'initialisation';
  return isConstructor(node) ? 'initialisation' : 'function';
}

/** A callback written inline as an argument: it runs as part of the call, for the rule's purpose. */
function isInlineCallback(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return (
    (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) &&
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(node)
  );
}

/**
 * Follows ESLint's code path events and keeps, per segment, the writes, sentinel updates and
 * helper calls seen in it. ESLint ≥ 9 no longer exposes `currentSegments`, so the current
 * segments are tracked from the segment start/end events.
 */
export class CodePathRecorder {
  readonly units: FunctionUnit[] = [];
  private readonly stack: FunctionUnit[] = [];

  start(codePath: CodePath, node: TSESTree.Node): void {
    const parent = this.stack.at(-1);
    const parentTarget = parent ? this.target(parent) : undefined;
    const kind = unitKind(codePath, node);
    const hoist = kind === 'function' && parentTarget?.unit.kind === 'function' && isInlineCallback(node);
    const unit: FunctionUnit = {
      codePath,
      node,
      kind,
      facts: new Map(),
      current: new Set(),
      ...(hoist && parentTarget ? { host: parentTarget } : {}),
    };
    this.stack.push(unit);
    if (!unit.host) this.units.push(unit);
  }

  end(): FunctionUnit | undefined {
    return this.stack.pop();
  }

  segmentStart(segment: CodePathSegment): void {
    this.stack.at(-1)?.current.add(segment);
  }

  segmentEnd(segment: CodePathSegment): void {
    this.stack.at(-1)?.current.delete(segment);
  }

  /** A `return` of an inline callback leaves the callback, not its host, so it is not recorded there. */
  recordReturn(node: TSESTree.ReturnStatement): void {
    const unit = this.stack.at(-1);
    if (!unit || unit.host) return;
    for (const segment of unit.current) this.factsOf(unit, segment.id).returnNode = node;
  }

  recordWrite(write: RecordedWrite): void {
    this.each((facts) => facts.writes.push(write));
  }

  recordUpdate(key: string): void {
    this.each((facts) => facts.updates.add(key));
  }

  recordCall(call: RecordedCall): void {
    this.each((facts) => facts.calls.push(call));
  }

  /** The unit whose analysis the current node belongs to (the host of an inline callback). */
  currentAnalysedUnit(): FunctionUnit | undefined {
    const unit = this.stack.at(-1);
    return unit ? this.target(unit).unit : undefined;
  }

  private target(unit: FunctionUnit): { unit: FunctionUnit; segments: readonly CodePathSegment[] } {
    return unit.host ?? { unit, segments: [...unit.current] };
  }

  private each(apply: (facts: SegmentFacts) => void): void {
    const unit = this.stack.at(-1);
    if (!unit) return;
    const { unit: into, segments } = this.target(unit);
    for (const segment of segments) apply(this.factsOf(into, segment.id));
  }

  private factsOf(unit: FunctionUnit, id: string): SegmentFacts {
    let facts = unit.facts.get(id);
    if (!facts) {
      facts = { writes: [], updates: new Set(), calls: [] };
      unit.facts.set(id, facts);
    }
    return facts;
  }
}
