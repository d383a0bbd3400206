// A worker or client process of the kit: loads the adapter by URL, opens the shared history, and
// does what its configuration says. The test process may SIGKILL, SIGSTOP or SIGTERM it at any time.
import type { ConformanceAdapter, Settlement, WorkerHandle } from '../../adapter.js';
import { HistoryStore } from '../../history/history-store.js';
import { loadAdapter } from '../../runner/load-adapter.js';
import { CHILD_CONFIG_VARIABLE, type ChildConfig, type ChildMessage, type ClientScript, type ParentMessage, type WorkerSettings } from '../child-config.js';
import { CompletionFailpoint } from '../completion-failpoint.js';
import { createInstrumentedHandlers } from '../instrumented-handlers.js';
import { describeError, RecordingClient } from '../recording-client.js';
import { setTimeout as delay } from 'node:timers/promises';
import { KIT_PERIODIC_TASK, KIT_TASK } from '../handler-plan.js';

function tell(message: ChildMessage): void {
  process.send?.(message);
}

async function runWorker(adapter: ConformanceAdapter, config: ChildConfig, settings: WorkerSettings, history: HistoryStore): Promise<void> {
  const onSettled = (settlement: Settlement): void => {
    history.append({ type: 'settled', jobId: settlement.jobId, attempt: settlement.attempt, data: { outcome: settlement.outcome } });
    // A hostile observer (F6): the runtime must survive a callback of its own that throws.
    if (settings.throwingObserver === true) throw new Error('planned observer failure (onSettled threw)');
  };
  const failpoint = settings.beforeCompleteHook === true ? new CompletionFailpoint(history) : undefined;
  let handle: WorkerHandle;
  try {
    handle = await adapter.startWorker(config.env, {
      handlers: createInstrumentedHandlers(history, failpoint),
      concurrency: settings.concurrency,
      leaseMs: settings.leaseMs,
      pollMs: settings.pollMs,
      retryDelayMs: settings.retryDelayMs,
      periodic: settings.periodic ?? [],
      onSettled,
      ...(failpoint === undefined ? {} : { hooks: { beforeComplete: failpoint.beforeComplete } }),
    });
  } catch (error) {
    history.append({ type: 'worker.error', data: { message: describeError(error) } });
    tell({ type: 'failed', message: describeError(error) });
    return;
  }
  history.append({
    type: 'worker.started',
    data: { concurrency: settings.concurrency, retryDelayMs: settings.retryDelayMs, leaseMs: settings.leaseMs, beforeCompleteHook: failpoint !== undefined },
  });

  let stopping: Promise<void> | undefined;
  const stopCalls = async (graceMs: number, calls: number): Promise<void> => {
    history.append({ type: 'worker.stop.begin', data: { graceMs, calls } });
    const results = await Promise.allSettled(Array.from({ length: calls }, () => handle.stop({ graceMs })));
    results.forEach((result, call) => {
      history.append({ type: 'worker.stop.end', data: result.status === 'fulfilled' ? { call } : { call, message: describeError(result.reason) } });
    });
  };
  const letProcessEnd = (): void => {
    process.removeListener('SIGTERM', onSigterm);
    process.removeAllListeners('message');
    // Nothing of the kit keeps the process alive now: if it does not exit, the runtime leaked.
    process.disconnect?.();
  };
  const stop = (graceMs: number, calls: number): Promise<void> => {
    stopping ??= stopCalls(graceMs, calls).then(letProcessEnd);
    return stopping;
  };
  const startCalls = async (calls: number, when: 'running' | 'stopped'): Promise<boolean> => {
    const start = handle.start?.bind(handle);
    if (start === undefined) {
      history.append({ type: 'worker.start.call', data: { when, unsupported: true } });
      return false;
    }
    const results = await Promise.allSettled(Array.from({ length: calls }, () => start()));
    for (const result of results) {
      history.append({
        type: 'worker.start.call',
        data: result.status === 'fulfilled' ? { when, ok: true } : { when, ok: false, message: describeError(result.reason), isError: result.reason instanceof Error },
      });
    }
    return results.every((result) => result.status === 'fulfilled');
  };
  const restart = async (graceMs: number): Promise<void> => {
    await stopCalls(graceMs, 1);
    // A worker that refused to start again is stopped for good: the process must now end by itself.
    if (!(await startCalls(1, 'stopped'))) letProcessEnd();
  };
  const onSigterm = (): void => void stop(settings.sigtermGraceMs, 1);
  process.on('SIGTERM', onSigterm);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stop') void stop(message.graceMs, message.calls);
    if (message.type === 'start') void startCalls(message.calls, 'running');
    if (message.type === 'restart' && stopping === undefined) void restart(message.graceMs);
  });
  tell({ type: 'ready' });
}

async function runClient(adapter: ConformanceAdapter, config: ChildConfig, script: ClientScript, history: HistoryStore): Promise<void> {
  const client = new RecordingClient(await adapter.openClient(config.env, { tasks: [KIT_TASK, KIT_PERIODIC_TASK] }), history);
  tell({ type: 'ready' });
  for (const [index, job] of script.jobs.entries()) {
    if (script.pause !== undefined && index === script.pause.after) {
      // A tight poll: several clients parked on one gate are released within a few milliseconds of each other.
      while (!history.isGateOpen(script.pause.gate)) await delay(2);
    }
    try {
      await client.enqueue(job);
    } catch {
      // Recorded as enqueue.fail; the test judges it.
    }
  }
  history.append({ type: 'note', data: { clientDone: script.jobs.length } });
  // The client stays open so that a client that dequeues has time to show it.
  if (script.lingerMs > 0) await delay(script.lingerMs);
  await client.raw.close();
  history.append({ type: 'note', data: { clientClosed: true } });
  process.disconnect?.();
}

async function main(): Promise<void> {
  const raw = process.env[CHILD_CONFIG_VARIABLE];
  if (raw === undefined) throw new Error(`${CHILD_CONFIG_VARIABLE} is not set: this script is started by the conformance kit`);
  const config = JSON.parse(raw) as ChildConfig;
  // The IPC channel must not keep the process alive: the kit checks that a stopped worker exits by itself.
  process.channel?.unref();
  const history = HistoryStore.open(config.historyFile);
  history.append({ type: 'proc.spawn', data: { role: config.role } });
  const adapter = await loadAdapter(config.adapterUrl);
  if (config.role === 'worker') await runWorker(adapter, config, config.worker, history);
  else await runClient(adapter, config, config.client, history);
}

main().catch((error: unknown) => {
  tell({ type: 'failed', message: describeError(error) });
  console.error(error);
  process.exitCode = 70;
});
