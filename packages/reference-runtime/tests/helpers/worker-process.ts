import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const script = join(import.meta.dirname, '..', 'fixtures', 'worker-process.mjs');

/** Options of the fixture worker process. */
export interface WorkerProcessConfig {
  path: string;
  concurrency?: number;
  leaseMs?: number;
  reapIntervalMs?: number;
  graceMs?: number;
  periodicEveryMs?: number;
}

type Message = { ready: true } | { started: number; attempt: number } | { phase: string };

/** A worker in its own process, with the messages it sent and its exit. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly messages: Message[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForMessage(predicate: (message: Message) => boolean, what: string): Promise<Message>;
}

/** Fork the fixture worker on `config.path`; resolves once it is started. */
export async function spawnWorkerProcess(config: WorkerProcessConfig): Promise<WorkerProcess> {
  const child = fork(script, [JSON.stringify(config)], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const messages: Message[] = [];
  const waiters = new Set<() => void>();
  child.on('message', (message) => {
    messages.push(message as Message);
    for (const waiter of waiters) waiter();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
      for (const waiter of waiters) waiter();
    });
  });
  const waitForMessage = (predicate: (message: Message) => boolean, what: string): Promise<Message> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = messages.find(predicate);
        if (found !== undefined) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`worker process exited while waiting for ${what}`));
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, 15_000);
      waiters.add(check);
      check();
    });
  const worker = { child, messages, exited, waitForMessage };
  await waitForMessage((message) => 'ready' in message, 'the worker process to start');
  return worker;
}
