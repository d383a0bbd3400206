import { seededRandom } from '../harness/seeded-random.js';
import type { KitProcess } from '../harness/test-run.js';
import type { HistoryEvent } from '../history/history-event.js';
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
  {
    id: 'C8',
    category: 'crash',
    title: 'a worker killed after the handler returned but before the completion commit: the job is redelivered and completes once',
    requires: ['beforeCompleteHook'],
    async run(t) {
      await t.enqueue({ key: 'j', plan: [{ do: 'crashBeforeComplete' }, { do: 'succeed' }], maxAttempts: 5 });
      const w1 = await t.spawnWorker();
      t.enter('wait for W1 to die in its completion failpoint');
      const exit = await t.waitForExit(w1, t.settings.slackMs * 2);
      const before = t.events();
      const first = eventsOf(before, 'exec.start', 'j').find((s) => s.pid === w1.pid);
      const returned = eventsOf(before, 'exec.end', 'j').some((e) => e.pid === w1.pid && e.data['outcome'] === 'returned');
      const completing = first !== undefined && before.some((e) => e.type === 'exec.completing' && e.pid === w1.pid && e.jobId === first.jobId);
      t.precondition(
        "W1 was SIGKILLed inside beforeComplete, after j's handler returned, with no settlement reported",
        exit.signal === 'SIGKILL' && returned && completing && eventsOf(before, 'settled').length === 0,
      );
      const w2 = await t.spawnWorker();
      t.enter('wait for W2 to complete the redelivered job');
      // Not waitForCompleted: W1's killed execution already counts as "maybe committed" there.
      const done = await t.waitFor("W2's completion of j", t.settings.leaseMs * 2 + t.settings.slackMs, (ev) =>
        ev.find((e) => e.type === 'settled' && e.pid === w2.pid && e.jobId === first?.jobId && e.data['outcome'] === 'completed'),
      );
      const events = t.events();
      const starts = eventsOf(events, 'exec.start', 'j');
      t.check('redelivered', starts.length === 2 && starts[1]?.pid === w2.pid, `expected j to run once in W1 and once in W2, saw ${starts.length} execution(s)`, starts);
      const completions = events.filter((e) => e.type === 'settled' && e.jobId === first?.jobId && e.data['outcome'] === 'completed');
      t.check('completes-once', completions.length === 1, `j was acknowledged as completed ${completions.length} times`, [...starts, ...completions]);
      const extra = await t.watchFor('another start of j', t.settings.leaseMs + t.settings.pollMs * 4, (ev) => eventsOf(ev, 'exec.start', 'j')[2]);
      t.check('completes-once', extra === undefined, 'j ran again after its completion was committed', extra ? [done, extra] : [done]);
    },
  },
  {
    id: 'C9',
    category: 'crash',
    title: 'random SIGKILLs of competing workers under load lose nothing (seeded soak)',
    randomised: true,
    async run(t) {
      const random = seededRandom(t.seed);
      // Durations and kills are drawn from the seed; the load lasts several kill intervals.
      const load = Array.from({ length: 300 }, (_, i) => ({ key: `soak-${i}`, plan: [{ do: 'succeed' as const, ms: 40 + Math.floor(random() * 200) }], maxAttempts: 25 }));
      await t.enqueue(...load);
      await t.closeClient();
      const workers: KitProcess[] = await Promise.all([0, 1, 2].map(() => t.spawnWorker({ concurrency: 2 })));
      const soakMs = t.settings.leaseMs * 10;
      const until = performance.now() + soakMs;
      t.enter(`kill a random worker every 0.5-1.5 s for ${soakMs} ms (seed ${t.seed})`);
      while (performance.now() < until && t.pendingKeys().length > 0) {
        await t.elapse('the next kill', 500 + Math.floor(random() * 1000));
        const index = Math.floor(random() * workers.length);
        const victim = workers[index];
        if (victim === undefined) continue;
        victim.signal('SIGKILL');
        await t.waitForExit(victim, t.settings.slackMs);
        // The supervisor: a killed worker is replaced at once.
        workers[index] = await t.spawnWorker({ concurrency: 2 });
      }
      const events = t.events();
      const landed = eventsOf(events, 'fault').filter((fault) => fault.data['signal'] === 'SIGKILL' && runningAt(events, fault.pid, fault.seq) > 0);
      t.precondition('at least 3 kills landed on a worker with jobs in flight', landed.length >= 3);
      t.enter('drain after the soak');
      await t.waitForCompleted(load.map((j) => j.key), t.settings.leaseMs * 2 + t.settings.slackMs * 2);
    },
  },
];

/** How many executions process `pid` had started and not ended before history position `seq`. */
function runningAt(events: readonly HistoryEvent[], pid: number, seq: number): number {
  const open = new Set<string>();
  for (const e of events) {
    if (e.seq >= seq) break;
    if (e.pid !== pid || e.execId === null) continue;
    if (e.type === 'exec.start') open.add(e.execId);
    if (e.type === 'exec.end') open.delete(e.execId);
  }
  return open.size;
}
