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

  describe('with the beforeComplete hook (the kit knows which commits were attempted)', () => {
    const hooked = () => new HistoryBuilder().enqueued(0, 'a', '1').worker(1, 10, { beforeCompleteHook: true }).start(2, 10, 'a', '1', 1, '10:1').end(3, 10, 'a', '1', 1, '10:1');

    it('flags a job whose worker was killed after the handler returned but before its commit was attempted', () => {
      const violations = check(hooked().exit(4, 10, 'SIGKILL'));
      expect(violations.map((v) => v.property)).toEqual(['no-lost-jobs']);
    });

    it('accepts a job whose worker was killed between the hook and the settlement report (the commit may have happened)', () => {
      expect(check(hooked().completing(4, 10, '1').exit(5, 10, 'SIGKILL'))).toEqual([]);
    });

    it('accepts the job once a redelivery completes it', () => {
      const h = hooked().exit(4, 10, 'SIGKILL').worker(5, 11, { beforeCompleteHook: true }).start(6, 11, 'a', '1', 2, '11:1').end(7, 11, 'a', '1', 2, '11:1').completing(8, 11, '1').settled(9, 11, '1', 2, 'completed');
      expect(check(h)).toEqual([]);
    });

    it('does not count a hook call of an earlier execution in the same process', () => {
      const h = new HistoryBuilder()
        .enqueued(0, 'a', '1')
        .worker(1, 10, { beforeCompleteHook: true })
        .start(2, 10, 'a', '1', 1, '10:1')
        .end(3, 10, 'a', '1', 1, '10:1')
        .completing(4, 10, '1')
        .settled(5, 10, '1', 1, 'refused')
        .start(6, 10, 'a', '1', 2, '10:2')
        .end(7, 10, 'a', '1', 2, '10:2')
        .exit(8, 10, 'SIGKILL');
      expect(check(h).map((v) => v.property)).toEqual(['no-lost-jobs']);
    });
  });
});
