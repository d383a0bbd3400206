import type { ThrownValue } from '../harness/handler-plan.js';
import { KIT_UNKNOWN_TASK } from '../harness/handler-plan.js';
import type { ConformanceTest } from './conformance-test.js';
import { eventsOf, jobs } from './jobs.js';

const THROWN: readonly ThrownValue[] = ['error', 'string', 'undefined', 'null', 'circular'];

/** Failure tests: handlers that throw, reject, hang; tasks nobody handles. */
export const failureTests: readonly ConformanceTest[] = [
  {
    id: 'F1',
    category: 'failure',
    title: 'handlers that throw synchronously (Errors and non-Errors) do not stop the worker, and are never recorded as completed',
    async run(t) {
      const failing = THROWN.map((value) => ({ key: `throws-${value}`, plan: [{ do: 'throw' as const, value }], maxAttempts: 1, expect: 'fail' as const }));
      await t.enqueue(...failing, ...jobs('healthy', 8, [{ do: 'succeed' }]));
      const w1 = await t.spawnWorker();
      await t.drain();
      t.check('worker-alive', !w1.hasExited, 'the worker process died');
      const events = t.events();
      for (const job of failing) {
        t.precondition(`${job.key} threw`, eventsOf(events, 'exec.end', job.key).some((e) => e.data['outcome'] === 'threw'));
        const completed = events.filter((e) => e.type === 'settled' && e.data['outcome'] === 'completed' && eventsOf(events, 'exec.start', job.key).some((s) => s.jobId === e.jobId));
        t.check('failure-not-completion', completed.length === 0, `${job.key} threw but was acknowledged as completed`, completed);
      }
    },
  },
  {
    id: 'F2',
    category: 'failure',
    title: 'handlers that reject later do not stop the worker',
    async run(t) {
      await t.enqueue(...THROWN.map((value) => ({ key: `rejects-${value}`, plan: [{ do: 'throw' as const, value, async: true, ms: 10 }], maxAttempts: 1, expect: 'fail' as const })), ...jobs('healthy', 8, [{ do: 'succeed' }]));
      const w1 = await t.spawnWorker({ concurrency: 2 });
      await t.drain();
      t.check('worker-alive', !w1.hasExited, 'the worker process died');
    },
  },
  {
    id: 'F3',
    category: 'failure',
    title: 'a failing job is retried with backoff up to maxAttempts, then never again',
    async run(t) {
      await t.enqueue({ key: 'flaky', plan: [{ do: 'throw', value: 'error' }], maxAttempts: 3, expect: 'fail' }, { key: 'healthy', plan: [{ do: 'succeed' }] });
      await t.spawnWorker();
      const starts = await t.waitForStarts('flaky', 3, t.settings.retryDelayMs * 3 + t.settings.slackMs);
      t.precondition('the job failed three times', starts.length === 3);
      const extra = await t.watchFor('a fourth attempt', t.settings.retryDelayMs * 3 + t.settings.pollMs * 4 + 300, (ev) => eventsOf(ev, 'exec.start', 'flaky')[3]);
      t.check('attempt-limit', extra === undefined, 'the job ran a fourth time with maxAttempts 3', extra ? [extra] : []);
      await t.drain();
    },
  },
  {
    id: 'F4',
    category: 'failure',
    title: 'a handler that never settles occupies one slot only; the others keep working',
    async run(t) {
      await t.enqueue({ key: 'hung', plan: [{ do: 'gate', gate: 'never' }], expect: 'any' }, ...jobs('healthy', 8, [{ do: 'succeed', ms: 5 }]));
      await t.spawnWorker({ concurrency: 2 });
      await t.drain();
      t.precondition('the hung job was running throughout', eventsOf(t.events(), 'exec.parked', 'hung').length === 1 && eventsOf(t.events(), 'exec.end', 'hung').length === 0);
    },
  },
  {
    id: 'F5',
    category: 'failure',
    title: 'a job for an unregistered task neither crashes the worker nor is acknowledged as completed',
    async run(t) {
      const client = await t.client();
      let id: string | undefined;
      try {
        id = (await client.enqueueRequest({ key: 'unknown', expect: 'any' }, { task: KIT_UNKNOWN_TASK, payload: { key: 'unknown', plan: [{ do: 'succeed' }] } })).id;
      } catch {
        // Refusing an unknown task at the door is correct too.
      }
      await t.enqueue(...jobs('healthy', 5, [{ do: 'succeed' }]));
      const w1 = await t.spawnWorker();
      await t.drain();
      t.check('worker-alive', !w1.hasExited, 'the worker process died');
      if (id !== undefined) {
        const done = await t.watchFor('a completion of the unknown-task job', t.settings.pollMs * 4 + 300, (ev) => ev.find((e) => e.type === 'settled' && e.jobId === id && e.data['outcome'] === 'completed'));
        t.check('unknown-not-completed', done === undefined, 'a job whose task has no handler was acknowledged as completed', done ? [done] : []);
      }
    },
  },
];
