import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionUnit, OwnerScope, RecordedCall, SegmentFacts } from './code-path-recorder.js';
import { referenceKey } from './member-reference.js';
import { everyExitPassesUpdate, type PathWork } from './missing-update-paths.js';

/**
 * Whether every caller of a helper is in the linted file: a `private` or `#` method, or a module
 * function that is not exported. Writes in such helpers are judged at their call sites.
 */
export function isPrivateHelper(unit: FunctionUnit): boolean {
  const node = unit.node;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) {
    return parent.accessibility === 'private' || parent.key.type === AST_NODE_TYPES.PrivateIdentifier;
  }
  const identity = helperIdentity(unit);
  if (identity?.scope.type !== AST_NODE_TYPES.Program) return false;
  const exported = identity.scope.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      (statement.type === AST_NODE_TYPES.ExportNamedDeclaration &&
        (statement.specifiers.some((specifier) => specifier.local.type === AST_NODE_TYPES.Identifier && specifier.local.name === identity.name) ||
          (statement.declaration?.type === AST_NODE_TYPES.FunctionDeclaration && statement.declaration.id?.name === identity.name) ||
          (statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration &&
            statement.declaration.declarations.some((declarator) => declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === identity.name)))),
  );
  return !exported;
}

function isParameterless(node: TSESTree.Node): boolean {
  return 'params' in node && Array.isArray(node.params) && node.params.length === 0;
}

/** The class or module a function is a helper of, and its name there; `undefined` for others. */
export function helperIdentity(unit: FunctionUnit): { scope: OwnerScope; name: string } | undefined {
  const node = unit.node;
  const parent = node.parent;
  if (!parent) return undefined;
  if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id) {
    const container = parent.type === AST_NODE_TYPES.ExportNamedDeclaration ? parent.parent : parent;
    return container?.type === AST_NODE_TYPES.Program ? { scope: container, name: node.id.name } : undefined;
  }
  if (node.type !== AST_NODE_TYPES.FunctionExpression && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'method') ||
    (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === node)
  ) {
    const key = parent.key;
    const name =
      key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${key.name}` : key.type === AST_NODE_TYPES.Identifier && !parent.computed ? key.name : undefined;
    const classNode = parent.parent.parent;
    return name === undefined ? undefined : { scope: classNode, name };
  }
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    const declaration = parent.parent;
    const container = declaration.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent.parent : declaration.parent;
    return container?.type === AST_NODE_TYPES.Program ? { scope: container, name: parent.id.name } : undefined;
  }
  return undefined;
}

/**
 * Per class (and per module), which helper functions update which sentinel on every normal path.
 * Each (helper, sentinel) is summarised once, lazily; a helper that calls itself back while being
 * summarised counts as not updating, which errs towards reporting nothing extra at call sites.
 */
export class SentinelHelpers {
  private readonly byScope = new Map<OwnerScope, Map<string, FunctionUnit>>();
  private readonly summaries = new Map<FunctionUnit, Map<string, boolean | 'pending'>>();

  constructor(private readonly work: PathWork = { steps: 0 }) {}

  register(unit: FunctionUnit): void {
    const identity = helperIdentity(unit);
    if (!identity) return;
    let helpers = this.byScope.get(identity.scope);
    if (!helpers) {
      helpers = new Map();
      this.byScope.set(identity.scope, helpers);
    }
    if (!helpers.has(identity.name)) helpers.set(identity.name, unit);
  }

  /** The helper function of that name in the class or module, if the file defines one. */
  helperUnit(scope: OwnerScope, name: string): FunctionUnit | undefined {
    return this.byScope.get(scope)?.get(name);
  }

  /**
   * Names of the scope's dedicated freshness helpers for `sentinel`: no parameters, no cache
   * writes of their own, and an update on every path (`markFresh()`), in declaration order.
   */
  helpersUpdating(scope: OwnerScope, sentinel: string): string[] {
    return [...(this.byScope.get(scope)?.entries() ?? [])]
      .filter(([, unit]) => isParameterless(unit.node) && [...unit.facts.values()].every((facts) => facts.writes.length === 0))
      .filter(([, unit]) => this.alwaysUpdates(scope, unit, sentinel))
      .map(([name]) => name);
  }

  /** Whether a call seen from an object written as `owner` updates `sentinel` of that object. */
  callUpdates(call: RecordedCall, owner: string, scope: OwnerScope | undefined, sentinel: string): boolean {
    if (!scope || call.owner !== owner) return false;
    const helper = this.byScope.get(scope)?.get(call.name);
    return helper !== undefined && this.alwaysUpdates(scope, helper, sentinel);
  }

  /** Whether the facts of a segment update `sentinel` of `owner`, directly or through a helper. */
  segmentUpdates(facts: SegmentFacts | undefined, owner: string, scope: OwnerScope | undefined, sentinel: string): boolean {
    if (!facts) return false;
    if (facts.updates.has(referenceKey(owner, sentinel))) return true;
    return facts.calls.some((call) => this.callUpdates(call, owner, scope, sentinel));
  }

  private alwaysUpdates(scope: OwnerScope, unit: FunctionUnit, sentinel: string): boolean {
    let memo = this.summaries.get(unit);
    if (!memo) {
      memo = new Map();
      this.summaries.set(unit, memo);
    }
    const known = memo.get(sentinel);
    if (known !== undefined) return known === true;
    memo.set(sentinel, 'pending');
    const self = scope.type === AST_NODE_TYPES.Program ? '' : 'this';
    const result = everyExitPassesUpdate(
      unit.codePath,
      (id) => this.segmentUpdates(unit.facts.get(id), self, scope, sentinel),
      this.work,
    );
    memo.set(sentinel, result);
    return result;
  }
}
