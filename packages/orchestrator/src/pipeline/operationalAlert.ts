import type { Executor } from '@truth-spine/store';
import { alertEvents } from '@truth-spine/store/schema';
import type { JsonValue } from './stepBody.js';

/** Operational alert kinds the engine raises (packages/alerts/docs/ALERTS.md); delivered later by the alerts step. */
export type OperationalAlertKind =
  'run_blocked' | 'run_failed' | 'pack_deadline_missed' | 'run_deadline_missed';

/** One operational alert to record. */
export interface OperationalAlert {
  readonly kind: OperationalAlertKind;
  readonly severity: 'warning' | 'critical';
  readonly runId: string;
  readonly asOf: string;
  readonly packId: string | null;
  readonly message: string;
  readonly details?: { readonly [key: string]: JsonValue };
  readonly at: Date;
}

/**
 * Records an operational alert event. The idempotency key is `<kind>:<runId>`, so a run
 * raises each kind at most once however often it is evaluated or resumed.
 * Returns true when a new event was written.
 */
export async function recordOperationalAlert(
  executor: Executor,
  alert: OperationalAlert,
): Promise<boolean> {
  const inserted = await executor
    .insert(alertEvents)
    .values({
      idempotencyKey: `${alert.kind}:${alert.runId}`,
      kind: alert.kind,
      severity: alert.severity,
      runId: alert.runId,
      packId: alert.packId,
      asOf: alert.asOf,
      subject: 'pipeline',
      message: alert.message,
      details: alert.details ?? null,
      createdAt: alert.at,
    })
    .onConflictDoNothing({ target: alertEvents.idempotencyKey })
    .returning({ id: alertEvents.id });
  return inserted.length > 0;
}
