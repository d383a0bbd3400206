import type { ConformanceTest } from './conformance-test.js';
import { eventsOf, isCompleted, jobs } from './jobs.js';

const NEVER = 'never-opened';

/** Crash tests: SIGKILL at chosen points; nothing may be lost. */
export const crashTests: readonly ConformanceTest[] = [
  {
    id: 'C1',
    category: 'crash',
    title: 'a job whose worker is SIGKILLed mid-execution is redelivered and completed',
    async run(t) {
      await t.enqueue({ key: 'j', plan: [{ do: 'gate', gate: NEVER }, { do: 'succeed' }], maxAttempts: 5 });
      const w1 = await t.spawnWorker();
      t.enter('wait for the job to park in W1');
      await t.waitFor('j parked in W1', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.parked', 'j').find((e) => e.pid === w1.pid));
      w1.signal('SIGKILL');
      const exit = await t.waitForExit(w1, t.settings.slackMs);
      t.precondition('W1 was killed by SIGKILL while j was running', exit.signal === 'SIGKILL' && eventsOf(t.events(), 'exec.end', 'j').length === 0);
      const w2 = await t.spawnWorker();
      t.enter('wait for redelivery to W2');
      await t.waitForCompleted(['j'], t.settings.leaseMs * 2 + t.settings.slackMs);
      const starts = eventsOf(t.events(), 'exec.start', 'j');
      t.check('redelivered', starts.some((s) => s.pid === w2.pid), 'j completed without being redelivered to W2', starts);
    },
  },
  {
    id: 'C2',
    category: 'crash',
    title: 'a crash after the side effect and before the acknowledgement redelivers the job (at-least-once)',
    async run(t) {
      await t.enqueue({ key: 'j', plan: [{ do: 'crash' }, { do: 'succeed' }], maxAttempts: 5 });
      const w1 = await t.spawnWorker();
      const exit = await t.waitForExit(w1, t.settings.slackMs * 2);
      t.precondition('W1 killed itself right after the side effect', exit.signal === 'SIGKILL' && eventsOf(t.events(), 'exec.effect', 'j').length === 1);
      await t.spawnWorker();
      t.enter('wait for redelivery');
      await t.waitForCompleted(['j'], t.settings.leaseMs * 2 + t.settings.slackMs);
      const starts = eventsOf(t.events(), 'exec.start', 'j');
      t.check('at-least-once', starts.length === 2, `expected 2 executions of j (one crashed, one completed), saw ${starts.length}`, starts);
    },
  },
  {
    id: 'C3',
    category: 'crash',
    title: 'a worker killed while holding several jobs loses none of them',
    async run(t) {
      const held = jobs('held', 3, [{ do: 'gate', gate: NEVER }, { do: 'succeed' }], { maxAttempts: 5 });
      await t.enqueue(...held);
      const w1 = await t.spawnWorker({ concurrency: 3 });
      t.enter('wait for 3 jobs to park');
      await t.waitFor('3 parked jobs', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.parked').length >= 3);
      w1.signal('SIGKILL');
      const exit = await t.waitForExit(w1, t.settings.slackMs);
      t.precondition('W1 died holding 3 running jobs', exit.signal === 'SIGKILL' && eventsOf(t.events(), 'exec.end').length === 0);
      await t.spawnWorker({ concurrency: 3 });
      await t.waitForCompleted(held.map((j) => j.key), t.settings.leaseMs * 2 + t.settings.slackMs);
    },
  },
  {
    id: 'C4',
    category: 'crash',
    title: 'a SIGKILL that interrupts a graceful shutdown loses nothing',
    async run(t) {
      const held = jobs('held', 2, [{ do: 'gate', gate: NEVER }, { do: 'succeed' }], { maxAttempts: 5 });
      await t.enqueue(...held, ...jobs('queued', 4, [{ do: 'succeed' }]));
      const w1 = await t.spawnWorker({ concurrency: 2, sigtermGraceMs: 5000 });
      await t.waitFor('2 parked jobs', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.parked').length >= 2);
      w1.signal('SIGTERM');
      t.enter('wait for the graceful stop to begin');
      await t.waitFor('stop to begin in W1', t.settings.slackMs, (ev) => eventsOf(ev, 'worker.stop.begin').length > 0);
      w1.signal('SIGKILL');
      const exit = await t.waitForExit(w1, t.settings.slackMs);
      t.precondition('W1 was killed during its graceful stop with jobs in flight', exit.signal === 'SIGKILL' && eventsOf(t.events(), 'worker.stop.end').length === 0);
      await t.drain(t.settings.leaseMs * 2 + t.settings.slackMs);
    },
  },
  {
    id: 'C5',
    category: 'crash',
    title: 'a poison job that crashes its worker every time ends after maxAttempts and does not block other jobs',
    async run(t) {
      await t.enqueue({ key: 'poison', plan: [{ do: 'crash' }], maxAttempts: 2, expect: 'fail' }, ...jobs('healthy', 6, [{ do: 'succeed' }]));
      t.enter('crash the poison job until its attempts are spent');
      for (let crash = 0; crash < 2; crash++) {
        const worker = await t.spawnWorker();
        await t.waitFor(`crash ${crash + 1} of the poison job`, t.settings.leaseMs * 2 + t.settings.slackMs, (ev) => eventsOf(ev, 'exec.effect', 'poison').length > crash);
        await t.waitForExit(worker, t.settings.slackMs);
      }
      t.precondition('the poison job crashed its worker twice', eventsOf(t.events(), 'exec.effect', 'poison').length === 2);
      const survivor = await t.spawnWorker();
      await t.drain();
      t.enter('observe the poison job stays dead past one more lease');
      // Its last lease must expire before a runtime could wrongly retry it: watch one lease and a poll past the drain.
      const extra = await t.watchFor('a third start of the poison job', t.settings.leaseMs + t.settings.pollMs * 4 + 500, (ev) => eventsOf(ev, 'exec.start', 'poison').length > 2);
      t.check('poison-job-dead', extra === undefined && !survivor.hasExited, 'the poison job ran again after maxAttempts (or killed the last worker)', eventsOf(t.events(), 'exec.start', 'poison'));
    },
  },
  {
    id: 'C6',
    category: 'crash',
    title: 'a client killed during a burst of enqueues leaves no partial or duplicate job',
    async run(t) {
      const burst = jobs('burst', 300, [{ do: 'succeed' }]);
      const client = await t.spawnClient({ jobs: burst, lingerMs: 0 });
      t.enter('wait for part of the burst');
      await t.waitFor('20 acknowledged enqueues', t.settings.slackMs, (ev) => eventsOf(ev, 'enqueue.ok').length >= 20);
      client.signal('SIGKILL');
      const exit = await t.waitForExit(client, t.settings.slackMs);
      const acknowledged = eventsOf(t.events(), 'enqueue.ok').length;
      t.precondition('the client died mid-burst', exit.signal === 'SIGKILL' && acknowledged < burst.length);
      await t.spawnWorker({ concurrency: 4 });
      await t.drain();
      const raw = (await t.client()).raw;
      if (raw.stats !== undefined) {
        t.enter('wait for the store to be empty');
        await t.waitForAsync('no pending or running job', t.settings.leaseMs + t.settings.slackMs, async () => {
          const s = await raw.stats?.();
          return s !== undefined && s.pending === 0 && s.running === 0;
        });
      }
    },
  },
  {
    id: 'C7',
    category: 'crash',
    title: 'a worker restarted on the same store drains the backlog without new enqueues',
    async run(t) {
      const backlog = jobs('backlog', 100, [{ do: 'succeed', ms: 5 }]);
      await t.enqueue(...backlog);
      await t.closeClient();
      const w1 = await t.spawnWorker({ concurrency: 2 });
      await t.waitFor('15 completions in W1', t.settings.slackMs * 2, (ev) => eventsOf(ev, 'exec.end').length >= 15);
      w1.signal('SIGKILL');
      await t.waitForExit(w1, t.settings.slackMs);
      const done = backlog.filter((j) => isCompleted(t.events(), j.key)).length;
      t.precondition('W1 died with part of the backlog left', done < backlog.length);
      await t.spawnWorker({ concurrency: 2 });
      await t.waitForCompleted(backlog.map((j) => j.key), t.settings.leaseMs * 2 + t.settings.slackMs * 2);
    },
  },
];
