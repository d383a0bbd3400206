import { parse } from '@typescript-eslint/parser';
import { Linter, type ESLint } from 'eslint';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { compileCallShapes, DEFAULT_RECEIVE_CALLS, DEFAULT_WAIT_CALLS, matchesCallShape } from '../../src/analysis/loops/call-shapes.js';
import { judgeCatchClause, judgeRejectionHandler } from '../../src/analysis/loops/catch-verdict.js';
import { identifierWords, isStopName } from '../../src/analysis/loops/stop-vocabulary.js';
import { DEFAULT_NON_THROWING_CALLS, isNonThrowingCall } from '../../src/analysis/loops/non-throwing-calls.js';
import { inlineIterationCallbacks } from '../../src/analysis/loops/collection-calls.js';

/** The first node of a type in a parsed snippet (parents are not needed by these pure helpers). */
function first<T extends AST_NODE_TYPES>(code: string, type: T): Extract<TSESTree.Node, { type: T }> {
  let found: TSESTree.Node | undefined;
  const visit = (value: unknown): void => {
    if (found || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) return value.forEach(visit);
    const node = value as TSESTree.Node;
    if (node.type === type) {
      found = node;
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'parent') visit(child);
  };
  visit(parse(code, { range: true, loc: true }));
  if (!found) throw new Error(`no ${type} in ${code}`);
  return found as Extract<TSESTree.Node, { type: T }>;
}

describe('stop vocabulary', () => {
  it('splits camelCase, PascalCase, snake_case and SCREAMING_CASE into words', () => {
    expect(identifierWords('isShuttingDown')).toEqual(['is', 'shutting', 'down']);
    expect(identifierWords('STOP_SENTINEL')).toEqual(['stop', 'sentinel']);
    expect(identifierWords('_tick_stop')).toEqual(['tick', 'stop']);
    expect(identifierWords('HTTPServerClosed')).toEqual(['http', 'server', 'closed']);
  });

  it('knows shutdown words and leaves data-exhaustion words out', () => {
    for (const name of ['stopping', 'aborted', 'isCancelled', 'shutdownRequested', 'keepRunning', 'POISON_PILL']) {
      expect(isStopName(name), name).toBe(true);
    }
    for (const name of ['done', 'isEmpty', 'lastPage', 'hasMore', 'cursor', 'stopwatch']) {
      expect(isStopName(name), name).toBe(false);
    }
  });
});

describe('call shapes', () => {
  const waits = compileCallShapes(DEFAULT_WAIT_CALLS);
  const receives = compileCallShapes(DEFAULT_RECEIVE_CALLS);
  const call = (code: string): TSESTree.CallExpression => first(code, AST_NODE_TYPES.CallExpression);

  it('match the end of the callee path, ignoring this', () => {
    expect(matchesCallShape(call('sleep(10)'), waits)).toBe(true);
    expect(matchesCallShape(call('this.sleep(10)'), waits)).toBe(true);
    expect(matchesCallShape(call('this.wakeup.sleepUntil(10)'), waits)).toBe(true);
    expect(matchesCallShape(call('this.interruptibleSleep(10)'), waits)).toBe(true);
    expect(matchesCallShape(call('stop.waitFor(10)'), waits)).toBe(true);
  });

  it('match a receiver glob only on the receiver segment', () => {
    expect(matchesCallShape(call('this._queue.get()'), receives)).toBe(true);
    expect(matchesCallShape(call('jobQueue.get()'), receives)).toBe(true);
    expect(matchesCallShape(call('cache.get()'), receives)).toBe(false);
    expect(matchesCallShape(call('get()'), receives)).toBe(false);
    expect(matchesCallShape(call('consumer.receiveMessages()'), receives)).toBe(true);
  });

  it('do not match computed callees or unrelated names', () => {
    expect(matchesCallShape(call('handlers[name]()'), waits)).toBe(false);
    expect(matchesCallShape(call('fetchDelayed()'), waits)).toBe(false);
  });
});

describe('catch verdicts', () => {
  const clause = (code: string): TSESTree.CatchClause => first(code, AST_NODE_TYPES.CatchClause);

  it('a logging catch guards; an unconditional rethrow does not', () => {
    expect(judgeCatchClause(clause('try {} catch (e) { log(e); }'), false, 'report')).toBe('guard');
    expect(judgeCatchClause(clause('try {} catch (e) { log(e); throw e; }'), false, 'report')).toBe('rethrows');
    expect(judgeCatchClause(clause('try {} catch (e) { { throw e; } }'), false, 'report')).toBe('rethrows');
  });

  it('a rethrow only on shutdown guards; a rethrow on anything else does not', () => {
    expect(judgeCatchClause(clause('try {} catch (e) { if (signal.aborted) throw e; log(e); }'), false, 'report')).toBe('guard');
    expect(judgeCatchClause(clause('try {} catch (e) { if (signal.aborted) { throw e; } else { throw e; } }'), false, 'report')).toBe('rethrows');
    expect(judgeCatchClause(clause('try {} catch (e) { if (isFatal(e)) throw e; log(e); }'), false, 'report')).toBe('rethrows');
  });

  it('a throw inside a nested try with a catch is caught there', () => {
    expect(judgeCatchClause(clause('try {} catch (e) { try { throw e; } catch { log(); } }'), false, 'report')).toBe('guard');
  });

  it('an empty catch is silent under report, and under allow-commented only without a comment', () => {
    expect(judgeCatchClause(clause('try {} catch {}'), false, 'report')).toBe('silent');
    expect(judgeCatchClause(clause('try {} catch {}'), true, 'report')).toBe('silent');
    expect(judgeCatchClause(clause('try {} catch {}'), true, 'allow-commented')).toBe('guard');
    expect(judgeCatchClause(clause('try {} catch {}'), false, 'allow-commented')).toBe('silent');
    expect(judgeCatchClause(clause('try {} catch {}'), false, 'allow')).toBe('guard');
  });

  it('rejection handlers: none, named, rethrowing, empty', () => {
    const handler = (code: string): TSESTree.Node | undefined => first(code, AST_NODE_TYPES.CallExpression).arguments[0];
    const noComment = (): boolean => false;
    expect(judgeRejectionHandler(handler('p.catch()'), noComment, 'report')).toBeUndefined();
    expect(judgeRejectionHandler(handler('p.catch(undefined)'), noComment, 'report')).toBeUndefined();
    expect(judgeRejectionHandler(handler('p.catch(report)'), noComment, 'report')).toBe('guard');
    expect(judgeRejectionHandler(handler('p.catch((e) => { throw e; })'), noComment, 'report')).toBe('rethrows');
    expect(judgeRejectionHandler(handler('p.catch(() => {})'), noComment, 'report')).toBe('silent');
    expect(judgeRejectionHandler(handler('p.catch(() => undefined)'), noComment, 'report')).toBe('silent');
    expect(judgeRejectionHandler(handler('p.catch(() => undefined)'), noComment, 'allow')).toBe('guard');
  });
});

describe('options', () => {
  const lint = (options: unknown): void => {
    new Linter({ configType: 'flat' }).verify('while (true) {}', {
      // typescript-eslint's plugin type and ESLint's own differ only in how configs are typed.
      plugins: { '@steadfast': plugin as unknown as ESLint.Plugin },
      rules: { '@steadfast/no-unguarded-loop-body': ['error', options] },
    });
  };

  it('accept the documented shapes', () => {
    expect(() => lint({ waitCalls: ['sleep*', 'clock.nap'], receiveCalls: ['*queue.get'], silentCatch: 'allow-commented' })).not.toThrow();
    expect(() => lint({ nonThrowingCalls: ['log', 'metrics.increment'], timerCalls: ['betterSetInterval'] })).not.toThrow();
  });

  it('reject an unknown option, a malformed call shape and an unknown silentCatch value with a clear error', () => {
    expect(() => lint({ waitCall: ['sleep'] })).toThrow(/additional properties/i);
    expect(() => lint({ waitCalls: ['sleep now'] })).toThrow(/pattern/);
    expect(() => lint({ receiveCalls: ['queue..get'] })).toThrow(/pattern/);
    expect(() => lint({ silentCatch: 'ignore' })).toThrow(/allowed values/i);
    expect(() => lint({ timerCalls: ['better SetInterval'] })).toThrow(/pattern/);
  });
});

describe('non-throwing calls', () => {
  const shapes = compileCallShapes(DEFAULT_NON_THROWING_CALLS);
  const call = (code: string): TSESTree.CallExpression => first(code, AST_NODE_TYPES.ExpressionStatement).expression as TSESTree.CallExpression;

  it('a logger derived from a logger logs: debug extend, pino/winston child', () => {
    expect(isNonThrowingCall(call("log.extend('jobs')('started');"), shapes)).toBe(true);
    expect(isNonThrowingCall(call("this.logger.child({ id }).info('started');"), shapes)).toBe(true);
    expect(isNonThrowingCall(call("log.extend('jobs');"), shapes)).toBe(true);
  });

  it('a derivation of something that is not a logger, or a non-level method on it, is a call like any other', () => {
    expect(isNonThrowingCall(call("client.extend('jobs')('started');"), shapes)).toBe(false);
    expect(isNonThrowingCall(call("logger.child({ id }).flushToDisk();"), shapes)).toBe(false);
  });

  it('the bare debug loggers come from the option list, and an empty list drops them', () => {
    expect(isNonThrowingCall(call("debug('tick');"), shapes)).toBe(true);
    expect(isNonThrowingCall(call("debug('tick');"), [])).toBe(false);
    expect(isNonThrowingCall(call("this.logger.verbose('tick');"), [])).toBe(true);
  });
});

describe('iteration callbacks', () => {
  it('an inline callback of an iteration method runs inside the call; one passed by name is not read', () => {
    const inline = first('items.forEach((item) => send(item));', AST_NODE_TYPES.CallExpression);
    expect(inlineIterationCallbacks(inline)).toHaveLength(1);
    expect(inlineIterationCallbacks(first('items.forEach(send);', AST_NODE_TYPES.CallExpression))).toHaveLength(0);
    expect(inlineIterationCallbacks(first('emitter.on((event) => send(event));', AST_NODE_TYPES.CallExpression))).toHaveLength(0);
  });
});
