import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageId, type Options } from '../../src/rules/no-private-cross-module-access.js';

// Typed mode on a mini-monorepo (bench/real-code FP2 and FP3, crawlee): `@ws/core` declares
// `@internal` and `@private` members; each sibling package depends on it in a different way.
const fixture = join(import.meta.dirname, '..', 'fixtures', 'no-private-cross-module-access-workspace');
const consumerIn = (name: string): string => join(fixture, 'packages', name, 'src', 'consumer.ts');

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fixture } },
  settings: { steadfast: { typeAware: true } },
});

// See no-private-cross-module-access.typed.test.ts: two copies of @typescript-eslint/utils.
const subject = rule as unknown as Parameters<typeof ruleTester.run<MessageId, Options>>[1];

const usesInternals = 'import { parseArgument, Pool } from "@ws/core";\nexport const v = [parseArgument(1), new Pool().createPool()];';
const usesInternalsThroughMiddle = 'import { parseArgument, Pool } from "@ws/middle";\nexport const v = [parseArgument(1), new Pool().createPool()];';
const callsPrivateTag =
  'import type { BrowserController } from "@ws/core";\nexport const options = (controller: BrowserController) => controller.normalizeProxyOptions(undefined);';

const internalReports = [
  { messageId: 'declaredPrivateAccess' as const, data: { member: 'parseArgument', declaredIn: "'../../core/src/validators.ts'", reason: 'tagged `@internal`', boundary: 'package' }, line: 1, column: 10 },
  { messageId: 'declaredPrivateAccess' as const, data: { member: 'Pool.createPool', declaredIn: "'../../core/src/index.ts'", reason: 'tagged `@internal`', boundary: 'package' }, line: 2, column: 48 },
];

ruleTester.run('no-private-cross-module-access (workspace release units)', subject, {
  valid: [
    {
      name: '`workspace:*` is published as the exact version: caller and callee ship together',
      code: usesInternals,
      filename: consumerIn('star'),
    },
    {
      name: '`workspace:1.2.0` is an exact version too',
      code: usesInternals,
      filename: consumerIn('exact-workspace'),
    },
    {
      name: 'a plain exact pin of the sibling\u2019s current version, inside a workspace',
      code: usesInternals,
      filename: consumerIn('pinned'),
    },
    {
      name: 'exact pins chain: `@ws/chain` pins `@ws/middle`, which pins `@ws/core` (crawlee’s crawlers through @crawlee/basic)',
      code: usesInternalsThroughMiddle,
      filename: consumerIn('chain'),
    },
    {
      name: 'explicit internalBoundary "release-unit" (the default)',
      code: usesInternals,
      filename: consumerIn('star'),
      options: [{ internalBoundary: 'release-unit' }],
    },
    {
      name: 'JSDoc `@private` in TypeScript hides docs: the declaring package may call it (FP3)',
      code: callsPrivateTag,
      filename: join(fixture, 'packages', 'core', 'src', 'pool.ts'),
    },
    {
      name: 'JSDoc `@private` from an exactly pinned sibling follows the same release unit',
      code: callsPrivateTag,
      filename: consumerIn('star'),
    },
  ],
  invalid: [
    {
      name: '`workspace:^` publishes a range: a newer callee may change its internals',
      code: usesInternals,
      filename: consumerIn('caret'),
      errors: internalReports,
    },
    {
      name: 'a chain with one range link is not a release unit',
      code: usesInternalsThroughMiddle,
      filename: consumerIn('chain-caret'),
      errors: internalReports,
    },
    {
      name: 'a caret range outside the workspace protocol',
      code: usesInternals,
      filename: consumerIn('ranged'),
      errors: internalReports,
    },
    {
      name: 'an exact pin of another version than the sibling\u2019s own',
      code: usesInternals,
      filename: consumerIn('stale'),
      errors: internalReports,
    },
    {
      name: 'a devDependency does not ship with the caller',
      code: usesInternals,
      filename: consumerIn('dev-only'),
      errors: internalReports,
    },
    {
      name: 'no dependency at all',
      code: usesInternals,
      filename: consumerIn('unrelated'),
      errors: internalReports,
    },
    {
      name: 'internalBoundary "package" keeps the strict reading: every other package is outside',
      code: usesInternals,
      filename: consumerIn('star'),
      options: [{ internalBoundary: 'package' }],
      errors: internalReports,
    },
    {
      name: 'JSDoc `@private` in TypeScript, from a package outside the release unit',
      code: callsPrivateTag,
      filename: consumerIn('unrelated'),
      errors: [
        {
          messageId: 'declaredPrivateAccess',
          data: { member: 'BrowserController.normalizeProxyOptions', declaredIn: "'../../core/src/browser-controller.ts'", reason: 'tagged `@private`', boundary: 'package' },
        },
      ],
    },
  ],
});
