import { describe, expect, it } from 'vitest';
import type { RunReport } from '@truth-spine/orchestrator';
import { exitCodeForRun } from './statusExitCode.js';

const report = (status: string, blocked_at: string | null): RunReport => ({
  run_id: 'r',
  as_of: '2024-03-28',
  status,
  trigger: 'manual',
  started_at: '2024-03-29T00:05:00.000Z',
  finished_at: null,
  blocked_at,
  deadlines: { pack_deadline_missed: false, run_deadline_missed: false },
  pack: null,
  input_changes: null,
  steps: [],
});

describe('exitCodeForRun', () => {
  it('maps run outcomes to the exit codes of docs/PIPELINE.md', () => {
    expect(exitCodeForRun(report('succeeded', null))).toBe(0);
    expect(exitCodeForRun(report('skipped', null))).toBe(0);
    expect(exitCodeForRun(report('blocked', 'reconcile_ledger'))).toBe(2);
    expect(exitCodeForRun(report('failed', 'prewarm_factors'))).toBe(1);
    expect(exitCodeForRun(report('interrupted', null))).toBe(1);
  });
});
