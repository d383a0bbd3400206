import { describe, expect, it } from 'vitest';
import { boundedStop, STOP_SLACK_MS } from '../../src/checkers/bounded-stop.js';
import { buildHistoryModel } from '../../src/checkers/history-model.js';
import { HistoryBuilder } from '../support/history-builder.js';

const stop = (took: number) => new HistoryBuilder().worker(0, 10).add(100, 10, { type: 'worker.stop.begin', data: { graceMs: 500 } }).add(100 + took, 10, { type: 'worker.stop.end', data: { call: 0 } });

describe('bounded-stop', () => {
  it('accepts a stop within grace plus slack', () => {
    expect(boundedStop(buildHistoryModel(stop(500 + STOP_SLACK_MS - 1).build()))).toEqual([]);
  });

  it('flags a stop that took longer', () => {
    expect(boundedStop(buildHistoryModel(stop(500 + STOP_SLACK_MS + 1).build()))).toHaveLength(1);
  });

  it('flags a rejected stop call and a stop that never resolved in a process that exited cleanly', () => {
    const rejected = stop(10).add(120, 10, { type: 'worker.stop.end', data: { call: 1, message: 'Error: already stopping' } });
    expect(boundedStop(buildHistoryModel(rejected.build())).map((v) => v.message)).toEqual(['stop() rejected: Error: already stopping']);
    const hung = new HistoryBuilder().worker(0, 10).add(1, 10, { type: 'worker.stop.begin', data: { graceMs: 10 } }).exit(9000, 10, null);
    expect(boundedStop(buildHistoryModel(hung.build()))).toHaveLength(1);
  });

  it('does not blame a process the test killed during its stop', () => {
    const killed = new HistoryBuilder().worker(0, 10).add(1, 10, { type: 'worker.stop.begin', data: { graceMs: 10 } }).exit(50, 10, 'SIGKILL');
    expect(boundedStop(buildHistoryModel(killed.build()))).toEqual([]);
  });
});
