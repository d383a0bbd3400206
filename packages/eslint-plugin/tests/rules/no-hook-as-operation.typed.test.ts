import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageId, type Options } from '../../src/rules/no-hook-as-operation.js';

// Typed mode (`recommended-type-checked`) against the ADR-0019 fixture project: a real
// tsconfig.json, EpicManager / EpicChecker / helpers in their own files.
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'no-hook-as-operation');
const fixture = (name: string): { code: string; filename: string } => ({
  code: readFileSync(join(fixtures, name), 'utf8'),
  filename: join(fixtures, name),
});

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fixtures } },
  settings: { steadfast: { typeAware: true } },
});

const imports = `import type { EpicChecker } from './epic-checker.js';
import type { EpicManager } from './epic-manager.js';
import { afterMerge, announceMerge, notifyMerge, releaseAfterMerge, retryMerge } from './merge-helpers.js';
`;
const filename = join(fixtures, 'file.ts');

// The rule tester bundles its own copy of @typescript-eslint/utils, so its RuleModule type is a
// different declaration; the explicit type arguments keep every test case checked.
ruleTester.run<MessageId, Options>('no-hook-as-operation (typed)', rule as never, {
  valid: [
    { name: 'ADR-0019 after: PostMergeHandler calls EpicManager.releaseEpic', ...fixture('post-merge-handler.after.ts') },
    { name: 'request handlers that are not tasks may call hooks', ...fixture('dashboard-routes.ts') },
    {
      name: 'an operation reached through a helper is fine, whatever it does inside',
      filename,
      code: `${imports}
/** @backgroundTask */
export async function releaseTask(epics: EpicManager) {
  await releaseAfterMerge(epics, 7);
}`,
    },
    {
      name: 'a hook three helpers away is past the default depth of 3 calls (documented limit)',
      filename,
      code: `${imports}
/** @backgroundTask */
export async function announceTask(checker: EpicChecker) {
  await announceMerge(checker, 7);
}`,
    },
    {
      name: 'the task named by the hook\u2019s @triggeredBy handles its event',
      filename,
      code: `${imports}
/** @backgroundTask */
export async function childMergedListener(epics: EpicManager) {
  await epics.onChildCompleted(7);
}`,
    },
    {
      name: 'resolution is by declaration: an unrelated method with the hook\u2019s name is not the hook',
      filename,
      code: `${imports}
class Audit {
  async checkAndCloseEpics(issue: number): Promise<void> {}
}
/** @backgroundTask */
export async function auditTask(audit: Audit) {
  await audit.checkAndCloseEpics(7);
}`,
    },
    {
      name: 'a runtime handler that delegates to a tagged task leaves the report to that task\u2019s own file',
      filename,
      code: `import { createWorker } from '@steadfast/runtime';
import type { PostMergeHandler } from './post-merge-handler.before.js';
declare const handler: PostMergeHandler;
createWorker({ tasks: { merged: async () => handler.handleMerge({ number: 1, issueNumber: 2, epicNumber: 3 }) } });`,
    },
    {
      name: 'a helper that wires the hook to its event (emitter.on) does not call it',
      filename,
      code: `import type { EpicChecker } from './epic-checker.js';
import { wireMergeListener } from './merge-helpers.js';
/** @backgroundTask */
export function setupTask(checker: EpicChecker) {
  wireMergeListener({ on() {} }, checker);
}`,
    },
    {
      name: 'with maxDepth 1 only direct calls count',
      filename,
      options: [{ maxDepth: 1 }],
      code: `${imports}
/** @backgroundTask */
export async function drainTask(checker: EpicChecker) {
  await afterMerge(checker, 7);
}`,
    },
  ],
  invalid: [
    {
      name: 'ADR-0019 before: PostMergeHandler calls EpicChecker.checkAndCloseEpics across files',
      ...fixture('post-merge-handler.before.ts'),
      errors: [
        {
          messageId: 'hookInsteadOfOperation',
          data: { path: '`PostMergeHandler.handleMerge` → `EpicChecker.checkAndCloseEpics`', operation: 'EpicManager.releaseEpic' },
          line: 14,
          suggestions: [],
        },
      ],
    },
    {
      name: 'runtime task handlers: a hook two helpers away, and one called directly by a periodic task',
      ...fixture('worker.ts'),
      errors: [
        {
          messageId: 'hookInsteadOfOperation',
          data: {
            path: '`tasks.merged` → `notifyMerge` → `afterMerge` → `EpicChecker.checkAndCloseEpics`',
            operation: 'EpicManager.releaseEpic',
          },
          line: 12,
        },
        {
          messageId: 'hookInsteadOfOperation',
          data: { path: '`periodic.sweep` → `EpicChecker.checkAndCloseEpics`', operation: 'EpicManager.releaseEpic' },
          line: 20,
          suggestions: [],
        },
      ],
    },
    {
      name: 'one helper away, with the path in the message',
      filename,
      code: `${imports}
/** @backgroundTask */
export async function drainTask(checker: EpicChecker) {
  await afterMerge(checker, 7);
}`,
      errors: [
        {
          messageId: 'hookInsteadOfOperation',
          data: { path: '`drainTask` → `afterMerge` → `EpicChecker.checkAndCloseEpics`', operation: 'EpicManager.releaseEpic' },
        },
      ],
    },
    {
      name: 'a larger maxDepth reaches the hook three helpers away',
      filename,
      options: [{ maxDepth: 4 }],
      code: `${imports}
/** @backgroundTask */
export async function announceTask(checker: EpicChecker) {
  await announceMerge(checker, 7);
}`,
      errors: [
        {
          messageId: 'hookInsteadOfOperation',
          data: {
            path: '`announceTask` → `announceMerge` → `notifyMerge` → `afterMerge` → `EpicChecker.checkAndCloseEpics`',
            operation: 'EpicManager.releaseEpic',
          },
        },
      ],
    },
    {
      name: 'recursion terminates and the shortest path is reported',
      filename,
      code: `${imports}
/** @backgroundTask */
export async function retryTask(checker: EpicChecker) {
  await retryMerge(checker, 7, 3);
}`,
      errors: [
        {
          messageId: 'hookInsteadOfOperation',
          data: { path: '`retryTask` → `retryMerge` → `afterMerge` → `EpicChecker.checkAndCloseEpics`', operation: 'EpicManager.releaseEpic' },
        },
      ],
    },
    {
      name: 'a same-class operation with an assignable signature is offered as a suggestion',
      filename,
      code: `${imports}
/** @backgroundTask */
export async function closeTask(epics: EpicManager) {
  await epics.onChildCompleted(7);
}`,
      errors: [
        {
          messageId: 'hookInsteadOfOperation',
          data: { path: '`closeTask` → `EpicManager.onChildCompleted`', operation: 'EpicManager.releaseEpic' },
          suggestions: [
            {
              messageId: 'callOperation',
              data: { operation: 'EpicManager.releaseEpic', hook: 'EpicManager.onChildCompleted' },
              output: `${imports}
/** @backgroundTask */
export async function closeTask(epics: EpicManager) {
  await epics.releaseEpic(7);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a hook declared as a function-typed property of a library interface (the runtime\u2019s listeners)',
      filename,
      code: `import type { WorkerHooks } from '@steadfast/runtime';
/** @backgroundTask */
export function reviveTask(hooks: WorkerHooks) {
  hooks.onJobDead?.({ jobId: '1' });
}`,
      errors: [
        {
          messageId: 'hookInsteadOfOperation',
          data: { path: '`reviveTask` → `WorkerHooks.onJobDead`', operation: 'redrive' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a task declared in another file is reported where it is registered',
      filename,
      code: `import { createWorker } from '@steadfast/runtime';
import { mergedJob } from './merge-helpers.js';
createWorker({ tasks: { merged: mergedJob } });`,
      errors: [
        {
          messageId: 'hookInsteadOfOperation',
          data: { path: '`mergedJob` → `afterMerge` → `EpicChecker.checkAndCloseEpics`', operation: 'EpicManager.releaseEpic' },
          line: 3,
          column: 33,
        },
      ],
    },
  ],
});
