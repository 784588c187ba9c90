import { describe, expect, it } from 'vitest';
import { formatRunSummary } from './formatRunSummary.js';
import type { RunReport } from './runReport.js';

const report: RunReport = {
  run_id: 'r1',
  as_of: '2024-03-28',
  status: 'blocked',
  trigger: 'cron',
  started_at: '2024-03-29T00:05:00.000Z',
  finished_at: '2024-03-29T00:06:00.000Z',
  blocked_at: 'reconcile_ledger',
  deadlines: { pack_deadline_missed: false, run_deadline_missed: true },
  pack: { id: 'PK-1', version: 1, hash: 'abc', status: 'warming', blocked: null },
  input_changes: null,
  steps: [
    {
      name: 'build_pack',
      status: 'succeeded',
      seconds: 12.3456,
      attempts: 1,
      error: null,
      details: {},
    },
    {
      name: 'reconcile_ledger',
      status: 'failed',
      seconds: 0.5,
      attempts: 1,
      error: '1 break',
      details: {},
    },
    {
      name: 'compute_daily_metrics',
      status: 'blocked',
      seconds: null,
      attempts: 0,
      error: null,
      details: {},
    },
  ],
};

describe('formatRunSummary', () => {
  it('prints one aligned row per step with status and seconds', () => {
    expect(formatRunSummary(report)).toBe(
      [
        'run r1  as of 2024-03-28  blocked  (cron)  stopped at reconcile_ledger',
        'step                   status     seconds',
        'build_pack             succeeded   12.346',
        'reconcile_ledger       failed       0.500  1 break',
        'compute_daily_metrics  blocked          -',
        'pack PK-1 v1 warming abc',
        'run deadline MISSED',
        '',
      ].join('\n'),
    );
  });
});
