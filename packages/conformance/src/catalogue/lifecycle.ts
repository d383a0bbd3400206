import { loadAdapter } from '../runner/load-adapter.js';
import type { ConformanceTest } from './conformance-test.js';
import type { HistoryEvent } from '../history/history-event.js';
import type { TestRun } from '../harness/test-run.js';
import { eventsOf, jobs } from './jobs.js';
import { Unsupported } from './test-outcome.js';

/** Waits for `count` settled `start()` calls; a handle without `start` makes the test unsupported. */
async function startCalls(t: TestRun, count: number): Promise<HistoryEvent[]> {
  const calls = await t.waitFor(`${count} start() call(s) to settle`, t.settings.slackMs, (ev) => {
    const list = eventsOf(ev, 'worker.start.call');
    return list.some((c) => c.data['unsupported'] === true) || list.length >= count ? list : undefined;
  });
  if (calls.some((c) => c.data['unsupported'] === true)) throw new Unsupported('the worker handle has no start()');
  return calls;
}

/** Lifecycle tests: clients, idle workers, restarts, the manifest, inspection. */
export const lifecycleTests: readonly ConformanceTest[] = [
  {
    id: 'L1',
    category: 'lifecycle',
    title: 'an enqueue-only client process never dequeues, and exits by itself after close',
    async run(t) {
      const batch = jobs('queued', 10, [{ do: 'succeed' }]);
      const client = await t.spawnClient({ jobs: batch, lingerMs: t.settings.pollMs * 6 + 300 });
      const exit = await t.waitForExit(client, t.settings.slackMs * 2);
      t.check('client-exits', exit.code === 0 && exit.signal === null, `the client process ended with ${exit.signal ?? `code ${exit.code}`}`);
      t.precondition('the client enqueued every job', eventsOf(t.events(), 'enqueue.ok').length === batch.length);
      const stats = await (await t.client()).raw.stats?.();
      if (stats !== undefined) t.check('nothing-claimed', stats.running === 0 && stats.pending === batch.length, `with no worker anywhere the store shows ${JSON.stringify(stats)}`);
      await t.spawnWorker({ concurrency: 2 });
      await t.waitForCompleted(batch.map((j) => j.key), t.settings.slackMs);
      const late = eventsOf(t.events(), 'exec.start').filter((s) => s.attempt !== 1);
      t.check('first-attempts', late.length === 0, 'jobs reached the worker with attempts already spent: something claimed them before', late);
    },
  },
  {
    id: 'L2',
    category: 'lifecycle',
    title: 'an idle worker finds a job enqueued by another process within its poll interval',
    async run(t) {
      await t.spawnWorker({ pollMs: 100 });
      await t.enqueue({ key: 'warm', plan: [{ do: 'succeed' }] });
      await t.waitForCompleted(['warm'], t.settings.slackMs);
      const client = await t.spawnClient({ jobs: [{ key: 'probe', plan: [{ do: 'succeed' }] }], lingerMs: 0 });
      await t.waitForExit(client, t.settings.slackMs);
      await t.waitForCompleted(['probe'], t.settings.slackMs);
      const ok = eventsOf(t.events(), 'enqueue.ok', 'probe')[0];
      const start = eventsOf(t.events(), 'exec.start', 'probe')[0];
      if (ok === undefined || start === undefined) throw new Error('unreachable: probe completed without records');
      t.check('poll-bound', start.t - ok.t <= 100 + 1000, `the idle worker took ${(start.t - ok.t).toFixed(0)} ms to find a job with pollMs 100`, [ok, start]);
    },
  },
  {
    id: 'L3',
    category: 'lifecycle',
    title: 'the capability manifest uses known names only and does not change during a run',
    async run(t) {
      const before = JSON.stringify(t.adapter.capabilities);
      t.check('no-duplicates', new Set(t.adapter.capabilities).size === t.adapter.capabilities.length, `duplicate capabilities: ${before}`);
      await t.enqueue({ key: 'one', plan: [{ do: 'succeed' }] });
      await t.spawnWorker();
      await t.drain();
      const after = JSON.stringify(t.adapter.capabilities);
      t.check('stable-manifest', before === after, `capabilities changed during the run: ${before} → ${after}`);
      const fresh = await loadAdapter(t.adapterUrl);
      t.check('stable-manifest', JSON.stringify(fresh.capabilities) === after, 'a fresh import of the adapter declares different capabilities');
    },
  },
  {
    id: 'L4',
    category: 'lifecycle',
    title: 'a worker started after another stopped continues with the jobs left on the store',
    async run(t) {
      await t.enqueue({ key: 'first', plan: [{ do: 'gate', gate: 'go' }] }, ...jobs('rest', 5, [{ do: 'succeed' }]));
      const w1 = await t.spawnWorker();
      await t.waitFor('the first job parked', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.parked').length > 0);
      w1.stop(5000);
      await t.waitFor('stop to begin', t.settings.slackMs, (ev) => eventsOf(ev, 'worker.stop.begin').length > 0);
      t.openGate('go');
      await t.waitForExit(w1, 5000 + t.settings.slackMs);
      t.precondition('jobs were left on the store when W1 stopped', eventsOf(t.events(), 'exec.start').length < 6);
      await t.spawnWorker();
      await t.drain();
    },
  },
  {
    id: 'L5',
    category: 'lifecycle',
    title: "the client's stats agree with the history",
    async run(t) {
      const client = await t.client();
      if (client.raw.stats === undefined) {
        throw new Unsupported('the adapter client has no stats()');
      }
      await t.enqueue(...jobs('done', 3, [{ do: 'succeed' }]), { key: 'failed', plan: [{ do: 'throw', value: 'error' }], maxAttempts: 1, expect: 'fail' });
      const w1 = await t.spawnWorker();
      await t.waitForCompleted(['done-0', 'done-1', 'done-2'], t.settings.slackMs);
      await t.waitFor('the failing job to settle', t.settings.slackMs, (ev) => eventsOf(ev, 'settled').length >= 4);
      w1.stop(1000);
      await t.waitForExit(w1, 1000 + t.settings.slackMs);
      await t.enqueue(...jobs('waiting', 2, [{ do: 'succeed' }], { expect: 'any' }));
      const stats = await client.raw.stats();
      const expected = { pending: 2, running: 0, completed: 3, failed: 1 };
      const same = stats.pending === expected.pending && stats.running === expected.running && stats.completed === expected.completed && stats.failed === expected.failed;
      t.check('stats-consistent', same, `stats() returned ${JSON.stringify(stats)}; the history says ${JSON.stringify(expected)}`);
    },
  },
  {
    id: 'L6',
    category: 'lifecycle',
    title: 'start() after stop() on the same worker runs it again (restartable) or rejects with an Error, never leaves it half-alive',
    async run(t) {
      const restartable = t.adapter.capabilities.includes('restartable');
      await t.enqueue({ key: 'before', plan: [{ do: 'succeed' }] });
      const w1 = await t.spawnWorker();
      await t.waitForCompleted(['before'], t.settings.slackMs);
      t.enter('stop W1, then start the same worker again');
      w1.restart(1000);
      const [call] = await startCalls(t, 1);
      if (call === undefined) throw new Error('unreachable: no start() call recorded');
      const stopEnd = eventsOf(t.events(), 'worker.stop.end').find((e) => e.pid === w1.pid);
      t.precondition('W1 stopped before start() was called again', stopEnd !== undefined && stopEnd.seq < call.seq);
      t.enter(restartable ? 'the restarted worker must run a new job' : 'the refused worker must run nothing and exit');
      await t.enqueue({ key: 'after', plan: [{ do: 'succeed' }] });
      if (restartable) {
        t.check('restart-runs', call.data['ok'] === true, `start() after stop() rejected although the adapter claims restartable: ${String(call.data['message'])}`, [call]);
        await t.waitFor('W1 to run the job enqueued after its restart', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.start', 'after').find((s) => s.pid === w1.pid));
        await t.waitForCompleted(['after'], t.settings.slackMs);
        return;
      }
      t.check('restart-refused', call.data['ok'] === false && call.data['isError'] === true, `start() after stop() ${call.data['ok'] === true ? 'resolved' : `rejected with a non-Error (${String(call.data['message'])})`} although the adapter does not claim restartable`, [call]);
      const exit = await t.waitForExit(w1, t.settings.slackMs);
      t.check('refused-worker-exits', exit.code === 0 && exit.signal === null, `after the refused restart the process ended with ${exit.signal ?? `code ${String(exit.code)}`}`);
      await t.drain();
      const late = eventsOf(t.events(), 'exec.start').filter((s) => s.pid === w1.pid && s.seq > call.seq);
      t.check('refused-worker-idle', late.length === 0, 'the worker whose restart was refused ran jobs anyway', late);
    },
  },
  {
    id: 'L7',
    category: 'lifecycle',
    title: 'start() called again on a running worker never creates a second loop: the concurrency limit still holds',
    async run(t) {
      const w1 = await t.spawnWorker({ concurrency: 2 });
      t.enter('call start() three more times at once on the running worker');
      w1.startAgain(3);
      const calls = await startCalls(t, 3);
      const bad = calls.filter((c) => c.data['ok'] === false && c.data['isError'] !== true);
      t.check('start-again-settles', bad.length === 0, 'start() on a running worker rejected with a non-Error', bad);
      await t.enqueue(...jobs('wave', 6, [{ do: 'gate', gate: 'wave' }]));
      await t.waitFor('2 parked jobs', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.parked').length >= 2);
      const third = await t.watchFor('a third parked job', t.settings.pollMs * 4 + 300, (ev) => eventsOf(ev, 'exec.parked').length > 2);
      t.check('single-loop', third === undefined, 'a third job started with concurrency 2 after start() was called again: a second loop runs', eventsOf(t.events(), 'exec.parked'));
      t.openGate('wave');
      await t.drain();
    },
  },
];
