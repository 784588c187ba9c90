import { deliverOperationalAlerts, type RunReport } from '@truth-spine/orchestrator';
import type { Runtime } from './openRuntime.js';

/**
 * After a run that did not reach step 7 because a step failed (run blocked or failed) delivers its
 * operational alerts (run blocked, run failed, deadline missed) through the same rules,
 * dedupe and channels as `evaluate_alerts`, so a blocked night reaches a person although
 * step 7 never ran (docs/PIPELINE.md#step-outcomes-and-blocking). Succeeded and skipped runs need nothing here (step 7
 * evaluated their operational facts); an interrupted run was stopped on purpose and is
 * resumed, not alerted. A delivery problem is logged, never thrown:
 * the run's own outcome decides the exit code.
 */
export async function deliverRunAlerts(
  runtime: Pick<Runtime, 'db' | 'deps' | 'logger'>,
  report: RunReport,
): Promise<void> {
  if (report.status !== 'blocked' && report.status !== 'failed') return;
  try {
    await deliverOperationalAlerts(runtime.db, runtime.deps, report.run_id);
  } catch (error) {
    runtime.logger.error(
      { err: error, runId: report.run_id },
      'operational alerts of the run could not be delivered',
    );
  }
}
