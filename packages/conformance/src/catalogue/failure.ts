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
  {
    id: 'F6',
    category: 'failure',
    title: 'an error inside the worker with no error listener attached (an onSettled observer that throws) does not crash the process; nothing is lost',
    async run(t) {
      await t.enqueue(...jobs('observed', 8, [{ do: 'succeed' }]), { key: 'flaky', plan: [{ do: 'throw', value: 'error' }], maxAttempts: 2, expect: 'fail' });
      // The kit attaches no error listener of any kind; the adapter decides what it listens to.
      const w1 = await t.spawnWorker({ throwingObserver: true });
      t.enter('the worker runs jobs while its observer throws');
      await t.waitForCompleted(jobs('observed', 8, []).map((j) => j.key), t.settings.slackMs);
      await t.waitFor('both attempts of the failing job to settle', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.end', 'flaky').length >= 2 && eventsOf(ev, 'settled').length >= 10);
      t.precondition('the observer threw for completions and failures', eventsOf(t.events(), 'settled').length >= 10);
      // An unhandled error crashes a Node process asynchronously (next tick, an 'error' event): watch a little.
      const died = await t.watchFor('the worker process to die', t.settings.pollMs * 4 + 300, () => w1.hasExited);
      t.check('process-survives', died === undefined && !w1.hasExited, `the worker process died: ${w1.output.slice(-500)}`);
      await t.enqueue({ key: 'after', plan: [{ do: 'succeed' }] });
      await t.waitForCompleted(['after'], t.settings.slackMs);
      t.check('loop-survives', eventsOf(t.events(), 'exec.start', 'after').some((s) => s.pid === w1.pid), 'a job enqueued after the observer failures did not run in the same worker');
    },
  },
  {
    id: 'F7',
    category: 'failure',
    title: 'a transient store outage does not kill the worker loop: it resumes after the outage and loses nothing',
    requires: ['blockStore'],
    async run(t) {
      const block = t.adapter.blockStore?.bind(t.adapter);
      if (block === undefined) throw new Error('the adapter claims blockStore but has no blockStore()');
      const queued = jobs('queued', 4, [{ do: 'succeed' }]);
      await t.enqueue(...jobs('held', 2, [{ do: 'gate', gate: 'during-outage' }]), ...queued);
      // Two slots hold parked jobs, the third polls: the outage meets a claim, a completion and a heartbeat.
      const w1 = await t.spawnWorker({ concurrency: 3 });
      await t.waitFor('2 parked jobs', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.parked').length >= 2);
      await t.waitForCompleted(queued.map((j) => j.key), t.settings.slackMs);
      t.enter('store blocked');
      const outage = await block(await t.env());
      const holdMs = Math.min(Math.max(outage.holdMs, 0), 10_000);
      t.history.append({ type: 'fault', pid: w1.pid, data: { fault: 'blockStore', phase: 'begin', holdMs } });
      // The held handlers return now: their completions, and the next claims, meet the outage.
      t.openGate('during-outage');
      await t.elapse('the outage', holdMs);
      await outage.release();
      const released = t.history.append({ type: 'fault', pid: w1.pid, data: { fault: 'blockStore', phase: 'end' } });
      t.enter('wait for W1 to resume');
      await t.waitForCompleted(jobs('held', 2, []).map((j) => j.key), t.settings.leaseMs * 2 + t.settings.slackMs);
      const events = t.events();
      const begin = events.find((e) => e.type === 'fault' && e.data['phase'] === 'begin');
      const heldIds = new Set(eventsOf(events, 'exec.start').filter((s) => s.key?.startsWith('held') === true).map((s) => s.jobId));
      // The first end of each held job (a completion refused after the outage may run it again).
      const heldEnds = jobs('held', 2, []).map((j) => eventsOf(events, 'exec.end', j.key)[0]);
      const committedDuring = events.filter((e) => e.type === 'settled' && e.seq < released && heldIds.has(e.jobId) && e.data['outcome'] === 'completed');
      t.precondition(
        'a held handler returned during the outage and no completion of the held jobs was committed before it ended',
        // One is enough: a runtime whose store calls block its event loop may run the other handler only after the outage.
        begin !== undefined && heldEnds.some((e) => e !== undefined && e.pid === w1.pid && e.seq > begin.seq && e.seq < released) && committedDuring.length === 0,
      );
      t.check('loop-resumes', !w1.hasExited, `the worker process died during the outage: ${w1.output.slice(-500)}`);
      t.enter('wait for W1 to run a job enqueued after the outage');
      await t.enqueue({ key: 'after', plan: [{ do: 'succeed' }] });
      await t.waitForCompleted(['after'], t.settings.leaseMs + t.settings.slackMs);
      const after = eventsOf(t.events(), 'exec.start', 'after');
      t.check('loop-resumes', after.some((s) => s.pid === w1.pid), 'a job enqueued after the outage did not run in W1 (its loop is dead)', after);
    },
  },
];
