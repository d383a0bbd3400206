import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageId, type Options } from '../../src/rules/no-unguarded-loop-body.js';

// @typescript-eslint/rule-tester brings its own copy of @typescript-eslint/utils; the rule object
// is the same, only the two copies' nominal class types differ.
const testedRule = rule as unknown as Parameters<typeof RuleTester.prototype.run<MessageId, Options>>[1];

// Typed mode (`settings.steadfast.typeAware`): the code under test is linted as `worker.ts` of a
// real fixture project, so imports resolve to the fixture's declarations.
const fixtureDir = join(import.meta.dirname, '..', 'fixtures', 'no-unguarded-loop-body');
const filename = join(fixtureDir, 'worker.ts');

const typedTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fixtureDir } },
  settings: { steadfast: { typeAware: true } },
});

// The same project without the typed switch: a program exists, yet the rule must not use it.
const untypedTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fixtureDir } },
});

const LOOP = 'one bad iteration ends the loop for good';

const callsGuardedCallee = `
import { processSafely, type Job } from './job-handlers.js';
declare const queue: { get(): Promise<Job> };
export async function run(): Promise<void> {
  while (true) {
    const job = await queue.get();
    await processSafely(job);
  }
}`;

const arraySource = `
import type { Job } from './job-handlers.js';
declare function handle(job: Job): Promise<void>;
export async function replay(jobs: Job[]): Promise<void> {
  for await (const job of jobs) {
    await handle(job);
  }
}`;

typedTester.run('no-unguarded-loop-body (typed)', testedRule, {
  valid: [
    { name: 'a callee whose own body catches everything guards the call', code: callsGuardedCallee, filename },
    { name: 'for await over an array is finite, whatever its name', code: arraySource, filename },
    {
      name: 'for await over a union of tuples is finite',
      code: `
declare function handle(job: number): Promise<void>;
export async function replay(jobs: [number] | [number, number]): Promise<void> {
  for await (const job of jobs) await handle(job);
}`,
      filename,
    },
    {
      name: 'a same-file method that catches everything',
      code: `
declare function report(error: unknown): void;
declare const queue: { get(): Promise<number> };
export class Worker {
  async loop(): Promise<void> {
    while (true) {
      const job = await queue.get();
      await this.step(job);
    }
  }
  private async step(job: number): Promise<void> {
    try {
      await Promise.reject(new Error(String(job)));
    } catch (error) {
      report(error);
    }
  }
}`,
      filename,
    },
    {
      name: 'an imported setInterval callback whose body catches everything',
      code: `
import { guardedTick } from './timer-tasks.js';
declare function setInterval(callback: () => void, ms: number): unknown;
setInterval(guardedTick, 60_000);
setInterval(() => void guardedTick(), 60_000);`,
      filename,
    },
    {
      name: 'a synchronous timer callback may call a promise-returning function that catches everything',
      code: `
import { processSafely, type Job } from './job-handlers.js';
declare function setInterval(callback: () => void, ms: number): unknown;
declare const job: Job;
setInterval(() => {
  processSafely(job);
}, 1_000);`,
      filename,
    },
  ],
  invalid: [
    {
      name: 'a callee that lets errors out needs a guard at the call',
      code: `
import { processUnsafely, type Job } from './job-handlers.js';
declare const queue: { get(): Promise<Job> };
export async function run(): Promise<void> {
  while (true) {
    const job = await queue.get();
    await processUnsafely(job);
  }
}`,
      filename,
      errors: [
        {
          messageId: 'unguarded',
          line: 7,
          column: 5,
          data: { statement: 'await processUnsafely(job)', loop: '`while (true)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `
import { processUnsafely, type Job } from './job-handlers.js';
declare const queue: { get(): Promise<Job> };
export async function run(): Promise<void> {
  while (true) {
    try {
      const job = await queue.get();
      await processUnsafely(job);
    } catch (error) {
      console.error('loop iteration failed', error);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a callee whose catch rethrows is no guard',
      code: `
import { processAndRethrow, type Job } from './job-handlers.js';
declare const queue: { get(): Promise<Job> };
export async function run(): Promise<void> {
  while (true) {
    await processAndRethrow(await queue.get());
  }
}`,
      filename,
      errors: [
        {
          messageId: 'unguarded',
          line: 6,
          column: 5,
          data: { statement: 'await processAndRethrow(await queue.get())', loop: '`while (true)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `
import { processAndRethrow, type Job } from './job-handlers.js';
declare const queue: { get(): Promise<Job> };
export async function run(): Promise<void> {
  while (true) {
    try {
      await processAndRethrow(await queue.get());
    } catch (error) {
      console.error('loop iteration failed', error);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'for await over an async iterable named like a job source stays long-running',
      code: `
import type { Job } from './job-handlers.js';
declare function handle(job: Job): Promise<void>;
export async function consume(jobs: AsyncIterable<Job>): Promise<void> {
  for await (const job of jobs) {
    await handle(job);
  }
}`,
      filename,
      errors: [
        {
          messageId: 'unguarded',
          line: 6,
          column: 5,
          data: { statement: 'await handle(job)', loop: '`for await (… of jobs)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `
import type { Job } from './job-handlers.js';
declare function handle(job: Job): Promise<void>;
export async function consume(jobs: AsyncIterable<Job>): Promise<void> {
  for await (const job of jobs) {
    try {
      await handle(job);
    } catch (error) {
      console.error('loop iteration failed', error);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed mode sees that a synchronous timer callback drops an imported promise',
      code: `
import { processUnsafely, type Job } from './job-handlers.js';
declare function setInterval(callback: () => void, ms: number): unknown;
declare const job: Job;
setInterval(() => {
  processUnsafely(job);
}, 1_000);`,
      filename,
      errors: [
        {
          messageId: 'unguarded',
          line: 6,
          column: 3,
          data: {
            statement: 'processUnsafely(job)',
            loop: '`setInterval` callback',
            consequence: 'in Node an uncaught throw or rejection there ends the process',
          },
          suggestions: [
            {
              messageId: 'handleRejection',
              output: `
import { processUnsafely, type Job } from './job-handlers.js';
declare function setInterval(callback: () => void, ms: number): unknown;
declare const job: Job;
setInterval(() => {
  processUnsafely(job).catch((error) => console.error('timer callback failed', error));
}, 1_000);`,
            },
          ],
        },
      ],
    },
    {
      name: 'an imported setInterval callback that lets a rejection escape',
      code: `
import { unguardedTick } from './timer-tasks.js';
declare function setInterval(callback: () => void, ms: number): unknown;
setInterval(unguardedTick, 60_000);`,
      filename,
      errors: [
        {
          messageId: 'unguardedImportedCallback',
          line: 4,
          column: 13,
          endColumn: 26,
          data: {
            name: 'unguardedTick',
            loop: '`setInterval` callback',
            file: 'timer-tasks.ts',
            consequence: 'in Node an uncaught throw or rejection there ends the process',
          },
        },
      ],
    },
  ],
});

untypedTester.run('no-unguarded-loop-body (program present, typed switch off)', testedRule, {
  valid: [
    {
      name: 'an imported setInterval callback is not read without the typed switch',
      code: `
import { unguardedTick } from './timer-tasks.js';
declare function setInterval(callback: () => void, ms: number): unknown;
setInterval(unguardedTick, 60_000);`,
      filename,
    },
  ],
  invalid: [
    {
      name: 'without the typed switch a guarded callee is not trusted',
      code: callsGuardedCallee,
      filename,
      errors: [
        {
          messageId: 'unguarded',
          line: 7,
          column: 5,
          data: { statement: 'await processSafely(job)', loop: '`while (true)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `
import { processSafely, type Job } from './job-handlers.js';
declare const queue: { get(): Promise<Job> };
export async function run(): Promise<void> {
  while (true) {
    try {
      const job = await queue.get();
      await processSafely(job);
    } catch (error) {
      console.error('loop iteration failed', error);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'without the typed switch an array named jobs is a job source',
      code: arraySource,
      filename,
      errors: [
        {
          messageId: 'unguarded',
          line: 6,
          column: 5,
          data: { statement: 'await handle(job)', loop: '`for await (… of jobs)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `
import type { Job } from './job-handlers.js';
declare function handle(job: Job): Promise<void>;
export async function replay(jobs: Job[]): Promise<void> {
  for await (const job of jobs) {
    try {
      await handle(job);
    } catch (error) {
      console.error('loop iteration failed', error);
    }
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
