import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageId, type Options } from '../../src/rules/no-private-cross-module-access.js';

// Untyped mode: the `recommended` config, no program. Files live in the fixture folder so that
// directory and package boundaries resolve against real directories.
const fixture = join(import.meta.dirname, '..', 'fixtures', 'no-private-cross-module-access');
const consumer = join(fixture, 'src', 'consumer.ts');
const nestedConsumer = join(fixture, 'src', 'nested', 'consumer.ts');

const ruleTester = new RuleTester();

// @typescript-eslint/rule-tester ships its own copy of @typescript-eslint/utils, whose types are
// nominally different from the plugin's; the rule object is the same at run time.
const subject = rule as unknown as Parameters<typeof ruleTester.run<MessageId, Options>>[1];

ruleTester.run('no-private-cross-module-access (untyped)', subject, {
  valid: [
    {
      name: 'this._x and super._x() are the class reaching its own members',
      code: 'import { Dispatcher } from "./dispatcher.js";\nclass Mine extends Dispatcher { run() { this._flush(); super._flush(); return this._queue; } }',
      filename: consumer,
    },
    {
      name: 'an object of unknown origin (untyped parameter) is not reported',
      code: 'export function stop(dispatcher) { dispatcher._executor.shutdown(); }',
      filename: consumer,
    },
    {
      name: 'underscore fields of a dependency are its public API (MongoDB _id)',
      code: 'import { MongoClient } from "mongodb";\nconst client = new MongoClient("mongodb://db");\nexport const id = client._id;',
      filename: consumer,
    },
    {
      name: 'JSON modules are data',
      code: 'import row from "./row.json" with { type: "json" };\nexport const id = row._id;',
      filename: consumer,
    },
    {
      name: 'call results are data as far as this file can see (a database row)',
      code: 'import { loadRow } from "./rows.js";\nconst row = loadRow();\nexport const ids = [row._id, loadRow()._count];',
      filename: consumer,
    },
    {
      name: 'members of a member of a named import are not followed without types',
      code: 'import { config } from "./config.js";\nexport const size = config.db._poolSize;',
      filename: consumer,
    },
    {
      name: 'local data with underscore keys, read and destructured',
      code: 'const row = { _id: 1, _count: 2 };\nconst { _count } = row;\nexport const sum = row._id + _count;',
      filename: consumer,
    },
    {
      name: 'a name this file\u2019s own class declares may be another instance of that class',
      code: 'import { Dispatcher } from "./dispatcher.js";\nclass Queue { _queue = []; }\nexport const q = [new Queue(), new Dispatcher()._queue];',
      filename: consumer,
    },
    {
      name: 'dunder names are not private',
      code: 'import * as mod from "./dispatcher.js";\nexport const names = [mod.__esModule, mod.dispatcher.__proto__, __dirname, __filename];',
      filename: consumer,
    },
    {
      name: 'allowNames makes a name public',
      code: 'import { dispatcher } from "./dispatcher.js";\nexport const id = dispatcher._id;',
      filename: consumer,
      options: [{ allowNames: ['_id'] }],
    },
    {
      name: 'a variable assigned again later may hold anything',
      code: 'import { dispatcher } from "./dispatcher.js";\nlet d = dispatcher;\nd = make();\nexport const e = d._executor;',
      filename: consumer,
    },
    {
      name: 'boundary "directory": a module in the same directory may reach it',
      code: 'import { dispatcher } from "./dispatcher.js";\nexport const e = dispatcher._executor;',
      filename: consumer,
      options: [{ boundary: 'directory' }],
    },
    {
      name: 'boundary "package": a module of the same package may reach it',
      code: 'import { dispatcher } from "../dispatcher.js";\nexport const e = dispatcher._executor;',
      filename: nestedConsumer,
      options: [{ boundary: 'package' }],
    },
    {
      name: 'a custom privatePattern replaces the underscore',
      code: 'import { dispatcher } from "./dispatcher.js";\nexport const e = dispatcher._executor;',
      filename: consumer,
      options: [{ privatePattern: '^\\$' }],
    },
    {
      name: 'importing an underscore name from a dependency or as a type only',
      code: 'import { _internals } from "some-library";\nimport type { _Shape } from "./dispatcher.js";\nimport { type _Other } from "./dispatcher.js";\nexport const x: _Shape | _Other = _internals;',
      filename: consumer,
    },
    {
      // An exported name is published by its module; the underscore on it means "inside this
      // package" (bench/real-code: 252 such imports in redis-smq, all within their package).
      name: 'importing an underscore-named export from a sibling module of the same package',
      code: 'import { _resetForTests, dispatcher } from "./dispatcher.js";\n_resetForTests();\ndispatcher.queue;',
      filename: consumer,
    },
  ],
  invalid: [
    {
      name: 'seed 002 task 5: dispatcher._executor read from another module',
      code: 'import { dispatcher } from "./dispatcher.js";\ndispatcher._executor.shutdown();',
      filename: consumer,
      errors: [
        {
          messageId: 'privateAccess',
          data: {
            member: '_executor',
            declaredIn: "'./dispatcher.js'",
            reason: 'named with the private prefix',
            boundary: 'file',
          },
          line: 2,
          column: 12,
        },
      ],
    },
    {
      name: 'an instance constructed from an imported class, written and called',
      code: 'import { Dispatcher } from "./dispatcher.js";\nconst d = new Dispatcher();\nd._queue = [];\nd._flush();',
      filename: consumer,
      errors: [
        { messageId: 'privateAccess', line: 3 },
        { messageId: 'privateAccess', line: 4 },
      ],
    },
    {
      name: 'members of an imported namespace, and their members',
      code: 'import * as mod from "./dispatcher.js";\nmod._resetForTests();\nmod.dispatcher._executor.shutdown();\nnew mod.Dispatcher()._queue;',
      filename: consumer,
      errors: [
        { messageId: 'privateAccess', line: 2 },
        { messageId: 'privateAccess', line: 3 },
        { messageId: 'privateAccess', line: 4 },
      ],
    },
    {
      name: 'destructured imports, static and dynamic',
      code: 'import * as mod from "./dispatcher.js";\nconst { dispatcher } = mod;\ndispatcher._executor;\nconst { dispatcher: other } = await import("./dispatcher.js");\nother._queue;',
      filename: consumer,
      errors: [
        { messageId: 'privateAccess', line: 3 },
        { messageId: 'privateAccess', line: 5 },
      ],
    },
    {
      name: 'CommonJS: a required module and a name destructured from it',
      code: 'const server = require("./dispatcher.js");\nserver.dispatcher._executor;\nconst { Dispatcher } = require("./dispatcher.js");\nnew Dispatcher()._flush();',
      filename: consumer,
      errors: [
        { messageId: 'privateAccess', line: 2 },
        { messageId: 'privateAccess', line: 4 },
      ],
    },
    {
      name: 'destructuring a private member out of an imported object',
      code: 'import { dispatcher } from "./dispatcher.js";\nconst { _executor, queue } = dispatcher;',
      filename: consumer,
      errors: [{ messageId: 'privateAccess', column: 9 }],
    },
    {
      name: 'bracket access and casts do not hide the name',
      code: 'import { dispatcher } from "./dispatcher.js";\ndispatcher["_executor"];\n(dispatcher as any)._queue;\n(<any>dispatcher)[`_flush`]();',
      filename: consumer,
      errors: [
        { messageId: 'privateAccess', line: 2 },
        { messageId: 'privateAccess', line: 3 },
        { messageId: 'privateAccess', line: 4 },
      ],
    },
    {
      name: 'an alias of an import is followed',
      code: 'import { dispatcher } from "./dispatcher.js";\nconst d = dispatcher;\nexport const e = d._executor;',
      filename: consumer,
      errors: [{ messageId: 'privateAccess' }],
    },
    {
      name: 'boundary "directory": another directory is another module',
      code: 'import { dispatcher } from "../dispatcher.js";\nexport const e = dispatcher._executor;',
      filename: nestedConsumer,
      options: [{ boundary: 'directory' }],
      errors: [{ messageId: 'privateAccess', data: { member: '_executor', declaredIn: "'../dispatcher.js'", reason: 'named with the private prefix', boundary: 'directory' } }],
    },
    {
      name: 'a custom privatePattern',
      code: 'import { dispatcher } from "./dispatcher.js";\nexport const s = dispatcher.$state;',
      filename: consumer,
      options: [{ privatePattern: '^\\$' }],
      errors: [{ messageId: 'privateAccess' }],
    },
  ],
});
