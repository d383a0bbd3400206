import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/analysis/settings.js';
import {
  classifyDeclaration,
  isRightfulHookCaller,
  qualifyOperationName,
  type DeclarationFacts,
} from '../../src/analysis/vocabulary/declaration-roles.js';
import { matchesNamePattern } from '../../src/analysis/vocabulary/name-pattern.js';
import { registeredHandlerArguments } from '../../src/analysis/vocabulary/task-registration.js';

const facts = (overrides: Partial<DeclarationFacts>): DeclarationFacts => ({
  qualifiedName: undefined,
  tags: [],
  classTags: [],
  decorators: [],
  className: undefined,
  ...overrides,
});
const noSettings = resolveSettings(undefined);

describe('hook / operation / background-task vocabulary', () => {
  it('reads @hook with the operation to call instead', () => {
    const roles = classifyDeclaration(facts({ tags: [{ name: 'hook', text: 'EpicManager.releaseEpic' }] }), noSettings);
    expect(roles.hook).toEqual({ operation: 'EpicManager.releaseEpic', triggeredBy: [] });
    expect(roles.operation).toBe(false);
  });

  it('never calls on*/handle* a hook from the name alone', () => {
    for (const qualifiedName of ['Scheduler.onCron', 'Queue.handleFailed', 'onChildCompleted']) {
      expect(classifyDeclaration(facts({ qualifiedName }), noSettings).hook).toBeUndefined();
    }
  });

  it('takes hooks, operations and tasks from settings by exact qualified name or /regex/', () => {
    const settings = resolveSettings({
      hooks: ['EpicChecker.checkAndCloseEpics'],
      operations: ['/^EpicManager\\.release/'],
      backgroundTasks: ['/Task$/'],
    });
    expect(classifyDeclaration(facts({ qualifiedName: 'EpicChecker.checkAndCloseEpics' }), settings).hook).toBeDefined();
    expect(classifyDeclaration(facts({ qualifiedName: 'Other.checkAndCloseEpics' }), settings).hook).toBeUndefined();
    expect(classifyDeclaration(facts({ qualifiedName: 'EpicManager.releaseEpic' }), settings).operation).toBe(true);
    expect(classifyDeclaration(facts({ qualifiedName: 'drainTask' }), settings).backgroundTask).toBe(true);
  });

  it('a bare method name in settings does not reach every class that has such a method', () => {
    expect(matchesNamePattern('checkAndCloseEpics', 'EpicChecker.checkAndCloseEpics')).toBe(false);
    expect(matchesNamePattern('checkAndCloseEpics', 'checkAndCloseEpics')).toBe(true);
  });

  it('makes decorated lifecycle methods hooks only when the decorator is configured', () => {
    const decorated = facts({ qualifiedName: 'Epic.afterCreate', decorators: ['AfterCreate'] });
    expect(classifyDeclaration(decorated, noSettings).hook).toBeUndefined();
    expect(classifyDeclaration(decorated, resolveSettings({ hookDecorators: ['AfterCreate'] })).hook).toBeDefined();
  });

  it('makes every method of a @backgroundTask class a task', () => {
    const method = facts({ qualifiedName: 'PostMergeHandler.handleMerge', classTags: [{ name: 'backgroundTask', text: '' }] });
    expect(classifyDeclaration(method, noSettings).backgroundTask).toBe(true);
  });

  it('qualifies a bare operation name with the hook\u2019s class only when that class declares it', () => {
    expect(qualifyOperationName('releaseEpic', 'EpicManager', (name) => name === 'releaseEpic')).toBe('EpicManager.releaseEpic');
    expect(qualifyOperationName('releaseEpic', 'EpicChecker', () => false)).toBe('releaseEpic');
    expect(qualifyOperationName('EpicManager.releaseEpic', 'EpicChecker', () => false)).toBe('EpicManager.releaseEpic');
  });

  it('accepts a task as the hook\u2019s caller when it is a hook too or named by @triggeredBy', () => {
    const hook = { operation: 'releaseEpic', triggeredBy: ['childMergedListener'] };
    const task = { roles: { hook: undefined, operation: false, backgroundTask: true }, qualifiedName: 'Listeners.childMergedListener' };
    expect(isRightfulHookCaller(task, hook)).toBe(true);
    expect(isRightfulHookCaller({ ...task, qualifiedName: 'drainTask' }, hook)).toBe(false);
    expect(isRightfulHookCaller({ roles: { ...task.roles, hook }, qualifiedName: 'drainTask' }, hook)).toBe(true);
  });

  it('finds handler arguments of configured registering calls, with or without this.', () => {
    const settings = resolveSettings({ backgroundTasks: [{ call: 'new Worker', argument: 1 }, { call: 'queue.process' }] });
    expect(registeredHandlerArguments({ calleeText: 'Worker', isNew: true, argumentCount: 3 }, settings)).toEqual([1]);
    expect(registeredHandlerArguments({ calleeText: 'Worker', isNew: false, argumentCount: 3 }, settings)).toEqual([]);
    expect(registeredHandlerArguments({ calleeText: 'this.queue.process', isNew: false, argumentCount: 2 }, settings)).toEqual([0, 1]);
    expect(registeredHandlerArguments({ calleeText: 'Worker', isNew: true, argumentCount: 1 }, settings)).toEqual([]);
  });
});
