import { describe, expect, it } from 'vitest';
import { buildHistoryModel } from '../../src/checkers/history-model.js';
import { noLostJobs } from '../../src/checkers/no-lost-jobs.js';
import { HistoryBuilder } from '../support/history-builder.js';

const check = (b: HistoryBuilder) => noLostJobs(buildHistoryModel(b.build()));

describe('no-lost-jobs', () => {
  it('accepts a job that completed after a crash', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').worker(1, 10).start(2, 10, 'a', '1', 1, '10:1').exit(3, 10).worker(4, 11).ran(5, 6, 11, 'a', '1', 2, '11:1');
    expect(check(h)).toEqual([]);
  });

  it('flags an acknowledged job that never ran', () => {
    const violations = check(new HistoryBuilder().enqueued(0, 'a', '1'));
    expect(violations.map((v) => v.property)).toEqual(['no-lost-jobs']);
    expect(violations[0]?.message).toMatch(/job a/);
  });

  it('flags a job whose handler returned but whose completion was never committed', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').worker(1, 10).start(2, 10, 'a', '1', 1, '10:1').end(3, 10, 'a', '1', 1, '10:1');
    expect(check(h)).toHaveLength(1);
  });

  it('accepts a job whose handler returned just before its worker was killed, before it could report the commit', () => {
    // The runtime's commit and the kit's record are two databases: a SIGKILL between them is not a lost job.
    const h = new HistoryBuilder().enqueued(0, 'a', '1').worker(1, 10).start(2, 10, 'a', '1', 1, '10:1').end(3, 10, 'a', '1', 1, '10:1').exit(4, 10, 'SIGKILL');
    expect(check(h)).toEqual([]);
  });

  it('still flags a returned handler whose worker exited normally without committing', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').worker(1, 10).start(2, 10, 'a', '1', 1, '10:1').end(3, 10, 'a', '1', 1, '10:1').exit(4, 10, null);
    expect(check(h)).toHaveLength(1);
  });

  it('still flags a job killed mid-handler and never run again', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').worker(1, 10).start(2, 10, 'a', '1', 1, '10:1').exit(3, 10, 'SIGKILL');
    expect(check(h)).toHaveLength(1);
  });

  it('does not require jobs expected to fail, or enqueues that were never acknowledged', () => {
    const h = new HistoryBuilder().enqueued(0, 'poison', '1', { expect: 'fail' }).add(1, 1, { type: 'enqueue.invoke', key: 'unknown' });
    expect(check(h)).toEqual([]);
  });
});
