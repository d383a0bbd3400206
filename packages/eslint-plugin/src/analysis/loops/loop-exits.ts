import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { mentionsStopSignal } from './stop-vocabulary.js';
import { isDeferredBody, childNodes, type VisitorKeys } from './walk.js';

/** A `break` or `return` that leaves a loop, with the conditions under which it is reached. */
export interface LoopExit {
  node: TSESTree.BreakStatement | TSESTree.ReturnStatement;
  /** `if` tests and `case` tests between the loop body and the exit, outermost first. */
  conditions: TSESTree.Node[];
}

type LoopNode =
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement
  | TSESTree.ForStatement
  | TSESTree.ForOfStatement
  | TSESTree.ForInStatement;

function isLoop(node: TSESTree.Node): node is LoopNode {
  return (
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement ||
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.ForInStatement
  );
}

/** The labels written directly on a statement (`outer: inner: while (…)`). */
export function labelsOf(statement: TSESTree.Node): string[] {
  const labels: string[] = [];
  let parent = statement.parent;
  while (parent?.type === AST_NODE_TYPES.LabeledStatement) {
    labels.push(parent.label.name);
    parent = parent.parent;
  }
  return labels;
}

/**
 * Every exit of a loop: a `return` anywhere in its body, an unlabelled `break` not owned by an
 * inner loop or `switch`, and a `break` to one of the loop's labels.
 */
export function findLoopExits(loop: LoopNode, keys: VisitorKeys): LoopExit[] {
  return findExitsIn(loop.body, new Set(labelsOf(loop)), keys);
}

/**
 * The `return`s of a function body, and the `break`s that leave it or one of `ownLabels`, with
 * the conditions that lead to each.
 */
export function findExitsIn(body: TSESTree.Node, ownLabels: ReadonlySet<string>, keys: VisitorKeys): LoopExit[] {
  const exits: LoopExit[] = [];
  const visit = (node: TSESTree.Node, conditions: TSESTree.Node[], breakOwned: boolean): void => {
    if (isDeferredBody(node)) return;
    if (node.type === AST_NODE_TYPES.ReturnStatement) exits.push({ node, conditions });
    if (node.type === AST_NODE_TYPES.BreakStatement) {
      if (node.label ? ownLabels.has(node.label.name) : !breakOwned) exits.push({ node, conditions });
      return;
    }
    if (node.type === AST_NODE_TYPES.IfStatement) {
      visit(node.test, conditions, breakOwned);
      visit(node.consequent, [...conditions, node.test], breakOwned);
      if (node.alternate) visit(node.alternate, [...conditions, node.test], breakOwned);
      return;
    }
    if (node.type === AST_NODE_TYPES.SwitchStatement) {
      visit(node.discriminant, conditions, breakOwned);
      for (const switchCase of node.cases) {
        const caseConditions = switchCase.test ? [...conditions, node.discriminant, switchCase.test] : conditions;
        for (const statement of switchCase.consequent) visit(statement, caseConditions, true);
      }
      return;
    }
    const ownsBreak = breakOwned || isLoop(node);
    for (const child of childNodes(node, keys)) visit(child, conditions, ownsBreak);
  };
  visit(body, [], false);
  return exits;
}

/** Whether an exit is taken only on shutdown: some condition on its way names a stop signal. */
export function isShutdownExit(exit: LoopExit): boolean {
  return exit.conditions.some(mentionsStopSignal);
}
