import type { RunReport } from '@truth-spine/orchestrator';
import { ExitCode, type ExitCodeValue } from '../cli/exitCodes.js';

/**
 * The exit code a supervisor sees for a run (docs/PIPELINE.md#run-records-and-reports): 0 succeeded or skipped,
 * 2 blocked at reconciliation, 1 anything else (failed, interrupted).
 */
export function exitCodeForRun(report: RunReport): ExitCodeValue {
  if (report.status === 'succeeded' || report.status === 'skipped') return ExitCode.ok;
  if (report.status === 'blocked' && report.blocked_at === 'reconcile_ledger') {
    return ExitCode.blockedAtReconciliation;
  }
  return ExitCode.failed;
}
