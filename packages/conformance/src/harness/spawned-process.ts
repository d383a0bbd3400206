import { spawn, type ChildProcess } from 'node:child_process';

/** How a child process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** The signals the kit sends as faults. */
export type FaultSignal = 'SIGKILL' | 'SIGTERM' | 'SIGSTOP' | 'SIGCONT';

/**
 * A child `node` process started `detached`, so it leads its own process group and a signal sent
 * to the group also reaches anything it spawned. Its end is known from the `exit` event only: a
 * killed orphan can linger as a zombie that `kill(pid, 0)` still reports alive.
 */
export class SpawnedProcess {
  readonly pid: number;
  readonly exited: Promise<ProcessExit>;
  #exit: ProcessExit | undefined;
  #output = '';
  readonly #child: ChildProcess;

  constructor(script: string, env: NodeJS.ProcessEnv, onExit: (process: SpawnedProcess, exit: ProcessExit) => void) {
    this.#child = spawn(process.execPath, [script], { detached: true, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    if (this.#child.pid === undefined) throw new Error(`could not spawn ${script}`);
    this.pid = this.#child.pid;
    const keep = (chunk: Buffer): void => {
      // Keep the tail only: enough to show why a child died, bounded for a chatty runtime.
      this.#output = (this.#output + chunk.toString('utf8')).slice(-8000);
    };
    this.#child.stdout?.on('data', keep);
    this.#child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      this.#child.once('exit', (code, signal) => {
        this.#exit = { code, signal };
        onExit(this, this.#exit);
        resolve(this.#exit);
      });
    });
  }

  /** Whether the `exit` event has been seen. */
  get hasExited(): boolean {
    return this.#exit !== undefined;
  }

  /** The last few kilobytes of the child's stdout and stderr. */
  get output(): string {
    return this.#output;
  }

  /** Sends a message over IPC; ignored when the channel is gone. */
  send(message: unknown): void {
    if (this.#child.connected) this.#child.send(message as object);
  }

  /** Registers a listener for IPC messages from the child. */
  onMessage(listener: (message: unknown) => void): void {
    this.#child.on('message', listener);
  }

  /** Signals the whole process group; a no-op once the process has exited. */
  signal(signal: FaultSignal): void {
    if (this.hasExited) return;
    try {
      process.kill(-this.pid, signal);
    } catch {
      // The group is already gone: the exit event is on its way.
    }
  }
}
