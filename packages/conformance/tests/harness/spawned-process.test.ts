import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitUntil, WaitTimeoutError } from '../../dist/harness/bounded-wait.js';
import { SpawnedProcess } from '../../dist/harness/spawned-process.js';

const PARENT = join(import.meta.dirname, '..', 'fixtures', 'processes', 'parent-of-sleeper.mjs');

/** Whether a pid is a live, non-zombie process (procfs state), since kill(pid, 0) reports zombies as alive. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

describe('SpawnedProcess', () => {
  it('kills the whole process group, grandchildren included, and reports the signal from the exit event', async () => {
    const exits: string[] = [];
    const parent = new SpawnedProcess(PARENT, process.env, (_p, exit) => exits.push(String(exit.signal)));
    const grandchild = await waitUntil('the grandchild pid', 10_000, () => /grandchild (\d+)/.exec(parent.output)?.[1]);
    expect(isRunning(Number(grandchild))).toBe(true);
    parent.signal('SIGKILL');
    expect(await parent.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(exits).toEqual(['SIGKILL']);
    await waitUntil('the grandchild to be gone', 5000, () => !isRunning(Number(grandchild)));
    // Signalling an exited process is a no-op, not an error.
    expect(() => parent.signal('SIGKILL')).not.toThrow();
  });

  it('freezes and resumes a process with SIGSTOP and SIGCONT', async () => {
    const parent = new SpawnedProcess(PARENT, process.env, () => undefined);
    await waitUntil('the child to start', 10_000, () => parent.output.includes('grandchild'));
    parent.signal('SIGSTOP');
    await waitUntil('the stopped state', 5000, () => /^\d+ \(.*\) T/.test(readFileSync(`/proc/${parent.pid}/stat`, 'utf8')));
    parent.signal('SIGCONT');
    await waitUntil('the running state', 5000, () => !/^\d+ \(.*\) T/.test(readFileSync(`/proc/${parent.pid}/stat`, 'utf8')));
    parent.signal('SIGKILL');
    await parent.exited;
  });
});

describe('waitUntil', () => {
  it('names what it waited for when it times out', async () => {
    await expect(waitUntil('the moon to turn blue', 30, () => false)).rejects.toThrow(new WaitTimeoutError('timed out after 30 ms waiting for the moon to turn blue'));
  });

  it('resolves with the first value the probe returns', async () => {
    let calls = 0;
    await expect(waitUntil('three calls', 1000, () => (++calls >= 3 ? calls : undefined))).resolves.toBe(3);
  });
});
