import type { ConformanceTest } from './conformance-test.js';
import { eventsOf, jobs } from './jobs.js';

/** Stop on an idle worker must beat this, far above the scheduling jitter measured on 2 cores. */
const PROMPT_STOP_MS = 500;

/** Shutdown tests: stop(), SIGTERM, grace periods. */
export const shutdownTests: readonly ConformanceTest[] = [
  {
    id: 'S1',
    category: 'shutdown',
    title: 'stop() waits for in-flight jobs that finish within the grace period',
    async run(t) {
      await t.enqueue(...jobs('inflight', 2, [{ do: 'gate', gate: 'finish' }]));
      const w1 = await t.spawnWorker({ concurrency: 2 });
      await t.waitFor('2 parked jobs', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.parked').length >= 2);
      w1.stop(8000);
      await t.waitFor('stop to begin', t.settings.slackMs, (ev) => eventsOf(ev, 'worker.stop.begin').length > 0);
      t.openGate('finish');
      const end = await t.waitFor('stop to resolve', 8000 + t.settings.slackMs, (ev) => eventsOf(ev, 'worker.stop.end')[0]);
      const events = t.events();
      t.precondition('both jobs were running when stop began', eventsOf(events, 'exec.end').every((e) => e.seq > (eventsOf(events, 'worker.stop.begin')[0]?.seq ?? 0)));
      const settledBefore = events.filter((e) => e.type === 'settled' && e.data['outcome'] === 'completed' && e.seq < end.seq);
      t.check('stop-waits', settledBefore.length === 2, `stop() resolved with ${2 - settledBefore.length} in-flight job(s) not yet completed`, [...eventsOf(events, 'exec.end'), end]);
    },
  },
  {
    id: 'S2',
    category: 'shutdown',
    title: 'stop() past its grace period aborts and releases unfinished jobs at once, nothing lost',
    async run(t) {
      await t.enqueue({ key: 'stuck', plan: [{ do: 'hang' }, { do: 'succeed' }], maxAttempts: 5 });
      // A long lease: only a release, not an expiry, lets the next worker take the job in time.
      const w1 = await t.spawnWorker({ leaseMs: 30_000 });
      await t.waitForStarts('stuck', 1, t.settings.slackMs);
      w1.stop(300);
      const end = await t.waitFor('stop to resolve', 300 + t.settings.slackMs, (ev) => eventsOf(ev, 'worker.stop.end')[0]);
      t.check('signal-aborted', eventsOf(t.events(), 'exec.abort', 'stuck').length > 0, "the job's AbortSignal did not fire when the grace period ran out", [end]);
      await t.spawnWorker();
      t.enter('the released job must be taken at once, not after the 30 s lease');
      await t.waitForCompleted(['stuck'], t.settings.pollMs + t.settings.slackMs);
    },
  },
  {
    id: 'S3',
    category: 'shutdown',
    title: 'SIGTERM with in-flight and queued jobs loses nothing and the process exits by itself',
    async run(t) {
      await t.enqueue(
        { key: 'short', plan: [{ do: 'gate', gate: 'short' }] },
        { key: 'stuck', plan: [{ do: 'hang' }, { do: 'succeed' }], maxAttempts: 5 },
        ...jobs('queued', 5, [{ do: 'succeed' }]),
      );
      const w1 = await t.spawnWorker({ concurrency: 2, sigtermGraceMs: 600 });
      await t.waitFor('2 running jobs', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.start').length >= 2);
      w1.signal('SIGTERM');
      await t.waitFor('stop to begin', t.settings.slackMs, (ev) => eventsOf(ev, 'worker.stop.begin').length > 0);
      t.openGate('short');
      const exit = await t.waitForExit(w1, 600 + t.settings.slackMs);
      t.check('exits-by-itself', exit.code === 0 && exit.signal === null, `W1 ended with ${exit.signal ?? `code ${exit.code}`} instead of exiting cleanly`);
      t.precondition('jobs were in flight at SIGTERM', eventsOf(t.events(), 'exec.start').length >= 2);
      await t.drain();
    },
  },
  {
    id: 'S4',
    category: 'shutdown',
    title: 'stop() on an idle worker resolves promptly, even while its poll or periodic sleep is pending',
    async run(t) {
      const periodic = t.adapter.capabilities.includes('periodicTasks') ? [{ task: 'kit.periodic', everyMs: 3_600_000 }] : [];
      // A job waiting at start is claimed at once; after it the loop enters its long idle sleep.
      await t.enqueue({ key: 'warm', plan: [{ do: 'succeed' }] });
      await t.closeClient();
      const w1 = await t.spawnWorker({ pollMs: 5000, periodic });
      await t.waitForCompleted(['warm'], t.settings.slackMs);
      w1.stop(2000);
      const [begin, end] = await t.waitFor('stop to resolve', 5000 + t.settings.slackMs, (ev) => {
        const b = eventsOf(ev, 'worker.stop.begin')[0];
        const e = eventsOf(ev, 'worker.stop.end')[0];
        return b && e ? ([b, e] as const) : undefined;
      });
      t.check('prompt-stop', end.t - begin.t <= PROMPT_STOP_MS, `stop() took ${(end.t - begin.t).toFixed(0)} ms on an idle worker (bound ${PROMPT_STOP_MS} ms)`, [begin, end]);
    },
  },
  {
    id: 'S5',
    category: 'shutdown',
    title: 'after stop() the worker process exits by itself (no leaked timer, socket or listener)',
    async run(t) {
      await t.enqueue({ key: 'one', plan: [{ do: 'succeed' }] });
      const w1 = await t.spawnWorker();
      await t.waitForCompleted(['one'], t.settings.slackMs);
      w1.stop(1000);
      await t.waitFor('stop to resolve', 1000 + t.settings.slackMs, (ev) => eventsOf(ev, 'worker.stop.end')[0]);
      const exit = await t.waitForExit(w1, t.settings.slackMs).catch(() => undefined);
      t.check('exits-naturally', exit !== undefined && exit.code === 0, 'the process did not exit by itself after stop() resolved');
    },
  },
  {
    id: 'S6',
    category: 'shutdown',
    title: 'stop() called several times at once: every call resolves, with one result',
    async run(t) {
      const w1 = await t.spawnWorker();
      w1.stop(1000, 3);
      const ends = await t.waitFor('3 stop results', 1000 + t.settings.slackMs, (ev) => {
        const list = eventsOf(ev, 'worker.stop.end');
        return list.length >= 3 ? list : undefined;
      });
      t.check('every-call-resolves', ends.every((e) => typeof e.data['message'] !== 'string'), 'a repeated stop() call rejected', ends);
    },
  },
  {
    id: 'S7',
    category: 'shutdown',
    title: 'enqueue on a closed client is refused with an Error and stores nothing',
    async run(t) {
      const client = await t.client();
      await client.raw.close();
      let refused = false;
      try {
        await client.enqueue({ key: 'after-close', plan: [{ do: 'succeed' }], expect: 'any' });
      } catch (error) {
        refused = error instanceof Error;
      }
      await t.closeClient().catch(() => undefined);
      t.check('closed-client-refuses', refused, 'enqueue after close() did not reject with an Error', eventsOf(t.events(), 'enqueue.ok'));
      await t.enqueue({ key: 'sentinel', plan: [{ do: 'succeed' }] });
      await t.spawnWorker();
      await t.drain();
      const ran = await t.watchFor('the refused job to run', t.settings.pollMs * 4 + 200, (ev) => eventsOf(ev, 'exec.start', 'after-close')[0]);
      t.check('nothing-stored', ran === undefined, 'a job enqueued after close() ran', ran ? [ran] : []);
    },
  },
  {
    id: 'S8',
    category: 'shutdown',
    title: 'a handler that ignores its abort signal does not hold stop() past its grace, and its job is recovered',
    async run(t) {
      await t.enqueue({ key: 'stubborn', plan: [{ do: 'ignoreAbort', ms: 6000 }, { do: 'succeed' }], maxAttempts: 5, extraAttempts: 1 });
      const w1 = await t.spawnWorker({ leaseMs: 30_000 });
      await t.waitForStarts('stubborn', 1, t.settings.slackMs);
      w1.stop(300);
      await t.waitFor('stop to resolve', 6000 + t.settings.slackMs, (ev) => eventsOf(ev, 'worker.stop.end')[0]);
      await t.spawnWorker();
      t.enter('the job must be recovered without waiting for the 30 s lease');
      await t.waitForCompleted(['stubborn'], t.settings.pollMs + t.settings.slackMs);
    },
  },
  {
    id: 'S9',
    category: 'shutdown',
    title: 'no new job starts once stop() has begun, and jobs queued at stop are kept for the next worker',
    async run(t) {
      await t.enqueue({ key: 'running', plan: [{ do: 'gate', gate: 'go' }] });
      const w1 = await t.spawnWorker({ concurrency: 2 });
      await t.waitFor('the first job parked', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.parked').length > 0);
      w1.stop(8000);
      await t.waitFor('stop to begin', t.settings.slackMs, (ev) => eventsOf(ev, 'worker.stop.begin').length > 0);
      await t.enqueue(...jobs('late', 3, [{ do: 'succeed' }]));
      // The drain stays slow (gate closed) for several poll intervals: a loop that still claims has every chance to.
      await t.watchFor('a late job to start in the stopping worker', t.settings.pollMs * 6 + 300, (ev) => ev.find((e) => e.type === 'exec.start' && e.pid === w1.pid && e.key?.startsWith('late') === true));
      t.openGate('go');
      await t.waitForExit(w1, 8000 + t.settings.slackMs);
      const startedInW1 = eventsOf(t.events(), 'exec.start').filter((e) => e.pid === w1.pid && e.key?.startsWith('late') === true);
      t.check('no-start-while-stopping', startedInW1.length === 0, 'the stopping worker started new jobs', startedInW1);
      await t.drain();
    },
  },
];
