import type { HistoryEvent } from '../history/history-event.js';
import { KIT_PERIODIC_TASK } from '../harness/handler-plan.js';
import type { ConformanceTest } from './conformance-test.js';
import { eventsOf, isCompleted, jobs, settlementOf } from './jobs.js';

/** Whether executions from at least two processes overlapped in time (competition really happened). */
function competed(events: readonly HistoryEvent[]): boolean {
  const spans = new Map<string, { pid: number; from: number; to: number }>();
  for (const e of events) {
    if (e.type === 'exec.start' && e.execId !== null) spans.set(e.execId, { pid: e.pid, from: e.t, to: Number.POSITIVE_INFINITY });
    if (e.type === 'exec.end' && e.execId !== null) {
      const span = spans.get(e.execId);
      if (span !== undefined) span.to = e.t;
    }
  }
  const list = [...spans.values()];
  return list.some((a) => list.some((b) => a.pid !== b.pid && a.from < b.to && b.from < a.to));
}

/** Race tests: several processes, one store. */
export const raceTests: readonly ConformanceTest[] = [
  {
    id: 'R1',
    category: 'race',
    title: 'competing worker processes run every job exactly once, never two at a time',
    async run(t) {
      const all = Array.from({ length: 150 }, (_, i) => ({ key: `job-${i}`, plan: [{ do: 'succeed' as const, ms: (i % 5) * 3 }] }));
      // Workers first: all three are polling when the jobs arrive, so they really compete. The
      // lease is long because "exactly once" only holds while no lease can expire: with the kit's
      // short lease, an event-loop stall on a loaded machine is a legitimate reason to redeliver.
      const worker = { concurrency: 2, leaseMs: 30_000 };
      await Promise.all([t.spawnWorker(worker), t.spawnWorker(worker), t.spawnWorker(worker)]);
      await t.enqueue(...all);
      await t.closeClient();
      await t.waitForCompleted(all.map((j) => j.key), t.settings.slackMs * 3);
      const events = t.events();
      t.precondition('executions of different processes overlapped in time', competed(events));
      for (const job of all) {
        const starts = eventsOf(events, 'exec.start', job.key);
        t.check('exactly-once-without-faults', starts.length === 1, `${job.key} ran ${starts.length} times although no process failed`, starts);
      }
    },
  },
  {
    id: 'R2',
    category: 'race',
    title: 'a late completion from a worker whose lease expired while it was paused is refused (fencing)',
    requires: ['fencing'],
    async run(t) {
      await t.enqueue({ key: 'j', plan: [{ do: 'gate', gate: 'late' }, { do: 'succeed' }], maxAttempts: 5 });
      const w1 = await t.spawnWorker();
      await t.waitFor('j parked in W1', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.parked', 'j').length > 0);
      w1.signal('SIGSTOP');
      t.enter('W1 paused; wait for W2 to take over and complete j');
      const w2 = await t.spawnWorker();
      await t.waitForCompleted(['j'], t.settings.leaseMs * 2 + t.settings.slackMs);
      t.precondition('W2 ran j while W1 was paused', eventsOf(t.events(), 'exec.start', 'j').some((s) => s.pid === w2.pid));
      t.openGate('late');
      w1.signal('SIGCONT');
      t.enter("W1 resumed; wait for its late settlement");
      const first = eventsOf(t.events(), 'exec.start', 'j').find((s) => s.pid === w1.pid);
      if (first === undefined) throw new Error('unreachable: W1 parked without a start');
      const late = await t.waitFor("W1's settlement of j", t.settings.slackMs, (ev) => settlementOf(ev, first));
      t.check('late-completion-refused', late.data['outcome'] === 'refused', `W1's late result was recorded as ${String(late.data['outcome'])}, not refused`, [first, late]);
    },
  },
  {
    id: 'R3',
    category: 'race',
    title: "a resumed worker learns it lost the lease (abort) and does not take the job back from its new owner",
    requires: ['fencing'],
    async run(t) {
      await t.enqueue({ key: 'j', plan: [{ do: 'gate', gate: 'never' }, { do: 'gate', gate: 'second' }], maxAttempts: 5 });
      const w1 = await t.spawnWorker();
      await t.waitFor('j parked in W1', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.parked', 'j').length > 0);
      w1.signal('SIGSTOP');
      const w2 = await t.spawnWorker();
      t.enter('wait for W2 to hold j');
      await t.waitFor('j parked in W2', t.settings.leaseMs * 2 + t.settings.slackMs, (ev) => eventsOf(ev, 'exec.parked', 'j').some((e) => e.pid === w2.pid));
      w1.signal('SIGCONT');
      t.enter('W1 resumed while W2 holds j');
      const first = eventsOf(t.events(), 'exec.start', 'j').find((s) => s.pid === w1.pid);
      if (first === undefined) throw new Error('unreachable: W1 parked without a start');
      await t.waitFor("W1's handler to see its abort", t.settings.leaseMs + t.settings.slackMs, (ev) => eventsOf(ev, 'exec.abort', 'j').some((e) => e.pid === w1.pid));
      t.openGate('second');
      await t.waitForCompleted(['j'], t.settings.slackMs);
      const starts = eventsOf(t.events(), 'exec.start', 'j');
      t.check('no-third-run', starts.length === 2, `j ran ${starts.length} times; W1's resumed heartbeat must not re-acquire it`, starts);
      const mine = settlementOf(t.events(), first);
      t.check('late-result-refused', mine === undefined || mine.data['outcome'] === 'refused' || mine.data['outcome'] === 'released', `W1's stale execution settled as ${String(mine?.data['outcome'])}`, mine ? [first, mine] : [first]);
    },
  },
  {
    id: 'R4',
    category: 'race',
    title: 'a job running longer than its lease is not stolen while its worker is alive (heartbeat)',
    requires: ['heartbeat'],
    async run(t) {
      await t.enqueue({ key: 'long', plan: [{ do: 'succeed', ms: t.settings.leaseMs * 3 }] });
      await Promise.all([t.spawnWorker(), t.spawnWorker()]);
      await t.waitForCompleted(['long'], t.settings.leaseMs * 3 + t.settings.slackMs);
      const starts = eventsOf(t.events(), 'exec.start', 'long');
      t.check('not-stolen', starts.length === 1, `the long job ran ${starts.length} times: its lease was not extended`, starts);
    },
  },
  {
    id: 'R5',
    category: 'race',
    title: 'a client process enqueuing while workers drain loses nothing',
    async run(t) {
      await Promise.all([t.spawnWorker({ concurrency: 2 }), t.spawnWorker({ concurrency: 2 })]);
      const feed = jobs('fed', 80, [{ do: 'succeed', ms: 2 }]);
      // The client parks half-way until the workers are busy, so the second half is enqueued while they drain.
      const client = await t.spawnClient({ jobs: feed, lingerMs: 0, pause: { after: 40, gate: 'second-half' } });
      await t.waitFor('the workers to start on the first half', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.start').length > 0);
      t.openGate('second-half');
      await t.waitForExit(client, t.settings.slackMs * 2);
      await t.waitForCompleted(feed.map((j) => j.key), t.settings.slackMs * 2);
      const events = t.events();
      const lastOk = eventsOf(events, 'enqueue.ok').at(-1);
      t.precondition('jobs ran while the client was still enqueuing', lastOk !== undefined && eventsOf(events, 'exec.start').some((s) => s.seq < lastOk.seq));
    },
  },
  {
    id: 'R6',
    category: 'race',
    title: 'a worker runs at most its concurrency at once, and reaches it',
    async run(t) {
      await t.enqueue(...jobs('wave', 8, [{ do: 'gate', gate: 'wave' }]));
      await t.spawnWorker({ concurrency: 3 });
      await t.waitFor('3 parked jobs', t.settings.slackMs, (ev) => eventsOf(ev, 'exec.parked').length >= 3);
      const fourth = await t.watchFor('a fourth parked job', t.settings.pollMs * 4 + 300, (ev) => eventsOf(ev, 'exec.parked').length > 3);
      t.check('concurrency-limit', fourth === undefined, 'a fourth job started while 3 were running with concurrency 3', eventsOf(t.events(), 'exec.parked'));
      t.openGate('wave');
      await t.drain();
    },
  },
  {
    id: 'R7',
    category: 'race',
    title: 'a periodic task runs once per slot across several worker processes',
    requires: ['periodicTasks'],
    async run(t) {
      const everyMs = 250;
      const periodic = [{ task: KIT_PERIODIC_TASK, everyMs }];
      await Promise.all([t.spawnWorker({ periodic }), t.spawnWorker({ periodic }), t.spawnWorker({ periodic })]);
      const started = t.events().filter((e) => e.type === 'worker.started').at(-1)?.t ?? 0;
      t.enter('watch six slots');
      const runs = await t.waitFor('periodic runs in 6 slots after all workers started', everyMs * 8 + t.settings.slackMs, (ev) => {
        const list = ev.filter((e) => e.type === 'exec.start' && e.data['periodic'] === true && e.t > started + everyMs);
        return new Set(list.map((e) => e.key)).size >= 6 ? list : undefined;
      });
      const bySlot = new Map<string, HistoryEvent[]>();
      for (const run of runs) bySlot.set(run.key ?? '', [...(bySlot.get(run.key ?? '') ?? []), run]);
      for (const [slot, list] of bySlot) t.check('once-per-slot', list.length === 1, `slot ${slot} ran ${list.length} times`, list);
    },
  },
  {
    id: 'R8',
    category: 'race',
    title: 'a delayed job never runs before its time',
    requires: ['delayedJobs'],
    async run(t) {
      await t.spawnWorker();
      await t.enqueue({ key: 'soon', plan: [{ do: 'succeed' }], delayMs: 400 }, { key: 'later', plan: [{ do: 'succeed' }], delayMs: 800 });
      await t.waitForCompleted(['soon', 'later'], 800 + t.settings.slackMs);
      const events = t.events();
      for (const [key, delayMs] of [['soon', 400], ['later', 800]] as const) {
        const invoke = eventsOf(events, 'enqueue.invoke', key)[0];
        const start = eventsOf(events, 'exec.start', key)[0];
        if (invoke === undefined || start === undefined) continue;
        t.check('not-early', start.t >= invoke.t + delayMs - 10, `${key} started ${(start.t - invoke.t).toFixed(0)} ms after enqueue with delay ${delayMs} ms`, [invoke, start]);
      }
    },
  },
  {
    id: 'R9',
    category: 'race',
    title: 'among due jobs, a higher priority runs first',
    requires: ['priorities'],
    async run(t) {
      await t.enqueue(...jobs('low', 4, [{ do: 'succeed' }], { priority: 0 }), ...jobs('high', 4, [{ do: 'succeed' }], { priority: 10 }));
      await t.spawnWorker({ concurrency: 1 });
      await t.drain();
      const order = eventsOf(t.events(), 'exec.start').map((e) => e.key ?? '');
      t.check('priority-order', order.slice(0, 4).every((k) => k.startsWith('high')), `start order was ${order.join(', ')}`, eventsOf(t.events(), 'exec.start'));
    },
  },
  {
    id: 'R10',
    category: 'race',
    title: 'two client processes enqueuing the same idempotency keys at once create one job per key, and both get it',
    requires: ['idempotencyKeys'],
    async run(t) {
      const keys = 100;
      const side = (prefix: string) => Array.from({ length: keys }, (_, i) => ({ key: `${prefix}-${i}`, plan: [{ do: 'succeed' as const }], idempotencyKey: `k-${i}`, expect: 'any' as const }));
      // Both clients park before their first enqueue; one gate releases them together.
      const [a, b] = await Promise.all([
        t.spawnClient({ jobs: side('a'), lingerMs: 0, pause: { after: 0, gate: 'race' } }),
        t.spawnClient({ jobs: side('b'), lingerMs: 0, pause: { after: 0, gate: 'race' } }),
      ]);
      t.openGate('race');
      await Promise.all([t.waitForExit(a, t.settings.slackMs * 2), t.waitForExit(b, t.settings.slackMs * 2)]);
      const events = t.events();
      const span = (pid: number) => {
        const own = events.filter((e) => e.pid === pid && (e.type === 'enqueue.invoke' || e.type === 'enqueue.ok' || e.type === 'enqueue.fail'));
        return { from: own[0]?.t ?? Number.POSITIVE_INFINITY, to: own.at(-1)?.t ?? Number.NEGATIVE_INFINITY };
      };
      const [sa, sb] = [span(a.pid), span(b.pid)];
      t.precondition('the two clients enqueued during overlapping intervals', sa.from < sb.to && sb.from < sa.to);
      const failed = eventsOf(events, 'enqueue.fail');
      t.check('both-callers-answered', failed.length === 0, `${failed.length} enqueue(s) with a key the other client was inserting were refused instead of returning the job`, failed);
      for (let i = 0; i < keys; i++) {
        const okA = eventsOf(events, 'enqueue.ok', `a-${i}`)[0];
        const okB = eventsOf(events, 'enqueue.ok', `b-${i}`)[0];
        if (okA === undefined || okB === undefined) continue;
        const created = [okA, okB].filter((ok) => ok.data['created'] !== false).length;
        t.check('one-job-per-key', okA.jobId === okB.jobId && created === 1, `key k-${i}: the clients got jobs ${okA.jobId ?? '?'} and ${okB.jobId ?? '?'}, ${created} reported as created`, [okA, okB]);
      }
      await t.enqueue({ key: 'sentinel', plan: [{ do: 'succeed' }] });
      await t.spawnWorker({ concurrency: 2 });
      await t.waitForCompleted(['sentinel'], t.settings.slackMs);
      await t.waitFor('one run per key', t.settings.slackMs, (ev) => Array.from({ length: keys }, (_, i) => i).every((i) => isCompleted(ev, `a-${i}`) || isCompleted(ev, `b-${i}`)));
      for (let i = 0; i < keys; i++) {
        const starts = [...eventsOf(t.events(), 'exec.start', `a-${i}`), ...eventsOf(t.events(), 'exec.start', `b-${i}`)];
        t.check('one-run-per-key', starts.length === 1, `key k-${i} ran ${starts.length} times`, starts);
      }
    },
  },
  {
    id: 'R11',
    category: 'race',
    title: 'a cancelled job never runs',
    requires: ['cancellation'],
    async run(t) {
      const client = await t.client();
      const cancel = client.raw.cancel?.bind(client.raw);
      if (cancel === undefined) throw new Error('the adapter claims cancellation but its client has no cancel()');
      const ids = await t.enqueue(...jobs('cancelled', 3, [{ do: 'succeed' }], { expect: 'any' }));
      await t.enqueue(...jobs('kept', 3, [{ do: 'succeed' }]));
      for (const id of ids) t.check('cancel-accepted', await cancel(id), `cancel(${id}) of a queued job resolved false`);
      await t.spawnWorker();
      await t.drain();
      const ran = await t.watchFor('a cancelled job to start', t.settings.pollMs * 4 + 300, (ev) => ev.find((e) => e.type === 'exec.start' && e.key?.startsWith('cancelled') === true));
      t.check('cancelled-never-runs', ran === undefined && !['cancelled-0', 'cancelled-1', 'cancelled-2'].some((k) => isCompleted(t.events(), k)), 'a cancelled job ran', ran ? [ran] : []);
    },
  },
  {
    id: 'R12',
    category: 'race',
    title: 'the lease is measured from the claim, not from enqueue time: a job that waited in the backlog is not stolen while it runs',
    async run(t) {
      const runMs = Math.floor(t.settings.leaseMs / 2);
      await t.enqueue({ key: 'waited', plan: [{ do: 'succeed', ms: runMs }] });
      t.enter('the job waits in the backlog, with no worker, for 3 leases');
      await t.elapse('3 leases in the backlog', t.settings.leaseMs * 3);
      // Two idle workers: one claims the job, the other polls throughout its run.
      const [w1, w2] = await Promise.all([t.spawnWorker(), t.spawnWorker()]);
      t.enter('two workers: one runs the job, the other polls');
      await t.waitForCompleted(['waited'], t.settings.leaseMs + t.settings.slackMs);
      // A wrongly expired lease shows as a second start while (or soon after) the first ran.
      await t.watchFor('a second start of the job', t.settings.pollMs * 4 + 200, (ev) => eventsOf(ev, 'exec.start', 'waited')[1]);
      const events = t.events();
      const ok = eventsOf(events, 'enqueue.ok', 'waited')[0];
      const starts = eventsOf(events, 'exec.start', 'waited');
      const first = starts[0];
      t.precondition(
        'the job started more than 2 leases after its enqueue, with both workers alive and polling',
        ok !== undefined && first !== undefined && first.t - ok.t > t.settings.leaseMs * 2 && !w1.hasExited && !w2.hasExited,
      );
      t.check('lease-from-claim', starts.length === 1, `the job ran ${starts.length} times: its lease expired at once, as if measured from enqueue`, starts);
    },
  },
];
