import { CAPABILITIES, type EnqueueRequest } from '../adapter.js';
import { KIT_TASK } from '../harness/handler-plan.js';
import type { ConformanceTest } from './conformance-test.js';
import { eventsOf } from './jobs.js';

function cyclic(): unknown {
  const value: Record<string, unknown> = { key: 'cyclic', plan: [{ do: 'succeed' }] };
  value['self'] = value;
  return value;
}

/** Enqueues that must be refused; each names the key it would run under if wrongly stored. */
async function expectRefused(t: Parameters<ConformanceTest['run']>[0], cases: readonly { key: string; request: EnqueueRequest }[]): Promise<void> {
  const client = await t.client();
  const accepted: string[] = [];
  for (const { key, request } of cases) {
    try {
      await client.enqueueRequest({ key, expect: 'any' }, request);
      accepted.push(key);
    } catch {
      // refused, as it must be
    }
  }
  await t.enqueue({ key: 'sentinel', plan: [{ do: 'succeed' }] });
  await t.spawnWorker();
  await t.drain();
  const ran = await t.watchFor('a refused job to run', t.settings.pollMs * 4 + 200, (ev) => ev.find((e) => e.type === 'exec.start' && e.key !== 'sentinel'));
  t.check('refused', accepted.length === 0, `accepted: ${accepted.join(', ')}`, accepted.flatMap((k) => eventsOf(t.events(), 'enqueue.ok', k)));
  t.check('nothing-stored', ran === undefined, 'a refused enqueue left a job that ran', ran ? [ran] : []);
}

/** Bad-input tests. */
export const inputTests: readonly ConformanceTest[] = [
  {
    id: 'I1',
    category: 'input',
    title: 'a payload that is not JSON-serialisable is refused and nothing is stored',
    async run(t) {
      await expectRefused(t, [
        { key: 'function', request: { task: KIT_TASK, payload: { key: 'function', plan: [{ do: 'succeed' }], fn: () => 1 } } },
        { key: 'bigint', request: { task: KIT_TASK, payload: { key: 'bigint', plan: [{ do: 'succeed' }], n: 1n } } },
        { key: 'symbol', request: { task: KIT_TASK, payload: { key: 'symbol', plan: [{ do: 'succeed' }], s: Symbol('x') } } },
        { key: 'cyclic', request: { task: KIT_TASK, payload: cyclic() } },
      ]);
    },
  },
  {
    id: 'I2',
    category: 'input',
    title: 'invalid enqueue options are refused and nothing is stored',
    async run(t) {
      const payload = (key: string): unknown => ({ key, plan: [{ do: 'succeed' }] });
      const cases: { key: string; request: EnqueueRequest }[] = [
        { key: 'attempts-0', request: { task: KIT_TASK, payload: payload('attempts-0'), maxAttempts: 0 } },
        { key: 'attempts-negative', request: { task: KIT_TASK, payload: payload('attempts-negative'), maxAttempts: -1 } },
        { key: 'attempts-nan', request: { task: KIT_TASK, payload: payload('attempts-nan'), maxAttempts: Number.NaN } },
        { key: 'attempts-fraction', request: { task: KIT_TASK, payload: payload('attempts-fraction'), maxAttempts: 1.5 } },
        { key: 'empty-task', request: { task: '', payload: payload('empty-task') } },
        { key: 'delay-negative', request: { task: KIT_TASK, payload: payload('delay-negative'), delayMs: -5 } },
      ];
      if (t.adapter.capabilities.includes('priorities')) cases.push({ key: 'priority-fraction', request: { task: KIT_TASK, payload: payload('priority-fraction'), priority: 0.5 } });
      await expectRefused(t, cases);
    },
  },
  {
    id: 'I3',
    category: 'input',
    title: 'payloads round-trip faithfully (Unicode, nesting, large strings)',
    async run(t) {
      const blob = { text: 'żółw 🐢 \u0000 "quoted" \\ end', nested: { list: [1, -2.5, true, null, { deep: ['x'] }] }, big: 'x'.repeat(20_000), emptyKey: { '': 0 } };
      await t.enqueue({ key: 'rich', plan: [{ do: 'succeed' }], blob });
      await t.spawnWorker();
      await t.drain();
      const start = eventsOf(t.events(), 'exec.start', 'rich')[0];
      const received = start?.data['blob'];
      t.check('round-trip', JSON.stringify(received) === JSON.stringify(blob), 'the handler received a payload different from the one enqueued', start ? [start] : []);
    },
  },
  {
    id: 'I4',
    category: 'input',
    title: 'invalid worker options (concurrency 0, negative lease) are refused at start',
    async run(t) {
      for (const overrides of [{ concurrency: 0 }, { leaseMs: -1 }]) {
        const refused = await t.spawnWorker(overrides).then(
          () => false,
          () => true,
        );
        t.check('invalid-worker-options', refused, `startWorker accepted ${JSON.stringify(overrides)}`);
      }
    },
  },
  {
    id: 'I5',
    category: 'input',
    title: 'an enqueue option whose capability is not claimed is refused, not silently ignored',
    unsupportedReason: (adapter) =>
      ['delayedJobs', 'priorities', 'idempotencyKeys'].every((c) => adapter.capabilities.includes(c as (typeof CAPABILITIES)[number])) ? 'every option-bearing capability is claimed' : undefined,
    async run(t) {
      const payload = (key: string): unknown => ({ key, plan: [{ do: 'succeed' }] });
      const cases: { key: string; request: EnqueueRequest }[] = [];
      if (!t.adapter.capabilities.includes('delayedJobs')) cases.push({ key: 'delay', request: { task: KIT_TASK, payload: payload('delay'), delayMs: 1000 } });
      if (!t.adapter.capabilities.includes('priorities')) cases.push({ key: 'priority', request: { task: KIT_TASK, payload: payload('priority'), priority: 5 } });
      if (!t.adapter.capabilities.includes('idempotencyKeys')) cases.push({ key: 'idempotency', request: { task: KIT_TASK, payload: payload('idempotency'), idempotencyKey: 'k' } });
      await expectRefused(t, cases);
    },
  },
];
