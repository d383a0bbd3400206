import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageId, type Options } from '../../src/rules/no-hook-as-operation.js';

// Untyped mode (`recommended`): hooks declared in the linted file, or named in settings.
const ruleTester = new RuleTester();

const epicClasses = `
class EpicManager {
  /** @operation */
  async releaseEpic(epicNumber: number): Promise<void> {}

  /** @hook releaseEpic */
  async onChildCompleted(epicNumber: number): Promise<void> {}

  /** @hook releaseEpic */
  async onChildReopened(epicNumber: number, reason: string): Promise<void> {}
}

class EpicChecker {
  /** @hook EpicManager.releaseEpic */
  async checkAndCloseEpics(issueNumber: number): Promise<void> {}
}
`;

// The rule tester bundles its own copy of @typescript-eslint/utils, so its RuleModule type is a
// different declaration; the explicit type arguments keep every test case checked.
ruleTester.run<MessageId, Options>('no-hook-as-operation (untyped)', rule as never, {
  valid: [
    {
      name: 'ADR-0019 after: the task calls the authoritative operation',
      code: `${epicClasses}
/** @backgroundTask */
class PostMergeHandler {
  constructor(private readonly epics: EpicManager) {}
  async handleMerge(epicNumber: number) {
    await this.epics.releaseEpic(epicNumber);
  }
}`,
    },
    {
      name: 'a request handler that is not a task may call a hook',
      code: `${epicClasses}
export async function rescanRoute(checker: EpicChecker, issue: number) {
  await checker.checkAndCloseEpics(issue);
}`,
    },
    {
      name: 'naming conventions alone never make a hook',
      code: `
class Scheduler {
  onCron(): void {}
  handleFailed(): void {}
}
/** @backgroundTask */
function tick(scheduler: Scheduler) {
  scheduler.onCron();
  scheduler.handleFailed();
}`,
    },
    {
      name: 'a task that is itself a hook handles the event',
      code: `${epicClasses}
/**
 * @backgroundTask
 * @hook
 */
async function onMergedEvent(checker: EpicChecker) {
  await checker.checkAndCloseEpics(1);
}`,
    },
    {
      name: 'a task the hook names with @triggeredBy is its rightful caller',
      code: `
/**
 * @hook releaseEpic
 * @triggeredBy childMergedListener
 */
function closeIfDone(epic: number): void {}
/** @backgroundTask */
function childMergedListener(epic: number) {
  closeIfDone(epic);
}`,
    },
    {
      name: 'a @backgroundTask class tags its methods, not its constructor',
      code: `
/** @hook */
function register(): void {}
/** @backgroundTask */
class Poller {
  constructor() {
    register();
  }
}`,
    },
    {
      name: 'a listener registered from a task runs on its event, not as part of the task',
      code: `
/** @hook */
function onMerged(): void {}
/** @backgroundTask */
function setup(bus: { on(event: string, listener: () => void): void }) {
  bus.on('merged', () => onMerged());
}`,
    },
    {
      name: 'callees are resolved by declaration: a same-named method of another class is not the hook',
      code: `${epicClasses}
class Audit {
  async checkAndCloseEpics(issueNumber: number): Promise<void> {}
}
/** @backgroundTask */
async function audit(log: Audit) {
  await log.checkAndCloseEpics(3);
}`,
    },
    {
      name: 'without types, a hook declared in another file and not in settings is unknown',
      code: `
import { EpicChecker } from './epic-checker.js';
/** @backgroundTask */
async function sweep(checker: EpicChecker) {
  await checker.checkAndCloseEpics(1);
}`,
    },
    {
      name: 'createWorker from another module does not register steadfast tasks',
      code: `
import { createWorker } from 'some-other-queue';
/** @hook */
function refreshView(): void {}
createWorker({ tasks: { refresh: async () => refreshView() } });`,
    },
    {
      name: 'a registering call not configured in settings registers nothing',
      code: `
/** @hook */
function refreshView(): void {}
new Worker('refresh', async () => refreshView());`,
    },
  ],
  invalid: [
    {
      name: 'ADR-0019 before: the post-merge task calls the completion-scan hook',
      code: `${epicClasses}
/** @backgroundTask */
class PostMergeHandler {
  constructor(private readonly checker: EpicChecker) {}
  async handleMerge(issueNumber: number) {
    await this.checker.checkAndCloseEpics(issueNumber);
  }
}`,
      errors: [
        {
          messageId: 'hookInsteadOfOperation',
          data: { path: '`PostMergeHandler.handleMerge` → `EpicChecker.checkAndCloseEpics`', operation: 'EpicManager.releaseEpic' },
          line: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a hook of the same class as its operation, with the same signature, gets a suggestion',
      code: `${epicClasses}
/** @backgroundTask */
async function closeChild(epics: EpicManager, epic: number) {
  await epics.onChildCompleted(epic);
}`,
      errors: [
        {
          messageId: 'hookInsteadOfOperation',
          data: { path: '`closeChild` → `EpicManager.onChildCompleted`', operation: 'EpicManager.releaseEpic' },
          suggestions: [
            {
              messageId: 'callOperation',
              data: { operation: 'EpicManager.releaseEpic', hook: 'EpicManager.onChildCompleted' },
              output: `${epicClasses}
/** @backgroundTask */
async function closeChild(epics: EpicManager, epic: number) {
  await epics.releaseEpic(epic);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion when the call does not fit the operation\u2019s signature',
      code: `${epicClasses}
/** @backgroundTask */
async function reopenChild(epics: EpicManager) {
  await epics.onChildReopened(4, 'flaky');
}`,
      errors: [{ messageId: 'hookInsteadOfOperation', suggestions: [] }],
    },
    {
      name: 'settings name a hook declared in another file',
      code: `
import { EpicChecker } from './epic-checker.js';
/** @backgroundTask */
async function sweep(checker: EpicChecker) {
  await checker.checkAndCloseEpics(1);
}`,
      settings: { steadfast: { hooks: ['EpicChecker.checkAndCloseEpics'] } },
      errors: [
        {
          messageId: 'hookWithoutOperation',
          data: { path: '`sweep` → `EpicChecker.checkAndCloseEpics`', task: 'sweep' },
        },
      ],
    },
    {
      name: 'handlers given to the runtime\u2019s createWorker are tasks without any tag',
      code: `
import { createWorker as makeWorker } from '@steadfast/runtime';
/** @hook rebuildIndex */
function refreshView(): void {}
async function backup() {
  refreshView();
}
makeWorker({
  tasks: { refresh: async () => refreshView() },
  periodic: { backup: { everyMs: 1000, run: backup } },
});`,
      errors: [
        { messageId: 'hookInsteadOfOperation', data: { path: '`backup` → `refreshView`', operation: 'rebuildIndex' }, line: 6 },
        { messageId: 'hookInsteadOfOperation', data: { path: '`tasks.refresh` → `refreshView`', operation: 'rebuildIndex' }, line: 9 },
      ],
    },
    {
      name: 'createWorker options wrapped in satisfies, and task groups held in a const, are still read',
      code: `
import * as runtime from '@steadfast/runtime';
/** @hook */
function refreshView(): void {}
const tasks = { refresh: async () => refreshView() };
runtime.createWorker({ tasks } satisfies object);`,
      errors: [{ messageId: 'hookWithoutOperation', data: { path: '`tasks.refresh` → `refreshView`', task: 'tasks.refresh' }, line: 5 }],
    },
    {
      name: 'settings.backgroundTasks names the call that registers a task (BullMQ-style)',
      code: `
/** @hook */
function refreshView(): void {}
new Worker('refresh', async () => refreshView());`,
      settings: { steadfast: { backgroundTasks: [{ call: 'new Worker', argument: 1 }] } },
      errors: [{ messageId: 'hookWithoutOperation', data: { path: '`new Worker#1` → `refreshView`', task: 'new Worker#1' } }],
    },
    {
      name: 'settings.backgroundTasks names tasks by pattern',
      code: `
/** @hook */
function refreshView(): void {}
function drainTask() {
  refreshView();
}`,
      settings: { steadfast: { backgroundTasks: ['/Task$/'] } },
      errors: [{ messageId: 'hookWithoutOperation', data: { path: '`drainTask` → `refreshView`', task: 'drainTask' } }],
    },
    {
      name: 'a lifecycle hook declared by a configured decorator',
      code: `
declare function AfterCreate(): MethodDecorator;
class EpicEntity {
  @AfterCreate()
  afterCreate(): void {}
}
/** @backgroundTask */
function importEpics(entity: EpicEntity) {
  entity.afterCreate();
}`,
      settings: { steadfast: { hookDecorators: ['AfterCreate'] } },
      errors: [{ messageId: 'hookWithoutOperation', data: { path: '`importEpics` → `EpicEntity.afterCreate`', task: 'importEpics' } }],
    },
    {
      name: 'every method of a @backgroundTask class is a task, and this.method() resolves to the class',
      code: `
/** @backgroundTask */
class Sweeper {
  /** @hook */
  private onSwept(): void {}
  run() {
    [1, 2].forEach(() => this.onSwept());
  }
}`,
      errors: [{ messageId: 'hookWithoutOperation', data: { path: '`Sweeper.run` → `Sweeper.onSwept`', task: 'Sweeper.run' } }],
    },
  ],
});
