import { describe, expect, it } from 'vitest';
import { createClient, createWorker, openSqliteStore, silentLogger } from '../src/index.js';
import { tempDatabasePath } from './helpers/temp-database.js';
import { waitFor } from './helpers/wait-for.js';

interface Tasks {
  significance: { memoryId: number };
  backup: { reason: string };
}

function setup(options: { maxPayloadBytes?: number } = {}) {
  const store = openSqliteStore({ path: tempDatabasePath() });
  const client = createClient<Tasks>({ store, taskNames: ['significance', 'backup'], ...options });
  return { store, client };
}

describe('createClient', () => {
  it('type-checks task names and payloads against the declared task map', async () => {
    const { client } = setup();
    await client.enqueue('significance', { memoryId: 42 });
    // @ts-expect-error -- unknown task name
    await expect(client.enqueue('nope', {})).rejects.toMatchObject({ code: 'UNKNOWN_TASK' });
    // @ts-expect-error -- wrong payload shape
    await client.enqueue('significance', { memoryId: 'forty-two' });
  });

  it('has no way to claim or run a job (enqueue-only)', () => {
    const { client } = setup();
    expect(Object.keys(client).sort()).toEqual(['cancel', 'close', 'enqueue', 'enqueueMany', 'explain', 'getJob', 'redrive', 'stats']);
  });

  it.each([
    ['a function', { f: () => 1 }, /\$\.f is a function/],
    ['a BigInt', { n: 1n }, /\$\.n is a BigInt/],
    ['a cycle', (() => {
      const o: Record<string, unknown> = {};
      o['self'] = o;
      return o;
    })(), /\$\.self is a cycle/],
    ['undefined', { u: undefined }, /\$\.u is undefined/],
    ['NaN', { x: Number.NaN }, /\$\.x is NaN/],
    ['a Map', { m: new Map() }, /\$\.m is a Map/],
  ])('refuses a payload with %s and writes nothing', async (_what, payload, message) => {
    const { store, client } = setup();
    await expect(client.enqueue('significance', payload as never)).rejects.toMatchObject({ code: 'INVALID_PAYLOAD', message: expect.stringMatching(message) as unknown });
    expect((await store.stats()).totals.queued).toBe(0);
  });

  it('refuses a payload above maxPayloadBytes', async () => {
    const { store, client } = setup({ maxPayloadBytes: 100 });
    await expect(client.enqueue('backup', { reason: 'x'.repeat(200) })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect((await store.stats()).totals.queued).toBe(0);
  });

  it.each([
    [{ priority: 1.5 }],
    [{ maxAttempts: 0 }],
    [{ delayMs: -1 }],
    [{ runAt: Number.NaN }],
    [{ runAt: 1, delayMs: 1 }],
    [{ idempotencyKey: '' }],
  ])('refuses invalid options %j', async (options) => {
    const { client } = setup();
    await expect(client.enqueue('backup', { reason: 'x' }, options)).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });

  it('refuses calls after close with CLIENT_CLOSED', async () => {
    const { client } = setup();
    await client.close();
    await expect(client.enqueue('backup', { reason: 'x' })).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
  });

  it('keeps a __proto__ key as data and pollutes nothing', async () => {
    const { store, client } = setup();
    const payload = JSON.parse('{"memoryId": 1, "__proto__": {"polluted": true}}') as Tasks['significance'];
    const { id } = await client.enqueue('significance', payload);
    let received: unknown;
    const worker = createWorker<Tasks>({
      store,
      logger: silentLogger,
      tasks: {
        significance: (job) => {
          received = job.payload;
        },
        backup: () => undefined,
      },
    });
    await worker.start();
    await waitFor(async () => (await store.getJob(id))?.state === 'succeeded', 'the job');
    await worker.stop();
    expect(Object.getOwnPropertyNames(received)).toEqual(['memoryId', '__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(received)).toBe(Object.prototype);
  });

  it('enqueues inside the application transaction: rolled back with it, committed with it (outbox)', async () => {
    const { store, client } = setup();
    const db = store.database;
    db.exec('CREATE TABLE memories (id INTEGER PRIMARY KEY, text TEXT)');
    const write = db.transaction((text: string, fail: boolean) => {
      const { lastInsertRowid } = db.prepare('INSERT INTO memories (text) VALUES (?)').run(text);
      void client.enqueue('significance', { memoryId: Number(lastInsertRowid) });
      if (fail) throw new Error('the request failed');
    });
    expect(() => write('lost', true)).toThrow('the request failed');
    expect((await store.stats()).totals.queued).toBe(0);
    write('kept', false);
    expect((await store.stats()).totals.queued).toBe(1);
  });

  it('enqueueMany writes all jobs or none', async () => {
    const { store, client } = setup();
    await expect(
      client.enqueueMany([
        { name: 'backup', payload: { reason: 'a' } },
        { name: 'backup', payload: { reason: 'b' }, options: { maxAttempts: -1 } },
      ]),
    ).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    expect((await store.stats()).totals.queued).toBe(0);
  });
});

describe('createWorker option validation', () => {
  it.each([
    [{ concurrency: 0 }],
    [{ leaseMs: -5 }],
    [{ heartbeatMs: 40_000 }],
    [{ retry: { factor: 0.5 } }],
  ])('refuses %j', (options) => {
    const store = openSqliteStore({ path: ':memory:' });
    expect(() => createWorker({ store, tasks: { a: () => undefined }, ...options })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });

  it('refuses a worker with no task', () => {
    const store = openSqliteStore({ path: ':memory:' });
    expect(() => createWorker({ store, tasks: {} })).toThrow(/at least one task/);
  });
});
