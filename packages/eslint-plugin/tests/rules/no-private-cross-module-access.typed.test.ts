import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageId, type Options } from '../../src/rules/no-private-cross-module-access.js';

// Typed mode: a real project (tsconfig.json and files that import each other); the code of each
// case is linted as if it were the file named by `filename`.
const fixture = join(import.meta.dirname, '..', 'fixtures', 'no-private-cross-module-access');
const consumer = join(fixture, 'src', 'consumer.ts');
const nestedConsumer = join(fixture, 'src', 'nested', 'consumer.ts');
const otherPackage = join(fixture, 'packages', 'other', 'consumer.ts');
const declaredIn = "'./dispatcher.ts'";

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fixture } },
  settings: { steadfast: { typeAware: true } },
});

const importDispatcher = 'import { dispatcher, Dispatcher, Executor, registry, defaults } from "./dispatcher.js";\n';

// @typescript-eslint/rule-tester ships its own copy of @typescript-eslint/utils, whose types are
// nominally different from the plugin's; the rule object is the same at run time.
const subject = rule as unknown as Parameters<typeof ruleTester.run<MessageId, Options>>[1];

ruleTester.run('no-private-cross-module-access (typed)', subject, {
  valid: [
    {
      name: 'a subclass in another file reaches its own members through this and super',
      code: 'import { Dispatcher } from "./dispatcher.js";\nexport class Mine extends Dispatcher { run() { super._flush(); return this._queue.length + this.guarded; } }',
      filename: consumer,
    },
    {
      name: 'protected and underscore members of another instance inside a subclass',
      code: 'import { Dispatcher } from "./dispatcher.js";\nexport class Mine extends Dispatcher { peek(other: Mine) { return other.guarded + other._queue.length; } }',
      filename: consumer,
    },
    {
      name: 'interface properties are data shapes: a database row\u2019s _id and _count',
      code: 'import { loadRow } from "./rows.js";\nconst row = loadRow();\nconst { _count } = row;\nexport const ids = [row._id, _count, loadRow()["_id"]];',
      filename: consumer,
    },
    {
      name: 'tagged-union discriminants are data shapes',
      code: 'import { run } from "./rows.js";\nconst result = run();\nexport const ok = result._tag === "ok" ? result.value : 0;',
      filename: consumer,
    },
    {
      name: 'a value-only object literal is data',
      code: `${importDispatcher}export const v = defaults._version;`,
      filename: consumer,
    },
    {
      name: 'a member written `public` is a declared data field',
      code: `${importDispatcher}export const id = dispatcher._id;`,
      filename: consumer,
    },
    {
      name: '@internal members are fine across files inside their own package, even with an underscore',
      code: `${importDispatcher}export const q = [dispatcher.internalQueue, dispatcher._packageShared];`,
      filename: consumer,
    },
    {
      name: 'the declaring file\u2019s own classes, through other instances',
      code: 'class Local { _x = 1; private y = 2; same(other: Local) { return other._x + other.y; } }\nexport const x = new Local()._x;',
      filename: consumer,
    },
    {
      name: 'objects typed any are not judged',
      code: 'export function stop(d: any, e: unknown) { return [d._executor, (e as any)._queue, JSON.parse("{}")._id]; }',
      filename: consumer,
    },
    {
      name: 'dunder names are not private',
      code: 'const o: { __proto__?: object } = {};\nexport const p = [o.__proto__, import.meta.url];',
      filename: consumer,
    },
    {
      name: 'public members are public',
      code: `${importDispatcher}dispatcher.queue;\ndispatcher.sameClass(new Dispatcher());\nnew Executor().shutdown();\nregistry.register("a");`,
      filename: consumer,
    },
    {
      name: 'boundary "directory": the same directory may reach it',
      code: `${importDispatcher}export const e = dispatcher._executor;`,
      filename: consumer,
      options: [{ boundary: 'directory' }],
    },
    {
      name: 'boundary "package": a nested directory of the same package may reach it',
      code: 'import { dispatcher } from "../dispatcher.js";\nexport const e = dispatcher._executor;',
      filename: nestedConsumer,
      options: [{ boundary: 'package' }],
    },
    {
      name: 'allowNames makes a name public',
      code: `${importDispatcher}export const e = dispatcher._executor;`,
      filename: consumer,
      options: [{ allowNames: ['_executor'] }],
    },
    {
      name: 'underscore members of a dependency\u2019s types are its public API (MongoDB-style _id)',
      code: 'import { findOne, Document } from "fake-db";\nconst doc = findOne();\nexport const v = [doc._id, doc._version(), new Document()._id];',
      filename: consumer,
    },
    {
      name: 'local data with underscore keys, read and destructured',
      code: 'const row = { _id: 1, _count: 2 };\nconst { _count } = row;\nexport const sum = row._id + _count;',
      filename: consumer,
    },
    {
      name: 'members whose declaration is a whole file (a JSON module\u2019s default export)',
      code: 'const { default: pkg } = await import("../package.json", { with: { type: "json" } });\nimport * as self from "./consumer.js";\nconst { name } = pkg;\nexport const n = [name, pkg.private, self];',
      filename: consumer,
    },
    {
      name: 'seed 002 task 5, after the fix: the public executor',
      code: 'import { FixedDispatcher } from "./dispatcher.js";\nnew FixedDispatcher().executor.shutdown();',
      filename: consumer,
    },
    {
      name: 'importing an underscore-named export from a sibling module of the same package (bench/real-code FP: redis-smq)',
      code: 'import { _resetForTests } from "./dispatcher.js";\n_resetForTests();',
      filename: consumer,
    },
    {
      name: 'TypeScript `@private` members across files of their own package (a docs-hiding tag; bench/real-code FP3)',
      code: `${importDispatcher}dispatcher.hiddenState += 1;`,
      filename: consumer,
    },
    {
      name: 'TypeScript `private`/`protected` reached by dot where TypeScript reports it itself (no cast, no suppression)',
      code: `${importDispatcher}export const s = [dispatcher.secret, dispatcher.guarded];\nconst { secret } = dispatcher;\nexport { secret };`,
      filename: consumer,
    },
    {
      name: 'importing an @internal function inside its own package',
      code: 'import { internalHelper } from "./dispatcher.js";\nexport const n = internalHelper();',
      filename: consumer,
    },
  ],
  invalid: [
    {
      name: 'importing a module-private name, or an @internal function from another package',
      code: 'import { _resetForTests, internalHelper } from "../../src/dispatcher.js";\n_resetForTests();\nexport const n = internalHelper();',
      filename: otherPackage,
      errors: [
        { messageId: 'privateAccess', data: { member: '_resetForTests', declaredIn: "'../../src/dispatcher.ts'", reason: 'named with the private prefix', boundary: 'package' }, column: 10 },
        { messageId: 'declaredPrivateAccess', data: { member: 'internalHelper', declaredIn: "'../../src/dispatcher.ts'", reason: 'tagged `@internal`', boundary: 'package' }, column: 26 },
      ],
    },
    {
      name: 'an @internal function re-exported under other names, imported and reached from another package',
      code: 'import { helperAlias, aliased } from "../../src/reexports.js";\nimport * as reexports from "../../src/reexports.js";\nexport const n = [helperAlias(), aliased(), reexports.helperAlias()];',
      filename: otherPackage,
      errors: [
        { messageId: 'declaredPrivateAccess', data: { member: 'internalHelper', declaredIn: "'../../src/dispatcher.ts'", reason: 'tagged `@internal`', boundary: 'package' }, line: 1, column: 10 },
        { messageId: 'declaredPrivateAccess', data: { member: 'internalHelper', declaredIn: "'../../src/dispatcher.ts'", reason: 'tagged `@internal`', boundary: 'package' }, line: 1, column: 23 },
        { messageId: 'declaredPrivateAccess', data: { member: 'internalHelper', declaredIn: "'../../src/dispatcher.ts'", reason: 'tagged `@internal`', boundary: 'package' }, line: 3, column: 55 },
      ],
    },
    {
      name: 'seed 002 task 5: dispatcher._executor read from another module',
      code: `${importDispatcher}dispatcher._executor.shutdown();`,
      filename: consumer,
      errors: [
        {
          messageId: 'privateAccess',
          data: { member: 'Dispatcher._executor', declaredIn, reason: 'named with the private prefix', boundary: 'file' },
          line: 2,
          column: 12,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a public member without the underscore is offered as a suggestion, never a fix',
      code: `${importDispatcher}export const n = dispatcher._queue.length + dispatcher["_queue"].length;`,
      filename: consumer,
      errors: [
        {
          messageId: 'privateAccess',
          suggestions: [
            {
              messageId: 'usePublicMember',
              data: { publicName: 'queue', member: '_queue' },
              output: `${importDispatcher}export const n = dispatcher.queue.length + dispatcher["_queue"].length;`,
            },
          ],
        },
        {
          messageId: 'privateAccess',
          suggestions: [
            {
              messageId: 'usePublicMember',
              data: { publicName: 'queue', member: '_queue' },
              output: `${importDispatcher}export const n = dispatcher._queue.length + dispatcher["queue"].length;`,
            },
          ],
        },
      ],
    },
    {
      name: 'any object typed as the class, not only imports: a typed parameter, a write, a call',
      code: 'import type { Dispatcher } from "./dispatcher.js";\nexport function reset(d: Dispatcher) { d._queue = []; d._flush(); }',
      filename: consumer,
      errors: [
        { messageId: 'privateAccess', line: 2, column: 42 },
        { messageId: 'privateAccess', line: 2, column: 57 },
      ],
    },
    {
      name: 'a subclass still may not reach TypeScript-private or JavaScript `@private` members it inherits',
      code: 'import { Dispatcher } from "./dispatcher.js";\nimport { Legacy } from "./legacy.js";\nexport class Mine extends Dispatcher { peek(other: Mine) { return other["secret"]; } }\nexport class Old extends Legacy { peek(other: Old) { return other.hidden; } }',
      filename: consumer,
      errors: [
        { messageId: 'declaredPrivateAccess', data: { member: 'Dispatcher.secret', declaredIn, reason: 'declared `private`', boundary: 'file' } },
        { messageId: 'declaredPrivateAccess', data: { member: 'Legacy.hidden', declaredIn: "'./legacy.js'", reason: 'tagged `@private`', boundary: 'file' } },
      ],
    },
    {
      name: 'a subclass in another package may not reach a TypeScript `@private` member',
      code: 'import { Dispatcher } from "../../src/dispatcher.js";\nexport class Mine extends Dispatcher { peek(other: Mine) { return other.hiddenState; } }',
      filename: otherPackage,
      errors: [
        { messageId: 'declaredPrivateAccess', data: { member: 'Dispatcher.hiddenState', declaredIn: "'../../src/dispatcher.ts'", reason: 'tagged `@private`', boundary: 'package' } },
      ],
    },
    {
      name: 'TypeScript private reached by bracket access',
      code: `${importDispatcher}export const s = dispatcher["secret"];`,
      filename: consumer,
      errors: [
        {
          messageId: 'declaredPrivateAccess',
          data: { member: 'Dispatcher.secret', declaredIn, reason: 'declared `private`', boundary: 'file' },
        },
      ],
    },
    {
      name: 'TypeScript private reached through as any and as unknown as T',
      code: `${importDispatcher}export const s = [(dispatcher as any).secret, (dispatcher as unknown as { secret: string }).secret, (<any>dispatcher).guarded];`,
      filename: consumer,
      errors: [
        { messageId: 'declaredPrivateAccess', data: { member: 'Dispatcher.secret', declaredIn, reason: 'declared `private`', boundary: 'file' } },
        { messageId: 'declaredPrivateAccess', data: { member: 'Dispatcher.secret', declaredIn, reason: 'declared `private`', boundary: 'file' } },
        { messageId: 'declaredPrivateAccess', data: { member: 'Dispatcher.guarded', declaredIn, reason: 'declared `protected`', boundary: 'file' } },
      ],
    },
    {
      name: 'TypeScript private reached by dot in a file under @ts-nocheck',
      code: `// @ts-nocheck\n${importDispatcher}export const s = dispatcher.secret;`,
      filename: consumer,
      errors: [{ messageId: 'declaredPrivateAccess', line: 3, data: { member: 'Dispatcher.secret', declaredIn, reason: 'declared `private`', boundary: 'file' } }],
    },
    {
      name: 'TypeScript private reached by dot from a JavaScript file, which TypeScript does not check',
      code: 'import { dispatcher } from "./dispatcher.js";\nexport const s = dispatcher.secret;',
      filename: join(fixture, 'src', 'js-consumer.js'),
      errors: [{ messageId: 'declaredPrivateAccess', line: 2, data: { member: 'Dispatcher.secret', declaredIn, reason: 'declared `private`', boundary: 'file' } }],
    },
    {
      name: 'TypeScript private reached under @ts-expect-error and @ts-ignore',
      code: `${importDispatcher}// @ts-expect-error -- reaching in on purpose\ndispatcher.secret;\n// @ts-ignore\ndispatcher.guarded;`,
      filename: consumer,
      errors: [
        { messageId: 'declaredPrivateAccess', line: 3 },
        { messageId: 'declaredPrivateAccess', line: 5 },
      ],
    },
    {
      name: 'JavaScript `@private` members across files: TypeScript reads the tag as the modifier',
      code: 'import { Legacy } from "./legacy.js";\nnew Legacy().hidden += 1;',
      filename: consumer,
      errors: [{ messageId: 'declaredPrivateAccess', data: { member: 'Legacy.hidden', declaredIn: "'./legacy.js'", reason: 'tagged `@private`', boundary: 'file' } }],
    },
    {
      name: 'TypeScript `@private` members from another package (the tag hides docs; its reach is the package)',
      code: 'import { dispatcher } from "../../src/dispatcher.js";\ndispatcher.hiddenState += 1;',
      filename: otherPackage,
      errors: [{ messageId: 'declaredPrivateAccess', data: { member: 'Dispatcher.hiddenState', declaredIn: "'../../src/dispatcher.ts'", reason: 'tagged `@private`', boundary: 'package' } }],
    },
    {
      name: '@internal members outside their package',
      code: 'import { dispatcher } from "../../src/dispatcher.js";\nexport const q = [dispatcher.internalQueue, dispatcher._packageShared];',
      filename: otherPackage,
      errors: [
        { messageId: 'declaredPrivateAccess', data: { member: 'Dispatcher.internalQueue', declaredIn: "'../../src/dispatcher.ts'", reason: 'tagged `@internal`', boundary: 'package' } },
        { messageId: 'declaredPrivateAccess', data: { member: 'Dispatcher._packageShared', declaredIn: "'../../src/dispatcher.ts'", reason: 'tagged `@internal`', boundary: 'package' } },
      ],
    },
    {
      name: 'module singletons and module-level private names',
      code: 'import * as mod from "./dispatcher.js";\nmod.registry._entries.clear();\nmod._resetForTests();',
      filename: consumer,
      errors: [
        { messageId: 'privateAccess', data: { member: '_entries', declaredIn, reason: 'named with the private prefix', boundary: 'file' } },
        { messageId: 'privateAccess', data: { member: '_resetForTests', declaredIn, reason: 'named with the private prefix', boundary: 'file' } },
      ],
    },
    {
      name: 'destructuring a private member',
      code: `${importDispatcher}const { _executor } = dispatcher;\nexport { _executor };`,
      filename: consumer,
      errors: [{ messageId: 'privateAccess', line: 2, column: 9 }],
    },
    {
      name: 'boundary "directory": another directory',
      code: 'import { dispatcher } from "../dispatcher.js";\nexport const e = dispatcher._executor;',
      filename: nestedConsumer,
      options: [{ boundary: 'directory' }],
      errors: [{ messageId: 'privateAccess', data: { member: 'Dispatcher._executor', declaredIn: "'../dispatcher.ts'", reason: 'named with the private prefix', boundary: 'directory' } }],
    },
    {
      name: 'boundary "package": another package',
      code: 'import { dispatcher } from "../../src/dispatcher.js";\nexport const e = dispatcher._executor;',
      filename: otherPackage,
      options: [{ boundary: 'package' }],
      errors: [{ messageId: 'privateAccess', data: { member: 'Dispatcher._executor', declaredIn: "'../../src/dispatcher.ts'", reason: 'named with the private prefix', boundary: 'package' } }],
    },
  ],
});
