import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  CALL_SHAPE_PATTERN,
  compileCallShapes,
  DEFAULT_RECEIVE_CALLS,
  DEFAULT_WAIT_CALLS,
  type CallShape,
} from '../analysis/loops/call-shapes.js';
import { isRejectionConsumedByCaller } from '../analysis/loops/caller-consumed-rejection.js';
import { judgeCatchClause, type SilentCatchPolicy } from '../analysis/loops/catch-verdict.js';
import { inlineIterationCallbacks, isCollectionBookkeeping } from '../analysis/loops/collection-calls.js';
import { refersTo, resolveCallback } from '../analysis/loops/function-resolution.js';
import { classifyLoop, type LongRunningLoop, type LoopStatement } from '../analysis/loops/loop-kind.js';
import { DEFAULT_NON_THROWING_CALLS, isNonThrowingCall } from '../analysis/loops/non-throwing-calls.js';
import { returnsPromiseBySyntax } from '../analysis/loops/promise-returning-calls.js';
import { createSameFileGuardJudge } from '../analysis/loops/same-file-callee.js';
import { findFirstUnguarded, type FindingReason, type ThrowPointEnv } from '../analysis/loops/throw-points.js';
import { timerTargets, type TimerRun } from '../analysis/loops/timer-callbacks.js';
import { walkExecuted } from '../analysis/loops/walk.js';
import { createTypedLoopFacts, type TypedLoopFacts } from '../analysis/loops/typed-loop-facts.js';
import { getTypeServices } from '../analysis/type-services.js';
import { createRule } from '../util/create-rule.js';
import { wrapInTryCatch } from './no-unguarded-loop-body/wrap-in-try-catch.js';

/** Options of `no-unguarded-loop-body`. */
export interface NoUnguardedLoopBodyOptions {
  /** Awaited calls that only wait (a sleep, an interruptible wait); accepted unguarded. Replaces the default list. */
  waitCalls?: CallShape[];
  /** Awaited calls that receive the next item (`queue.get()`); accepted unguarded, and they mark a loop as a worker. */
  receiveCalls?: CallShape[];
  /** What to do with a `catch` that swallows the error with an empty block. */
  silentCatch?: SilentCatchPolicy;
  /** Project calls that cannot reasonably throw (debug loggers, metrics); replaces the default list. */
  nonThrowingCalls?: CallShape[];
  /** Functions that run their first argument again and again like `setInterval` (`betterSetInterval`). */
  timerCalls?: CallShape[];
}

/** The rule's options tuple. */
export type Options = [NoUnguardedLoopBodyOptions];

/** The rule's message ids. */
export type MessageId = 'unguarded' | 'rethrows' | 'silent' | 'dropped' | 'unguardedImportedCallback' | 'wrapInTryCatch' | 'handleRejection';

const LOOP_CONSEQUENCE = 'one bad iteration ends the loop for good';
const TIMER_CONSEQUENCE = 'in Node an uncaught throw or rejection there ends the process';

/** How the message names a timer callback: "`setInterval` callback", "one-shot `setImmediate` callback". */
function timerDescription(kind: TimerRun['kind'], timer: string): string {
  const prefix = kind === 'self-rescheduling-timeout' ? 'self-rescheduling ' : kind === 'one-shot' ? 'one-shot ' : '';
  return `${prefix}\`${timer}\` callback`;
}

function statementText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const firstLine = sourceCode.getText(node).split('\n')[0]?.trim() ?? '';
  const text = firstLine.length > 60 ? `${firstLine.slice(0, 57)}…` : firstLine;
  return text.replace(/`/g, "'");
}

/**
 * Whether an async function waits on anything: an `await`, a `for await`, or a promise it returns
 * (an async function adopts a returned promise, which is awaiting it). An async callback that does
 * none of these runs to the end synchronously, like a plain callback. `ignoresResult` says which
 * returned calls yield no promise (`items.forEach(…)`, bookkeeping).
 */
function awaitsAnything(fn: TSESTree.FunctionLike, keys: TSESLint.SourceCode.VisitorKeys, ignoresResult: (call: TSESTree.CallExpression) => boolean): boolean {
  if (!fn.body) return false;
  const adopts = (value: TSESTree.Node | null | undefined): boolean =>
    value !== null && value !== undefined && value.type !== AST_NODE_TYPES.Literal && value.type !== AST_NODE_TYPES.Identifier &&
    !(value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void') &&
    !(value.type === AST_NODE_TYPES.CallExpression && ignoresResult(value));
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement && adopts(fn.body)) return true;
  let found = false;
  walkExecuted(fn.body, keys, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) found = true;
    if (node.type === AST_NODE_TYPES.ReturnStatement && adopts(node.argument)) found = true;
    return !found;
  });
  return found;
}

const REPORTABLE_STATEMENTS = new Set(['ExpressionStatement', 'VariableDeclaration', 'ReturnStatement', 'ThrowStatement']);

/** The statement to underline: the simple statement around the throw point, or the point itself. */
function reportNode(point: TSESTree.Node, stopAt: TSESTree.Node): TSESTree.Node {
  for (let current: TSESTree.Node | undefined = point; current && current !== stopAt; current = current.parent) {
    if (REPORTABLE_STATEMENTS.has(current.type)) return current;
    if (current.type.endsWith('Statement') || current.type === AST_NODE_TYPES.SwitchCase) break;
  }
  return point;
}

export default createRule<Options, MessageId>({
  name: 'no-unguarded-loop-body',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require long-running loops and timer callbacks to catch errors inside their body',
      recommended: true,
      typeAwareImprovement:
        'Typed mode treats `for await` over arrays as finite, accepts calls to project functions whose own body catches everything, and checks imported `setInterval` callbacks.',
    },
    hasSuggestions: true,
    messages: {
      unguarded:
        '`{{statement}}` can throw outside any try/catch in this {{loop}}: {{consequence}}. Catch and log errors inside the body.',
      rethrows:
        'The catch around `{{statement}}` rethrows, so one error still escapes this {{loop}}: {{consequence}}. Rethrow only on shutdown (`if (signal.aborted) throw error`) and log the rest.',
      silent:
        'The catch around `{{statement}}` in this {{loop}} swallows the error without a word. Log it: silent loops fail unnoticed.',
      dropped:
        '`{{statement}}` starts a promise that nothing awaits or handles in this {{loop}}, so the try/catch around it cannot catch its rejection: {{consequence}}. Handle the rejection with .catch() and log the error.',
      unguardedImportedCallback:
        '`{{name}}` runs as a {{loop}}, but its body in {{file}} can throw outside try/catch: {{consequence}}.',
      wrapInTryCatch: 'Wrap the body in try/catch and log the error.',
      handleRejection: 'Handle the rejection with .catch() and log the error.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          waitCalls: {
            type: 'array',
            description:
              'Awaited calls that only wait (sleep, interruptible wait) and may stay outside try/catch as the loop\'s designed exit. Dotted names matched against the end of the callee, `*` as wildcard; replaces the default list.',
            items: { type: 'string', pattern: CALL_SHAPE_PATTERN },
            uniqueItems: true,
          },
          receiveCalls: {
            type: 'array',
            description:
              'Awaited calls that receive the next item (`queue.get`, `receive*`). Accepted outside try/catch like waits, and a loop that awaits one is a worker loop. Replaces the default list.',
            items: { type: 'string', pattern: CALL_SHAPE_PATTERN },
            uniqueItems: true,
          },
          silentCatch: {
            type: 'string',
            enum: ['report', 'allow-commented', 'allow'],
            description:
              'A catch with an empty block guards the loop but hides the error: `report` it, accept it when it holds a comment (`allow-commented`), or `allow` it.',
          },
          nonThrowingCalls: {
            type: 'array',
            description:
              'Project calls that cannot reasonably throw (a debug logger, a metrics counter), on top of the built-in logging, clock and collection calls. A function of that name declared in the same file is judged by its body instead. Replaces the default list.',
            items: { type: 'string', pattern: CALL_SHAPE_PATTERN },
            uniqueItems: true,
          },
          timerCalls: {
            type: 'array',
            description:
              'Functions that run their first argument again and again like `setInterval`, such as a library\'s timer helper (`betterSetInterval`). Their callbacks are judged like `setInterval` callbacks.',
            items: { type: 'string', pattern: CALL_SHAPE_PATTERN },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [
      {
        waitCalls: [...DEFAULT_WAIT_CALLS],
        receiveCalls: [...DEFAULT_RECEIVE_CALLS],
        silentCatch: 'report',
        nonThrowingCalls: [...DEFAULT_NON_THROWING_CALLS],
        timerCalls: [],
      },
    ],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const keys = sourceCode.visitorKeys;
    const waitShapes = compileCallShapes(options.waitCalls ?? DEFAULT_WAIT_CALLS);
    const receiveShapes = compileCallShapes(options.receiveCalls ?? DEFAULT_RECEIVE_CALLS);
    const nonThrowingShapes = compileCallShapes(options.nonThrowingCalls ?? DEFAULT_NON_THROWING_CALLS);
    const intervalShapes = compileCallShapes(options.timerCalls ?? []);
    const services = getTypeServices(context);
    const typed: TypedLoopFacts | undefined = services ? createTypedLoopFacts(services) : undefined;
    const text = (node: TSESTree.Node): string => sourceCode.getText(node);

    const classification = new Map<TSESTree.Node, LongRunningLoop | undefined>();
    const classify = (loop: LoopStatement): LongRunningLoop | undefined => {
      if (!classification.has(loop)) {
        classification.set(loop, classifyLoop(loop, { keys, receiveShapes, text, isArrayLike: typed?.isArrayLike }));
      }
      return classification.get(loop);
    };
    const isLoopStatement = (node: TSESTree.Node): node is LoopStatement =>
      node.type === AST_NODE_TYPES.WhileStatement || node.type === AST_NODE_TYPES.DoWhileStatement || node.type === AST_NODE_TYPES.ForStatement || node.type === AST_NODE_TYPES.ForOfStatement;

    const silentCatch = options.silentCatch ?? 'report';
    const hasComment = (node: TSESTree.Node): boolean => sourceCode.getCommentsInside(node).length > 0;
    const isNonThrowing = (call: TSESTree.CallExpression): boolean => {
      if (isCollectionBookkeeping(call, sourceCode)) return true;
      if (!isNonThrowingCall(call, nonThrowingShapes)) return false;
      // A function declared in this file is judged by its body, whatever its name (a local async `log`).
      return call.callee.type !== AST_NODE_TYPES.Identifier || resolveCallback(call.callee, sourceCode).kind !== 'local';
    };
    const returnsPromise = (call: TSESTree.CallExpression): boolean => typed?.returnsPromise(call) ?? returnsPromiseBySyntax(call, sourceCode);
    const baseEnv: ThrowPointEnv = {
      keys,
      designedExitShapes: [...waitShapes, ...receiveShapes],
      silentCatch,
      hasComment,
      isLongRunning: (node) => isLoopStatement(node) && classify(node) !== undefined,
      isNonThrowingCall: isNonThrowing,
      returnsPromise,
    };
    // A same-file callee is guarded when the rule finds nothing unguarded in its own body.
    const isSameFileGuarded = createSameFileGuardJudge(sourceCode, (fn) => findFirstUnguarded([fn.body], baseEnv) === undefined);
    baseEnv.isSelfGuardedCall = (call) => isSameFileGuarded(call) || (typed?.isSelfGuardedCall(call) ?? false);
    const isGuardingCatch = (clause: TSESTree.CatchClause): boolean => judgeCatchClause(clause, hasComment(clause.body), silentCatch) === 'guard';

    const judged = new Set<TSESTree.Node>();

    const report = (
      roots: readonly TSESTree.Node[],
      env: ThrowPointEnv,
      loop: string,
      consequence: string,
      logLabel: string,
      suggestionBody: TSESTree.Node,
      isAsyncArrow: boolean,
      boundary: TSESTree.Node,
    ): void => {
      const finding = findFirstUnguarded(roots, env);
      if (!finding) return;
      const reason: FindingReason = finding.reason;
      const data = { statement: statementText(sourceCode, finding.point), loop, consequence };
      const point = finding.point;
      let suggest: TSESLint.ReportSuggestionArray<MessageId> = [];
      if ((reason === 'dropped' || (reason === 'unguarded' && env.onlyRejections)) && point.type === AST_NODE_TYPES.CallExpression) {
        // A try/catch cannot catch a promise that is dropped; only a rejection handler can.
        suggest = [
          {
            messageId: 'handleRejection',
            fix: (fixer) => fixer.insertTextAfter(point, `.catch((error) => console.error('${logLabel}', error))`),
          },
        ];
      } else if (reason === 'unguarded') {
        const replacement = wrapInTryCatch(suggestionBody, sourceCode, logLabel, isAsyncArrow);
        if (replacement) {
          suggest = [{ messageId: 'wrapInTryCatch', fix: (fixer) => fixer.replaceTextRange(replacement.range, replacement.text) }];
        }
      }
      context.report({ node: reportNode(point, boundary), messageId: reason, data, suggest });
    };

    const judgeLoop = (loop: LoopStatement): void => {
      const kind = classify(loop);
      if (!kind) return;
      // A watchdog raced against its work inside a guarding try ends by throwing; its caller handles that.
      if (isRejectionConsumedByCaller(loop, sourceCode, isGuardingCatch)) return;
      const roots: TSESTree.Node[] = [loop.body];
      if (loop.type === AST_NODE_TYPES.ForStatement && loop.update) roots.push(loop.update);
      report(roots, baseEnv, kind.description, LOOP_CONSEQUENCE, 'loop iteration failed', loop.body, false, loop);
    };

    const judgeTimerRun = (run: TimerRun): void => {
      if (judged.has(run.fn)) return;
      judged.add(run.fn);
      const rescheduled = run.rescheduled;
      let env: ThrowPointEnv = baseEnv;
      if (rescheduled) {
        env = {
          ...env,
          // Calling the rescheduled function again is the timer's next round; its body is judged where it is declared.
          isSelfGuardedCall: (call) => refersTo(call.callee, rescheduled) || (baseEnv.isSelfGuardedCall?.(call) ?? false),
        };
      }
      if (!run.fn.async || !awaitsAnything(run.fn, keys, (call) => inlineIterationCallbacks(call).length > 0 || isNonThrowing(call))) {
        // A synchronous callback (or an async one that never awaits) mostly does bookkeeping; what
        // kills the process there is a `throw` or a promise it starts and drops.
        env = { ...env, onlyRejections: true };
      }
      const isAsyncArrow = run.fn.type === AST_NODE_TYPES.ArrowFunctionExpression && run.fn.async;
      report([run.fn.body], env, timerDescription(run.kind, run.timer), TIMER_CONSEQUENCE, 'timer callback failed', run.fn.body, isAsyncArrow, run.fn);
    };

    return {
      WhileStatement: judgeLoop,
      DoWhileStatement: judgeLoop,
      ForStatement: judgeLoop,
      ForOfStatement: judgeLoop,
      CallExpression(call) {
        const targets = timerTargets(call, sourceCode, intervalShapes);
        for (const run of targets.runs) judgeTimerRun(run);
        if (targets.imported && typed) {
          const unguarded = typed.unguardedImportedFunction(targets.imported);
          if (unguarded) {
            context.report({
              node: targets.imported,
              messageId: 'unguardedImportedCallback',
              data: { name: targets.imported.name, loop: timerDescription('set-interval', targets.timer ?? 'setInterval'), file: unguarded.file, consequence: TIMER_CONSEQUENCE },
            });
          }
        }
      },
    };
  },
});

