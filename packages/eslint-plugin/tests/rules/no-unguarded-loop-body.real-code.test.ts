import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageId, type Options } from '../../src/rules/no-unguarded-loop-body.js';

// @typescript-eslint/rule-tester brings its own copy of @typescript-eslint/utils; the rule object
// is the same, only the two copies' nominal class types differ.
const testedRule = rule as unknown as Parameters<typeof RuleTester.prototype.run<MessageId, Options>>[1];

// Issue #9, the rule on eight real repositories (bench/real-code/triage.md): each case is a
// reduction, in our own words, of a false-alarm class (FL1, FL4, FL6) or a missed hazard (L4, L5).
const ruleTester = new RuleTester();

const TIMER = 'in Node an uncaught throw or rejection there ends the process';

ruleTester.run('no-unguarded-loop-body (real-code reductions)', testedRule, {
  valid: [
    {
      name: 'FL1: debug-logger calls, derived loggers and a fan-out to a self-guarding method need no guard',
      code: `import createDebug from 'debug';
const log = createDebug('scheduler');
class Scheduler {
  private readonly filling = new Map<string, boolean>();
  start(): void {
    setInterval(() => this.sweep(), 1_000);
  }
  async sweep(): Promise<void> {
    if (!this.running) {
      log('scheduler halted, skipping the sweep');
      return;
    }
    log.extend('sweep')('sweeping %d kinds', this.kinds.length);
    debug('tick');
    await Promise.all(
      Object.keys(this.kinds).map(async (kind) => {
        log.extend('sweep')('filling %s', kind);
        await this.fill(kind);
      }),
    );
  }
  private async fill(kind: string): Promise<void> {
    this.filling.set(kind, true);
    try {
      await this.store.lockNext(kind);
    } catch (error) {
      this.emit('error', error);
    } finally {
      this.filling.delete(kind);
    }
  }
}`,
    },
    {
      name: 'FL1: bookkeeping on collections the file declares (Set, Map, array) cannot throw',
      code: `class Relay {
  private readonly seen = new Set<string>();
  private readonly lastSent: Map<string, number> = new Map();
  private readonly backlog: string[] = [];
  async pump(signal: AbortSignal): Promise<void> {
    const batch = [];
    while (!signal.aborted) {
      const id = String(Date.now());
      this.seen.add(id);
      this.backlog.push(id);
      batch.push(id);
      this.lastSent.set(id, Date.now());
      if (this.seen.has('x')) this.seen.delete('x');
      try {
        await this.forward(batch.splice(0));
      } catch (error) {
        logger.error('forward failed', error);
      }
      await sleep(1_000, undefined, { signal });
    }
  }
}`,
    },
    {
      name: 'FL1: an async interval callback that never awaits is judged like a synchronous one',
      code: `class Pool {
  private readonly active = new Set<Browser>();
  private readonly retired = new Set<Browser>();
  constructor(idleMs: number) {
    setInterval(
      async () =>
        this.active.forEach((browser) => {
          if (browser.pages === 0 && browser.lastUsedAt < Date.now() - idleMs) this.retire(browser);
        }),
      idleMs,
    );
  }
  retire(browser: Browser): void {
    this.retired.add(browser);
    this.emit('retired', browser);
    this.active.delete(browser);
  }
}`,
    },
    {
      name: 'FL4: a timer callback that starts a same-file method which catches everything itself',
      code: `class FlagPoller {
  start(): void {
    setInterval(() => {
      void this.refresh('polling');
    }, 30_000);
  }
  private async refresh(reason: string): Promise<void> {
    if (this.fetching) return;
    const startedAt = new Date();
    this.fetching = true;
    try {
      this.flags = await fetchFlags(reason, startedAt);
    } catch (error) {
      this.logger.warn(error);
    } finally {
      this.fetching = false;
    }
  }
}`,
    },
    {
      name: 'FL4: a self-rescheduling flush that awaits a same-file function which catches everything',
      code: `const pending: Event[] = [];
async function flush(): Promise<void> {
  if (pending.length === 0) return;
  const batch = [...pending];
  pending.length = 0;
  try {
    await send(batch);
  } catch (error) {
    logger.error('flush failed', error);
    pending.push(...batch);
  }
}
async function runFlusher(): Promise<void> {
  await flush();
  if (state.running) setTimeout(() => runFlusher(), 5_000);
}`,
    },
    {
      name: 'FL6: a watchdog loop whose throw is its exit, raced against the work inside try/catch',
      code: `async function runWithWatchdog(job: Job, lockLifetimeMs: number): Promise<void> {
  let running = true;
  const watchdog = async (): Promise<void> => {
    do {
      await delay(lockLifetimeMs / 2);
      if (await job.isExpired()) throw new Error('lock lifetime exceeded');
    } while (running);
  };
  try {
    await Promise.race([job.run(), watchdog()]);
  } catch (error) {
    job.fail(error);
  } finally {
    running = false;
  }
}`,
    },
    {
      name: 'L4 counterpart: a one-shot timer that starts a method which catches, or handles the rejection',
      code: `class Processor {
  schedule(delayMs: number): void {
    setTimeout(() => {
      this.drain();
    }, delayMs);
    setImmediate(() => this.drainUnsafely().catch((error) => this.logger.error(error)));
  }
  private async drain(): Promise<void> {
    try {
      await this.drainUnsafely();
    } catch (error) {
      this.logger.error(error);
    }
  }
  private async drainUnsafely(): Promise<void> {
    await this.queue.next();
  }
}`,
    },
    {
      name: 'L4 counterpart: a one-shot timer that starts a method returning a .finally chain of a method that catches',
      code: `class Batcher {
  private readonly pending: string[] = [];
  schedule(): void {
    setImmediate(() => {
      void this.flush();
    });
  }
  flush(): Promise<void> {
    this.flushing ??= this.flushAll().finally(() => {
      this.flushing = undefined;
      if (this.pending.length > 0) this.schedule();
    });
    return this.flushing;
  }
  private async flushAll(): Promise<void> {
    const batch = this.pending.splice(0);
    try {
      await this.store.write(batch);
    } catch (error) {
      this.pending.unshift(...batch);
      this.onError(error);
    }
  }
}`,
    },
    {
      name: 'L5 without configuration: a library timer helper is not known to the rule',
      code: `import { betterSetInterval } from '@acme/timers';
class SystemMonitor {
  start(): void {
    this.interval = betterSetInterval(this.sample.bind(this), 60_000);
  }
  private async sample(done: () => void): Promise<void> {
    const cpu = await this.probe.cpu();
    this.events.emit('system-info', cpu);
    done();
  }
}`,
    },
    {
      name: 'nonThrowingCalls names project calls that cannot reasonably throw',
      code: `async function sampler(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    metrics.increment('sampler.rounds');
    try {
      await sample();
    } catch (error) {
      logger.error(error);
    }
    await sleep(5_000, undefined, { signal });
  }
}`,
      options: [{ nonThrowingCalls: ['metrics.increment'] }],
    },
  ],
  invalid: [
    {
      name: 'FL1 boundary: an awaited call on a receiver not declared as a collection still throws',
      code: `async function evictLoop(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    await this.cache.delete(staleKey());
    await sleep(1_000, undefined, { signal });
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          data: { statement: 'await this.cache.delete(staleKey())', loop: '`while (!signal.aborted)` loop', consequence: 'one bad iteration ends the loop for good' },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function evictLoop(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      await this.cache.delete(staleKey());
      await sleep(1_000, undefined, { signal });
    } catch (error) {
      console.error('loop iteration failed', error);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'FL1 boundary: a same-file function named like a logger is judged by its body',
      code: `const log = async (): Promise<void> => {
  await reportStatus();
};
setInterval(async () => {
  await log();
}, 10_000);`,
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          data: { statement: 'await reportStatus()', loop: '`setInterval` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `const log = async (): Promise<void> => {
  try {
    await reportStatus();
  } catch (error) {
    console.error('timer callback failed', error);
  }
};
setInterval(async () => {
  await log();
}, 10_000);`,
            },
          ],
        },
      ],
    },
    {
      name: 'FL6 boundary: a watchdog whose caller does not catch still ends silently',
      code: `async function runWithWatchdog(job: Job): Promise<void> {
  let running = true;
  const watchdog = async (): Promise<void> => {
    do {
      await delay(1_000);
      if (await job.isExpired()) throw new Error('lock lifetime exceeded');
    } while (running);
  };
  try {
    await Promise.race([job.run(), watchdog()]);
  } finally {
    running = false;
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 6,
          data: { statement: 'await job.isExpired()', loop: '`do … while (running)` loop', consequence: 'one bad iteration ends the loop for good' },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function runWithWatchdog(job: Job): Promise<void> {
  let running = true;
  const watchdog = async (): Promise<void> => {
    do {
      try {
        await delay(1_000);
        if (await job.isExpired()) throw new Error('lock lifetime exceeded');
      } catch (error) {
        console.error('loop iteration failed', error);
      }
    } while (running);
  };
  try {
    await Promise.race([job.run(), watchdog()]);
  } finally {
    running = false;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'L4: one-shot timers start an async method whose try/finally has no catch',
      code: `class Processor {
  private async drainLocal(handled: string[] = []): Promise<void> {
    if (this.local.length === 0) return;
    this.busy += 1;
    try {
      const job = this.local.pick(handled);
      if (await job.isExpired()) return;
      if (job.runAt > Date.now()) {
        setTimeout(() => {
          this.drainLocal();
        }, job.runAt - Date.now());
        return;
      }
      handled.push(job.id);
      if (this.busy < this.concurrency) setImmediate(() => this.drainLocal(handled));
    } finally {
      this.busy -= 1;
    }
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 10,
          data: { statement: 'this.drainLocal()', loop: 'one-shot `setTimeout` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'handleRejection',
              output: `class Processor {
  private async drainLocal(handled: string[] = []): Promise<void> {
    if (this.local.length === 0) return;
    this.busy += 1;
    try {
      const job = this.local.pick(handled);
      if (await job.isExpired()) return;
      if (job.runAt > Date.now()) {
        setTimeout(() => {
          this.drainLocal().catch((error) => console.error('timer callback failed', error));
        }, job.runAt - Date.now());
        return;
      }
      handled.push(job.id);
      if (this.busy < this.concurrency) setImmediate(() => this.drainLocal(handled));
    } finally {
      this.busy -= 1;
    }
  }
}`,
            },
          ],
        },
        {
          messageId: 'unguarded',
          line: 15,
          data: { statement: 'this.drainLocal(handled)', loop: 'one-shot `setImmediate` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'handleRejection',
              output: `class Processor {
  private async drainLocal(handled: string[] = []): Promise<void> {
    if (this.local.length === 0) return;
    this.busy += 1;
    try {
      const job = this.local.pick(handled);
      if (await job.isExpired()) return;
      if (job.runAt > Date.now()) {
        setTimeout(() => {
          this.drainLocal();
        }, job.runAt - Date.now());
        return;
      }
      handled.push(job.id);
      if (this.busy < this.concurrency) setImmediate(() => this.drainLocal(handled).catch((error) => console.error('timer callback failed', error)));
    } finally {
      this.busy -= 1;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'L4: an interval callback that drops the promise of a method without a catch',
      code: `class Processor {
  start(): void {
    setInterval(() => this.process(), 5_000);
  }
  async process(): Promise<void> {
    log.extend('process')('processing');
    await this.fillAll();
    this.drainLocal();
  }
  private async fillAll(): Promise<void> {
    try {
      await this.store.lockDue();
    } catch (error) {
      this.emit('error', error);
    }
  }
  private async drainLocal(): Promise<void> {
    try {
      await this.local.next();
    } finally {
      this.busy -= 1;
    }
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 8,
          data: { statement: 'this.drainLocal()', loop: '`setInterval` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `class Processor {
  start(): void {
    setInterval(() => this.process(), 5_000);
  }
  async process(): Promise<void> {
    try {
      log.extend('process')('processing');
      await this.fillAll();
      this.drainLocal();
    } catch (error) {
      console.error('timer callback failed', error);
    }
  }
  private async fillAll(): Promise<void> {
    try {
      await this.store.lockDue();
    } catch (error) {
      this.emit('error', error);
    }
  }
  private async drainLocal(): Promise<void> {
    try {
      await this.local.next();
    } finally {
      this.busy -= 1;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'nonThrowingCalls replaces the default list: without it a bare log() is a call like any other',
      code: `async function sampler(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    log('round');
    await sleep(5_000, undefined, { signal });
  }
}`,
      options: [{ nonThrowingCalls: [] }],
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          data: { statement: "log('round')", loop: '`while (!signal.aborted)` loop', consequence: 'one bad iteration ends the loop for good' },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function sampler(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      log('round');
      await sleep(5_000, undefined, { signal });
    } catch (error) {
      console.error('loop iteration failed', error);
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'L4 boundary: .finally on a promise that can reject still drops the rejection',
      code: `class Batcher {
  schedule(): void {
    setTimeout(() => {
      this.flushAll().finally(() => this.report());
    }, 100);
  }
  private async flushAll(): Promise<void> {
    await this.store.write();
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 4,
          data: { statement: 'this.flushAll()', loop: 'one-shot `setTimeout` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'handleRejection',
              output: `class Batcher {
  schedule(): void {
    setTimeout(() => {
      this.flushAll().catch((error) => console.error('timer callback failed', error)).finally(() => this.report());
    }, 100);
  }
  private async flushAll(): Promise<void> {
    await this.store.write();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'L5: a timer helper named in timerCalls runs its callback like setInterval',
      code: `import { betterSetInterval } from '@acme/timers';
class SystemMonitor {
  start(): void {
    this.interval = betterSetInterval(this.sample.bind(this), 60_000);
  }
  private async sample(done: () => void): Promise<void> {
    const cpu = await this.probe.cpu();
    this.events.emit('system-info', cpu);
    done();
  }
}`,
      options: [{ timerCalls: ['betterSetInterval'] }],
      errors: [
        {
          messageId: 'unguarded',
          line: 7,
          data: { statement: 'await this.probe.cpu()', loop: '`betterSetInterval` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `import { betterSetInterval } from '@acme/timers';
class SystemMonitor {
  start(): void {
    this.interval = betterSetInterval(this.sample.bind(this), 60_000);
  }
  private async sample(done: () => void): Promise<void> {
    try {
      const cpu = await this.probe.cpu();
      this.events.emit('system-info', cpu);
      done();
    } catch (error) {
      console.error('timer callback failed', error);
    }
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
