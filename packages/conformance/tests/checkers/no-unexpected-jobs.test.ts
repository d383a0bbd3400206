import { describe, expect, it } from 'vitest';
import { buildHistoryModel } from '../../src/checkers/history-model.js';
import { noUnexpectedJobs } from '../../src/checkers/no-unexpected-jobs.js';
import { periodicKey } from '../../src/checkers/periodic-key.js';
import { HistoryBuilder } from '../support/history-builder.js';

const check = (b: HistoryBuilder) => noUnexpectedJobs(buildHistoryModel(b.build()));

describe('no-unexpected-jobs', () => {
  it('flags a payload without the kit key (a half-written job)', () => {
    const h = new HistoryBuilder().add(1, 10, { type: 'exec.start', jobId: '9', attempt: 1, execId: '10:1', data: { payload: null } });
    expect(check(h).map((v) => v.property)).toEqual(['no-unexpected-jobs']);
  });

  it('flags a job that ran but was never enqueued', () => {
    expect(check(new HistoryBuilder().start(1, 10, 'ghost', '9', 1, '10:1'))).toHaveLength(1);
  });

  it('accepts enqueued jobs and periodic runs', () => {
    const h = new HistoryBuilder().enqueued(0, 'a', '1').ran(1, 2, 10, 'a', '1', 1, '10:1').start(3, 10, periodicKey('kit.periodic', 1000), 'p', 1, '10:2');
    expect(check(h)).toEqual([]);
  });
});
