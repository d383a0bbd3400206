import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * Words that mark a value as a shutdown signal rather than data: `this.stopping`, `signal.aborted`,
 * `stopEvent.isSet()`, `job === STOP_SENTINEL`. Data-exhaustion words (`done`, `empty`, `last`) are
 * deliberately absent: a loop that ends when its data runs out is finite.
 */
const STOP_WORDS = new Set([
  'stop', 'stops', 'stopped', 'stopping',
  'halt', 'halted', 'halting',
  'shutdown', 'shutting',
  'abort', 'aborted', 'aborting', 'aborterror',
  'cancel', 'cancelled', 'canceled', 'cancelling', 'canceling', 'cancellation',
  'close', 'closed', 'closing',
  'quit', 'quitting',
  'exit', 'exiting',
  'terminate', 'terminated', 'terminating',
  'kill', 'killed',
  'dispose', 'disposed', 'disposing',
  'running', 'alive', 'active', 'started',
  'sentinel', 'poison',
]);

/** Splits an identifier into lower-case words: `isShuttingDown` → is, shutting, down; `STOP_SENTINEL` → stop, sentinel. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Whether one name (identifier, property or string value) speaks of shutdown. */
export function isStopName(name: string): boolean {
  return identifierWords(name).some((word) => STOP_WORDS.has(word));
}

function namesIn(node: TSESTree.Node, out: string[]): void {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.PrivateIdentifier:
      out.push(node.name);
      return;
    case AST_NODE_TYPES.Literal:
      if (typeof node.value === 'string') out.push(node.value);
      return;
    case AST_NODE_TYPES.MemberExpression:
      namesIn(node.object, out);
      namesIn(node.property, out);
      return;
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
      namesIn(node.expression, out);
      return;
    case AST_NODE_TYPES.AwaitExpression:
      namesIn(node.argument, out);
      return;
    case AST_NODE_TYPES.CallExpression:
      namesIn(node.callee, out);
      for (const argument of node.arguments) namesIn(argument, out);
      return;
    case AST_NODE_TYPES.UnaryExpression:
      namesIn(node.argument, out);
      return;
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      namesIn(node.left, out);
      namesIn(node.right, out);
      return;
    case AST_NODE_TYPES.NewExpression:
      namesIn(node.callee, out);
      return;
    default:
      return;
  }
}

/**
 * Whether a test expression speaks of shutdown anywhere: `signal.aborted`, `job === STOP`,
 * `err.name === 'AbortError'`, `this.isStopping()`. Used for loop conditions, exit checks and
 * the conditions under which a `catch` rethrows.
 */
export function mentionsStopSignal(node: TSESTree.Node): boolean {
  const names: string[] = [];
  namesIn(node, names);
  return names.some(isStopName);
}
