import { RuleTester } from '@typescript-eslint/rule-tester';
import rule, { type MessageId, type Options } from '../../src/rules/no-unguarded-loop-body.js';

// @typescript-eslint/rule-tester brings its own copy of @typescript-eslint/utils; the rule object
// is the same, only the two copies' nominal class types differ.
const testedRule = rule as unknown as Parameters<typeof RuleTester.prototype.run<MessageId, Options>>[1];

// Untyped mode: what `recommended` does without a TypeScript program. Seed loops (000 `_run`,
// `_tick_loop`; 002 `_drain_loop`, `_requeue_loop`) are ported to TypeScript: before = invalid,
// after = valid.
const ruleTester = new RuleTester();

const LOOP = 'one bad iteration ends the loop for good';
const TIMER = 'in Node an uncaught throw or rejection there ends the process';

ruleTester.run('no-unguarded-loop-body', testedRule, {
  valid: [
    `// A dropped promise with its own rejection handler is handled, in a try or not.
async function refresh(): Promise<void> {
  await fetch('/flags');
}
setInterval(() => {
  try {
    refresh().catch((error) => console.error(error));
  } catch (error) {
    console.error(error);
  }
}, 1000);`,
    `// An awaited call inside a try is caught by it.
setInterval(async () => {
  try {
    await fetch('/flags');
  } catch (error) {
    console.error(error);
  }
}, 1000);`,
    {
      name: 'seed 000 _run after: receive, sentinel exit, guarded processing',
      code: `class BackgroundWorker {
  private readonly queue = new AsyncQueue<SignificanceJob | null>();

  private async run(): Promise<void> {
    while (true) {
      const job = await this.queue.get();
      if (job === null) return;
      try {
        await this.process(job);
      } catch (error) {
        log.error('significance job failed', error);
      }
    }
  }
}`,
    },
    {
      name: 'seed 000 _tick_loop after: guarded work, interruptible wait as the designed exit',
      code: `class BackgroundWorker {
  private async tickLoop(): Promise<void> {
    while (!this.tickStop.isSet()) {
      try {
        if (shouldTakeBackup(this.settings.dataDir)) {
          takeBackup({ dbPath: this.settings.dbPath, dataDir: this.settings.dataDir });
          pruneBackups(this.settings.dataDir, { keep: 14 });
          log.info('nightly backup taken');
        }
      } catch (error) {
        log.error('backup tick failed', error);
      }
      try {
        await waitFor(this.tickStop.wait(), BACKUP_TICK_INTERVAL_MS);
      } catch (error) {
        if (!(error instanceof TimeoutError)) throw error;
      }
    }
  }
}`,
    },
    {
      name: 'seed 000 _tick_loop after, TypeScript idiom: Promise.race of stop and sleep',
      code: `async function tickLoop(stop: StopEvent): Promise<void> {
  while (!stop.isSet()) {
    try {
      await runBackupIfDue();
    } catch (error) {
      logger.error('backup tick failed', error);
    }
    await Promise.race([stop.wait(), sleep(60_000)]);
  }
}`,
    },
    {
      name: 'seed 002 _drain_loop after: outer guard around the drain, inner guard per task',
      code: `async function drainLoop(taskQueue: TaskQueue, executor: Executor, memory: Memory, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    let completed: CompletedTask[] = [];
    try {
      completed = taskQueue.drainCompleted();
    } catch (error) {
      logger.error('drainCompleted failed', error);
    }
    for (const task of completed) {
      try {
        await executor.execute(task);
        await memory.upsertMemorySummary(task);
        taskQueue.markDone(task.taskId);
      } catch (error) {
        logger.error(\`task \${task.taskId} failed\`, error);
      }
    }
    await sleep(DRAIN_INTERVAL_MS, undefined, { signal });
  }
}`,
    },
    {
      name: 'seed 002 _requeue_loop after',
      code: `async function requeueLoop(taskQueue: TaskQueue, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    await sleep(REQUEUE_INTERVAL_MS, undefined, { signal });
    try {
      taskQueue.requeueStale(STALE_AFTER_MS);
      taskQueue.failExhausted(MAX_ATTEMPTS);
    } catch (error) {
      logger.error('requeue round failed', error);
    }
  }
}`,
    },
    {
      name: 'seed 002 task 3: the startup drain ends when the queue is empty, so its errors belong to the caller',
      code: `async function drainBacklog(client: ForemanClient): Promise<void> {
  while (true) {
    const task = await client.nextTask();
    if (task === null) break;
    await processTask(client, task);
  }
}`,
    },
    {
      name: 'a pagination loop that breaks when there is no cursor is finite',
      code: `async function listAll(api: Api): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await api.list({ cursor });
    items.push(...page.items);
    if (!page.next) break;
    cursor = page.next;
  }
  return items;
}`,
    },
    {
      name: 'a pagination loop that returns on an empty page is finite, even with a pause between pages',
      code: `async function fetchAll(api: Api): Promise<Row[]> {
  const all: Row[] = [];
  for (let page = 1; ; page++) {
    const rows = await api.get(page);
    if (rows.length === 0) return all;
    all.push(...rows);
    await sleep(100);
  }
}`,
    },
    {
      name: 'a retry loop that returns on success and rethrows after the last attempt is finite',
      code: `async function withRetry<T>(op: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (error) {
      if (attempt >= 3) throw error;
      await sleep(attempt * 100);
    }
  }
}`,
    },
    {
      name: 'counting loops and for…of over arrays are not long-running',
      code: `async function batch(items: Item[]): Promise<void> {
  for (let i = 0; i < items.length; i++) await save(items[i]);
  for (const item of items) await save(item);
  let i = 0;
  while (i < items.length) await save(items[i++]);
  for await (const result of [save(items[0]), save(items[1])]) report(result);
}`,
    },
    {
      name: 'a loop whose flag is advanced by its own body is finite',
      code: `async function consume(reader: Reader): Promise<void> {
  let stopped = false;
  while (!stopped) {
    const chunk = await reader.read();
    stopped = chunk.done;
  }
}`,
    },
    {
      name: 'a loop on a data condition is not a stop-flag loop',
      code: `async function flush(pending: Job[], signal: AbortSignal): Promise<void> {
  while (!signal.aborted && pending.length > 0) await send(pending.shift());
}`,
    },
    {
      name: 'for await over a file stream is finite',
      code: `async function countLines(stream: NodeJS.ReadableStream): Promise<void> {
  for await (const chunk of stream) handle(chunk);
}`,
    },
    {
      name: 'a catch that rethrows only on abort is a guard',
      code: `async function worker(signal: AbortSignal): Promise<void> {
  while (true) {
    try {
      await handleNext(signal);
    } catch (error) {
      if (signal.aborted) throw error;
      logger.warn('round failed', error);
    }
  }
}`,
    },
    {
      name: 'a catch that rethrows only for an AbortError is a guard',
      code: `async function worker(signal: AbortSignal): Promise<void> {
  for (;;) {
    try {
      await handleNext(signal);
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      logger.warn('round failed', error);
    }
  }
}`,
    },
    {
      name: 'exit checks, shutdown branches and signal.throwIfAborted are the loop’s own way out',
      code: `async function worker(signal: AbortSignal): Promise<void> {
  while (true) {
    signal.throwIfAborted();
    if (this.isStopping()) break;
    const job = await jobs.receive();
    if (job === STOP) {
      await this.flushMetrics();
      return;
    }
    try {
      await run(job);
    } catch (error) {
      logger.error(error);
    }
  }
}`,
    },
    {
      name: 'functions declared in the loop body do not run there',
      code: `async function worker(): Promise<void> {
  while (!this.stopping) {
    const job = await this.queue.get();
    const handler = async () => {
      await explode(job);
    };
    function later() {
      boom();
    }
    class Local {
      method() {
        boom();
      }
    }
    try {
      await handler();
    } catch (error) {
      logger.error(error);
    }
  }
}`,
    },
    {
      name: 'a promise handled by .catch(handler) or .then(ok, onError) is guarded',
      code: `async function worker(): Promise<void> {
  while (!this.stopping) {
    await work().catch((error) => logger.error(error));
    work2().then(done, onError);
    await work3().catch(reportFailure);
    await sleep(1000);
  }
}`,
    },
    {
      name: 'logging, clocks and timer scheduling do not need a guard',
      code: `async function worker(): Promise<void> {
  while (!this.stopping) {
    console.log('tick', Date.now(), Math.random());
    this.logger.info('tick');
    const timer = setTimeout(() => undefined, 10);
    clearTimeout(timer);
    try {
      await work();
    } catch (error) {
      log.error(error);
    }
  }
}`,
    },
    {
      name: 'labelled continue inside a guarded worker loop',
      code: `async function worker(): Promise<void> {
  outer: while (true) {
    const batch = await this.queue.get();
    for (const item of batch) {
      if (!item) continue outer;
      try {
        await handle(item);
      } catch (error) {
        logger.error(error);
      }
    }
  }
}`,
    },
    {
      name: 'an inner long-running loop is judged on its own: both guarded',
      code: `async function supervisor(signal: AbortSignal): Promise<void> {
  while (true) {
    try {
      await connect();
    } catch (error) {
      logger.error(error);
    }
    while (!signal.aborted) {
      try {
        await pump();
      } catch (error) {
        logger.error(error);
      }
    }
  }
}`,
    },
    {
      name: 'an async generator whose loop is guarded',
      code: `async function* messages(signal: AbortSignal): AsyncGenerator<Message> {
  while (!signal.aborted) {
    try {
      yield await fetchNext();
    } catch (error) {
      logger.error(error);
    }
  }
}`,
    },
    {
      name: 'an arrow function with a guarded for (;;) loop',
      code: `const pump = async (source: Source): Promise<void> => {
  for (;;) {
    try {
      await source.pumpOnce();
    } catch (error) {
      logger.error(error);
    }
  }
};`,
    },
    {
      name: 'a guarded inline setInterval callback',
      code: `setInterval(async () => {
  try {
    await syncInventory();
  } catch (error) {
    logger.error(error);
  }
}, 60_000);`,
    },
    {
      name: 'a guarded same-file setInterval callback passed by name',
      code: `async function tick(): Promise<void> {
  try {
    await syncInventory();
  } catch (error) {
    logger.error(error);
  }
}
setInterval(tick, 60_000);
setInterval(() => void tick(), 60_000);`,
    },
    {
      name: 'an imported setInterval callback is not reported without type information',
      code: `import { tick } from './tick.js';
setInterval(tick, 60_000);
setInterval(() => void tick(), 60_000);`,
    },
    {
      name: 'a guarded self-rescheduling setTimeout',
      code: `class Poller {
  private async poll(): Promise<void> {
    try {
      await this.fetchUpdates();
    } catch (error) {
      logger.error(error);
    }
    setTimeout(() => void this.poll(), 5_000);
  }
}`,
    },
    {
      name: 'a one-shot setTimeout is not a loop',
      code: `function later(): void {
  setTimeout(async () => {
    await sendReminder();
  }, 5_000);
}`,
    },
    {
      name: 'an empty catch with a comment is accepted under allow-commented',
      code: `async function worker(): Promise<void> {
  while (!this.stopping) {
    try {
      await work();
    } catch {
      // a failed round is retried by the next one
    }
  }
}`,
      options: [{"silentCatch":"allow-commented"}],
    },
    {
      name: 'an empty catch is accepted under allow',
      code: `async function worker(): Promise<void> {
  while (!this.stopping) {
    await work().catch(() => {});
  }
}`,
      options: [{"silentCatch":"allow"}],
    },
    {
      name: 'a custom wait call is the designed exit',
      code: `async function worker(): Promise<void> {
  while (!this.stopping) {
    try {
      await work();
    } catch (error) {
      logger.error(error);
    }
    await this.clock.nap(1000);
  }
}`,
      options: [{"waitCalls":["clock.nap"]}],
    },
    {
      name: 'a custom receive call marks a loop with a data exit as a worker, and is accepted unguarded',
      code: `async function worker(mailbox: Mailbox): Promise<void> {
  while (true) {
    const letter = await mailbox.fetchLetter();
    if (!letter) continue;
    try {
      await answer(letter);
    } catch (error) {
      logger.error(error);
    }
  }
}`,
      options: [{"receiveCalls":["mailbox.fetchLetter"]}],
    },
    {
      name: 'code that must not crash the rule: empty bodies, empty statements, odd timer calls',
      code: `while (true) {}
while (true);
for (;;) {}
do ; while (true);
setInterval();
setInterval(...callbacks);
setTimeout();
setInterval(undefined, 10);`,
    },
    {
      name: 'syntax TypeScript rejects but parses: for await outside an async function',
      code: `function notAsync() {
  for await (const item of [1, 2]) item;
}
while (true) { break; }`,
    },
    {
      name: 'synchronous reporting, backoff and cleanup in catch and finally need no guard of their own',
      code: `export async function runSlotLoop(deps: SlotLoopDeps): Promise<void> {
  let failures = 0;
  while (!deps.isStopping()) {
    let sleepMs = deps.pollMs;
    try {
      await deps.run(await deps.next());
      failures = 0;
    } catch (error) {
      failures += 1;
      deps.onError(error);
      deps.events.emit('loop:error', { loop: 'slot', error });
      sleepMs = loopBackoff(failures);
    } finally {
      deps.release();
    }
    await deps.wakeup.sleep(sleepMs);
  }
}`,
    },
    {
      name: 'the wait is the designed exit together with the delay it is given',
      code: `async function poller(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      await pollOnce();
    } catch (error) {
      logger.error(error);
    }
    await sleep(nextDelay(), undefined, { signal });
  }
}`,
    },
    {
      name: 'a heartbeat timer that forwards to a guarded method',
      code: `class LeaseKeeper {
  #timer: NodeJS.Timeout | undefined;
  start(): void {
    this.#timer ??= setInterval(() => {
      void this.beat();
    }, this.heartbeatMs);
  }
  async beat(): Promise<void> {
    if (this.#beating) return;
    this.#beating = true;
    try {
      await this.store.heartbeat(this.leases());
    } catch (error) {
      this.onError(error);
    } finally {
      this.#beating = false;
    }
  }
}`,
    },
    {
      name: 'a synchronous setInterval callback doing bookkeeping is not reported',
      code: `class Pool {
  start(): void {
    setInterval(() => {
      this.retired.forEach((browser) => browser.closeIfIdle());
      this.stats.push(this.snapshot());
    }, 1_000);
  }
}`,
    },
    {
      name: 'a setTimeout chain that ends with its data is an iteration, not a timer loop',
      code: `function eachOf<T>(items: T[], iteratee: (item: T, done: (error?: Error) => void) => void, callback: (error?: Error) => void): void {
  let index = 0;
  const iterate = () => {
    iteratee(items[index], (error) => {
      index += 1;
      if (error || index >= items.length) callback(error);
      else setTimeout(() => iterate(), 0);
    });
  };
  iterate();
}`,
    },
    {
      name: 'a condition that also ends when the data runs out is not a stop flag',
      code: `async function waitForSlot(): Promise<void> {
  while (!this.pool.hasFreeSlot() && !this.closed) {
    await this.nextCapacityChange();
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'a try around a dropped promise catches nothing: the rejection arrives after the try ended',
      code: `async function refresh(): Promise<void> {
  await fetch('/flags');
}
setInterval(() => {
  try {
    void refresh();
  } catch (error) {
    console.error(error);
  }
}, 1000);`,
      errors: [
        {
          messageId: 'dropped',
          line: 6,
          column: 5,
          data: { statement: 'refresh()', loop: '`setInterval` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'handleRejection',
              output: `async function refresh(): Promise<void> {
  await fetch('/flags');
}
setInterval(() => {
  try {
    void refresh().catch((error) => console.error('timer callback failed', error));
  } catch (error) {
    console.error(error);
  }
}, 1000);`,
            },
          ],
        },
      ],
    },
    {
      name: 'a dropped promise inside a guarded loop body still escapes the try',
      code: `class Poller {
  private async pull(): Promise<void> {
    await fetch('/jobs');
  }
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        this.pull();
        await new Promise((resolve) => setTimeout(resolve, 1000));
      } catch (error) {
        console.error(error);
      }
    }
  }
}`,
      errors: [
        {
          messageId: 'dropped',
          line: 8,
          data: { statement: 'this.pull()', loop: '`while (!signal.aborted)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'handleRejection',
              output: `class Poller {
  private async pull(): Promise<void> {
    await fetch('/jobs');
  }
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        this.pull().catch((error) => console.error('loop iteration failed', error));
        await new Promise((resolve) => setTimeout(resolve, 1000));
      } catch (error) {
        console.error(error);
      }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'seed 000 _run before: processing outside the guard',
      code: `class BackgroundWorker {
  private async run(): Promise<void> {
    while (true) {
      const job = await this.queue.get();
      if (job === null) return;
      await this.process(job);
    }
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 31,
          data: { statement: 'await this.process(job)', loop: '`while (true)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `class BackgroundWorker {
  private async run(): Promise<void> {
    while (true) {
      try {
        const job = await this.queue.get();
        if (job === null) return;
        await this.process(job);
      } catch (error) {
        console.error('loop iteration failed', error);
      }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'seed 000 _tick_loop before: backup work unguarded',
      code: `class BackgroundWorker {
  private async tickLoop(): Promise<void> {
    while (!this.tickStop.isSet()) {
      if (shouldTakeBackup(this.settings.dataDir)) {
        takeBackup({ dbPath: this.settings.dbPath, dataDir: this.settings.dataDir });
      }
      await Promise.race([this.tickStop.wait(), sleep(BACKUP_TICK_INTERVAL_MS)]);
    }
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 50,
          data: { statement: 'shouldTakeBackup(this.settings.dataDir)', loop: '`while (!this.tickStop.isSet())` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `class BackgroundWorker {
  private async tickLoop(): Promise<void> {
    while (!this.tickStop.isSet()) {
      try {
        if (shouldTakeBackup(this.settings.dataDir)) {
          takeBackup({ dbPath: this.settings.dbPath, dataDir: this.settings.dataDir });
        }
        await Promise.race([this.tickStop.wait(), sleep(BACKUP_TICK_INTERVAL_MS)]);
      } catch (error) {
        console.error('loop iteration failed', error);
      }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'seed 002 _drain_loop before: died on the first exception',
      code: `async function drainLoop(taskQueue: TaskQueue, executor: Executor, memory: Memory, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    const completed = taskQueue.drainCompleted();
    for (const task of completed) {
      await executor.execute(task);
      await memory.upsertMemorySummary(task);
    }
    await sleep(DRAIN_INTERVAL_MS, undefined, { signal });
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 50,
          data: { statement: 'taskQueue.drainCompleted()', loop: '`while (!signal.aborted)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function drainLoop(taskQueue: TaskQueue, executor: Executor, memory: Memory, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      const completed = taskQueue.drainCompleted();
      for (const task of completed) {
        await executor.execute(task);
        await memory.upsertMemorySummary(task);
      }
      await sleep(DRAIN_INTERVAL_MS, undefined, { signal });
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
      name: 'seed 002 _requeue_loop before',
      code: `async function requeueLoop(taskQueue: TaskQueue, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    await sleep(REQUEUE_INTERVAL_MS, undefined, { signal });
    taskQueue.requeueStale(STALE_AFTER_MS);
    taskQueue.failExhausted(MAX_ATTEMPTS);
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 44,
          data: { statement: 'taskQueue.requeueStale(STALE_AFTER_MS)', loop: '`while (!signal.aborted)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function requeueLoop(taskQueue: TaskQueue, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      await sleep(REQUEUE_INTERVAL_MS, undefined, { signal });
      taskQueue.requeueStale(STALE_AFTER_MS);
      taskQueue.failExhausted(MAX_ATTEMPTS);
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
      name: 'for (;;) without a block',
      code: `for (;;) pump();`,
      errors: [
        {
          messageId: 'unguarded',
          line: 1,
          column: 10,
          endLine: 1,
          endColumn: 17,
          data: { statement: 'pump()', loop: '`for (;;)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `for (;;) { try { pump(); } catch (error) { console.error('loop iteration failed', error); } }`,
            },
          ],
        },
      ],
    },
    {
      name: 'do … while (true)',
      code: `async function worker(): Promise<void> {
  do {
    await tick();
  } while (true);
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 18,
          data: { statement: 'await tick()', loop: '`do … while (true)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function worker(): Promise<void> {
  do {
    try {
      await tick();
    } catch (error) {
      console.error('loop iteration failed', error);
    }
  } while (true);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'while (this.running)',
      code: `class Service {
  async loop(): Promise<void> {
    while (this.running) {
      await this.tick();
    }
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 25,
          data: { statement: 'await this.tick()', loop: '`while (this.running)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `class Service {
  async loop(): Promise<void> {
    while (this.running) {
      try {
        await this.tick();
      } catch (error) {
        console.error('loop iteration failed', error);
      }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'while (!stopEvent.isSet())',
      code: `function loop(stopEvent: StopEvent): void {
  while (!stopEvent.isSet()) {
    poll();
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 12,
          data: { statement: 'poll()', loop: '`while (!stopEvent.isSet())` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `function loop(stopEvent: StopEvent): void {
  while (!stopEvent.isSet()) {
    try {
      poll();
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
      name: 'for await over a queue',
      code: `async function consume(queue: AsyncQueue<Job>): Promise<void> {
  for await (const job of queue) {
    await handle(job);
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 23,
          data: { statement: 'await handle(job)', loop: '`for await (… of queue)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function consume(queue: AsyncQueue<Job>): Promise<void> {
  for await (const job of queue) {
    try {
      await handle(job);
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
      name: 'for await over setInterval from node:timers/promises',
      code: `async function everyMinute(): Promise<void> {
  for await (const _ of setInterval(60_000)) {
    await refreshCache();
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 26,
          data: { statement: 'await refreshCache()', loop: '`for await (… of setInterval(60_000))` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function everyMinute(): Promise<void> {
  for await (const _ of setInterval(60_000)) {
    try {
      await refreshCache();
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
      name: 'for await over events.on',
      code: `async function listen(emitter: EventEmitter): Promise<void> {
  for await (const [message] of on(emitter, 'message')) {
    await handle(message);
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 27,
          data: { statement: 'await handle(message)', loop: '`for await (… of on(emitter, \'message\'))` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function listen(emitter: EventEmitter): Promise<void> {
  for await (const [message] of on(emitter, 'message')) {
    try {
      await handle(message);
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
      name: 'try/finally without catch is not a guard',
      code: `async function worker(): Promise<void> {
  while (true) {
    try {
      await work();
    } finally {
      release();
    }
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 20,
          data: { statement: 'await work()', loop: '`while (true)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function worker(): Promise<void> {
  while (true) {
    try {
      try {
        await work();
      } finally {
        release();
      }
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
      name: 'a catch that always rethrows is not a guard',
      code: `async function worker(): Promise<void> {
  while (true) {
    try {
      await work();
    } catch (error) {
      logger.error(error);
      throw error;
    }
  }
}`,
      errors: [
        {
          messageId: 'rethrows',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 20,
          data: { statement: 'await work()', loop: '`while (true)` loop', consequence: LOOP },
        },
      ],
    },
    {
      name: 'a catch that rethrows every error but one kind still ends the loop',
      code: `async function worker(): Promise<void> {
  while (true) {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof RetryableError)) throw error;
      logger.warn(error);
    }
  }
}`,
      errors: [
        {
          messageId: 'rethrows',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 20,
          data: { statement: 'await work()', loop: '`while (true)` loop', consequence: LOOP },
        },
      ],
    },
    {
      name: 'an empty catch is reported by default',
      code: `async function worker(): Promise<void> {
  while (!this.stopping) {
    try {
      await work();
    } catch {}
  }
}`,
      errors: [
        {
          messageId: 'silent',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 20,
          data: { statement: 'await work()', loop: '`while (!this.stopping)` loop' },
        },
      ],
    },
    {
      name: 'an empty catch with a comment is reported under report',
      code: `async function worker(): Promise<void> {
  while (!this.stopping) {
    try {
      await work();
    } catch {
      // ignored
    }
  }
}`,
      errors: [
        {
          messageId: 'silent',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 20,
          data: { statement: 'await work()', loop: '`while (!this.stopping)` loop' },
        },
      ],
    },
    {
      name: '.catch(() => {}) is silent',
      code: `async function worker(): Promise<void> {
  while (!this.stopping) {
    await work().catch(() => {});
  }
}`,
      errors: [
        {
          messageId: 'silent',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 34,
          data: { statement: 'work()', loop: '`while (!this.stopping)` loop' },
        },
      ],
    },
    {
      name: '.catch() without a handler is no guard',
      code: `async function worker(): Promise<void> {
  while (!this.stopping) {
    await work().catch();
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 26,
          data: { statement: 'await work().catch()', loop: '`while (!this.stopping)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function worker(): Promise<void> {
  while (!this.stopping) {
    try {
      await work().catch();
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
      name: 'void promise is no guard',
      code: `async function worker(): Promise<void> {
  while (!this.stopping) {
    void work();
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 17,
          data: { statement: 'work()', loop: '`while (!this.stopping)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function worker(): Promise<void> {
  while (!this.stopping) {
    try {
      void work();
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
      name: 'a throwing catch body is itself unguarded',
      code: `async function worker(): Promise<void> {
  while (!this.stopping) {
    const job = await this.queue.get();
    try {
      await run(job);
    } catch (error) {
      await this.store.markFailed(job, error);
    }
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 47,
          data: { statement: 'await this.store.markFailed(job, error)', loop: '`while (!this.stopping)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function worker(): Promise<void> {
  while (!this.stopping) {
    try {
      const job = await this.queue.get();
      try {
        await run(job);
      } catch (error) {
        await this.store.markFailed(job, error);
      }
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
      name: 'nested loops: the unguarded inner long-running loop is reported on its own',
      code: `async function supervisor(signal: AbortSignal): Promise<void> {
  while (true) {
    try {
      await connect();
    } catch (error) {
      logger.error(error);
    }
    while (!signal.aborted) {
      await pump();
    }
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 20,
          data: { statement: 'await pump()', loop: '`while (!signal.aborted)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function supervisor(signal: AbortSignal): Promise<void> {
  while (true) {
    try {
      await connect();
    } catch (error) {
      logger.error(error);
    }
    while (!signal.aborted) {
      try {
        await pump();
      } catch (error) {
        console.error('loop iteration failed', error);
      }
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'nested loops: the outer loop is reported for its own statements',
      code: `async function supervisor(signal: AbortSignal): Promise<void> {
  while (true) {
    await connect();
    while (!signal.aborted) {
      try {
        await pump();
      } catch (error) {
        logger.error(error);
      }
    }
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 21,
          data: { statement: 'await connect()', loop: '`while (true)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function supervisor(signal: AbortSignal): Promise<void> {
  while (true) {
    try {
      await connect();
      while (!signal.aborted) {
        try {
          await pump();
        } catch (error) {
          logger.error(error);
        }
      }
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
      name: 'labelled continue does not hide an unguarded statement',
      code: `async function worker(): Promise<void> {
  outer: while (true) {
    const batch = await this.queue.get();
    for (const item of batch) {
      if (!item) continue outer;
      await handle(item);
    }
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 26,
          data: { statement: 'await handle(item)', loop: '`while (true)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function worker(): Promise<void> {
  outer: while (true) {
    try {
      const batch = await this.queue.get();
      for (const item of batch) {
        if (!item) continue outer;
        await handle(item);
      }
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
      name: 'a loop in an async generator',
      code: `async function* messages(signal: AbortSignal): AsyncGenerator<Message> {
  while (!signal.aborted) {
    yield await fetchNext();
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 29,
          data: { statement: 'await fetchNext()', loop: '`while (!signal.aborted)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function* messages(signal: AbortSignal): AsyncGenerator<Message> {
  while (!signal.aborted) {
    try {
      yield await fetchNext();
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
      name: 'a loop in an arrow function',
      code: `const pump = async (source: Source): Promise<void> => {
  for (;;) {
    await source.pumpOnce();
  }
};`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 29,
          data: { statement: 'await source.pumpOnce()', loop: '`for (;;)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `const pump = async (source: Source): Promise<void> => {
  for (;;) {
    try {
      await source.pumpOnce();
    } catch (error) {
      console.error('loop iteration failed', error);
    }
  }
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'an outer try in the enclosing function does not save the loop',
      code: `async function main(): Promise<void> {
  try {
    while (true) {
      await tick();
      await sleep(1000);
    }
  } catch (error) {
    logger.error(error);
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 20,
          data: { statement: 'await tick()', loop: '`while (true)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function main(): Promise<void> {
  try {
    while (true) {
      try {
        await tick();
        await sleep(1000);
      } catch (error) {
        console.error('loop iteration failed', error);
      }
    }
  } catch (error) {
    logger.error(error);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'an inline async setInterval callback',
      code: `setInterval(async () => {
  await syncInventory();
}, 60_000);`,
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 25,
          data: { statement: 'await syncInventory()', loop: '`setInterval` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `setInterval(async () => {
  try {
    await syncInventory();
  } catch (error) {
    console.error('timer callback failed', error);
  }
}, 60_000);`,
            },
          ],
        },
      ],
    },
    {
      name: 'an expression-bodied async setInterval callback',
      code: `setInterval(async () => syncInventory(), 60_000);`,
      errors: [
        {
          messageId: 'unguarded',
          line: 1,
          column: 25,
          endLine: 1,
          endColumn: 40,
          data: { statement: 'syncInventory()', loop: '`setInterval` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `setInterval(async () => { try { await syncInventory(); } catch (error) { console.error('timer callback failed', error); } }, 60_000);`,
            },
          ],
        },
      ],
    },
    {
      name: 'a synchronous setInterval callback that drops a promise of a same-file async function',
      code: `async function refresh(): Promise<void> {
  await reload();
}
setInterval(() => {
  count += 1;
  refresh();
  fetch(HEALTH_URL);
}, 60_000);`,
      errors: [
        {
          messageId: 'unguarded',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 13,
          data: { statement: 'refresh()', loop: '`setInterval` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'handleRejection',
              output: `async function refresh(): Promise<void> {
  await reload();
}
setInterval(() => {
  count += 1;
  refresh().catch((error) => console.error('timer callback failed', error));
  fetch(HEALTH_URL);
}, 60_000);`,
            },
          ],
        },
      ],
    },
    {
      name: 'a same-file setInterval callback passed by name',
      code: `async function tick(): Promise<void> {
  await syncInventory();
}
setInterval(tick, 60_000);`,
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 25,
          data: { statement: 'await syncInventory()', loop: '`setInterval` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `async function tick(): Promise<void> {
  try {
    await syncInventory();
  } catch (error) {
    console.error('timer callback failed', error);
  }
}
setInterval(tick, 60_000);`,
            },
          ],
        },
      ],
    },
    {
      name: 'a same-file callback behind a forwarding arrow, reported once',
      code: `const tick = async (): Promise<void> => {
  await syncInventory();
};
setInterval(() => void tick(), 60_000);
setInterval(tick, 30_000);`,
      errors: [
        {
          messageId: 'unguarded',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 25,
          data: { statement: 'await syncInventory()', loop: '`setInterval` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `const tick = async (): Promise<void> => {
  try {
    await syncInventory();
  } catch (error) {
    console.error('timer callback failed', error);
  }
};
setInterval(() => void tick(), 60_000);
setInterval(tick, 30_000);`,
            },
          ],
        },
      ],
    },
    {
      name: 'a self-rescheduling setTimeout method',
      code: `class Poller {
  private async poll(): Promise<void> {
    await this.fetchUpdates();
    setTimeout(() => void this.poll(), 5_000);
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 31,
          data: { statement: 'await this.fetchUpdates()', loop: 'self-rescheduling `setTimeout` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `class Poller {
  private async poll(): Promise<void> {
    try {
      await this.fetchUpdates();
      setTimeout(() => void this.poll(), 5_000);
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
    {
      name: 'a try/catch around setTimeout cannot catch the callback’s later rejection',
      code: `function poll(): void {
  try {
    setTimeout(async () => {
      await fetchUpdates();
      poll();
    }, 5_000);
  } catch (error) {
    logger.error(error);
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 28,
          data: { statement: 'await fetchUpdates()', loop: 'self-rescheduling `setTimeout` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `function poll(): void {
  try {
    setTimeout(async () => {
      try {
        await fetchUpdates();
        poll();
      } catch (error) {
        console.error('timer callback failed', error);
      }
    }, 5_000);
  } catch (error) {
    logger.error(error);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a self-rescheduling setTimeout passed by name with bind',
      code: `class Poller {
  private async poll(): Promise<void> {
    await this.fetchUpdates();
    setTimeout(this.poll.bind(this), 5_000);
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 31,
          data: { statement: 'await this.fetchUpdates()', loop: 'self-rescheduling `setTimeout` callback', consequence: TIMER },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `class Poller {
  private async poll(): Promise<void> {
    try {
      await this.fetchUpdates();
      setTimeout(this.poll.bind(this), 5_000);
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
    {
      name: 'new and throw are throw points',
      code: `function loop(): void {
  while (!this.stopping) {
    const url = new URL(next());
    if (!url) throw new Error('no url');
  }
}`,
      errors: [
        {
          messageId: 'unguarded',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 33,
          data: { statement: 'new URL(next())', loop: '`while (!this.stopping)` loop', consequence: LOOP },
          suggestions: [
            {
              messageId: 'wrapInTryCatch',
              output: `function loop(): void {
  while (!this.stopping) {
    try {
      const url = new URL(next());
      if (!url) throw new Error('no url');
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
  ],
});
