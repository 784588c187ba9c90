import type { DeadlineMissedRule, PackStaleRule, RunBlockedRule } from '../rules/alertRule.js';
import type { BlockedRunFacts, DeadlineFacts, FreshPackFacts } from '../facts/nightFacts.js';
import type { Condition } from './condition.js';

/** The run for the as-of date is blocked. */
export function runBlockedCondition(
  rule: RunBlockedRule,
  blocked: BlockedRunFacts | null,
  asOf: string,
): Condition {
  const key = { ruleId: rule.id, scopeKey: 'pipeline' };
  if (blocked === null) return { ...key, holds: false };
  return {
    ...key,
    holds: true,
    subject: `run ${blocked.runId}`,
    message: `Run ${blocked.runId} for ${asOf} is blocked: ${blocked.failedStep} failed (${blocked.error})`,
    details: { runId: blocked.runId, failedStep: blocked.failedStep, error: blocked.error },
  };
}

/** One condition per deadline: it was missed. */
export function deadlineMissedConditions(
  rule: DeadlineMissedRule,
  deadlines: readonly DeadlineFacts[],
): Condition[] {
  return deadlines.map((deadline): Condition => {
    const key = { ruleId: rule.id, scopeKey: deadline.name };
    if (!deadline.missed) return { ...key, holds: false };
    const taken = deadline.actualSeconds === null ? 'not finished' : `${deadline.actualSeconds} s`;
    return {
      ...key,
      holds: true,
      subject: `deadline ${deadline.name}`,
      message: `Deadline ${deadline.name} missed: ${taken} against a limit of ${deadline.limitSeconds} s`,
      details: {
        deadline: deadline.name,
        limitSeconds: deadline.limitSeconds,
        actualSeconds: deadline.actualSeconds,
      },
    };
  });
}

/**
 * The newest fresh pack became fresh more than `maxAgeHours` before `now`
 * (age = (now − freshAt) / 3 600 000 ms); holds too when no pack was ever fresh.
 */
export function packStaleCondition(
  rule: PackStaleRule,
  latest: FreshPackFacts | null,
  now: string,
): Condition {
  const key = { ruleId: rule.id, scopeKey: 'latest_pack' };
  if (latest === null) {
    return {
      ...key,
      holds: true,
      subject: 'pricing pack',
      message: 'No pricing pack has ever become fresh',
      details: { packId: null, maxAgeHours: rule.maxAgeHours },
    };
  }
  const ageHours = (Date.parse(now) - Date.parse(latest.freshAt)) / 3_600_000;
  if (!Number.isFinite(ageHours)) {
    return {
      ...key,
      holds: null,
      reason: `cannot compute the age of pack ${latest.packId} (now ${now}, fresh at ${latest.freshAt})`,
    };
  }
  if (ageHours <= rule.maxAgeHours) return { ...key, holds: false };
  return {
    ...key,
    holds: true,
    subject: `pack ${latest.packId}`,
    message: `Newest fresh pack ${latest.packId} (as of ${latest.asOf}) is ${ageHours.toFixed(1)} h old, limit ${rule.maxAgeHours} h`,
    details: {
      packId: latest.packId,
      packAsOf: latest.asOf,
      freshAt: latest.freshAt,
      ageHours,
      maxAgeHours: rule.maxAgeHours,
    },
  };
}
