import { createHash } from 'node:crypto';

/**
 * The idempotency key of an alert event: hex SHA-256 of
 * `JSON.stringify(["alert-event/v1", ruleId, scopeKey, episodeStart, firing])`.
 * The same firing of the same episode always gets the same key, so a `--force` re-run or a
 * backfill of the same date recognises the event it already recorded (and receivers can
 * dedupe a re-sent webhook by its `Idempotency-Key` header).
 */
export function idempotencyKey(
  ruleId: string,
  scopeKey: string,
  episodeStart: string,
  firing: number,
): string {
  return createHash('sha256')
    .update(JSON.stringify(['alert-event/v1', ruleId, scopeKey, episodeStart, firing]))
    .digest('hex');
}
