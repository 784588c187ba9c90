import type { RegimeChangeRule } from '../rules/alertRule.js';
import type { RegimeFacts } from '../facts/nightFacts.js';
import type { Condition } from './condition.js';

/** The regime differs from the previous day's; unknown when either day has no regime. */
export function regimeChangeCondition(
  rule: RegimeChangeRule,
  regime: RegimeFacts | null,
): Condition {
  const key = { ruleId: rule.id, scopeKey: 'regime' };
  if (regime === null || regime.current === null || regime.previous === null) {
    return { ...key, holds: null, reason: 'no regime for tonight or the previous day' };
  }
  if (regime.current === regime.previous) return { ...key, holds: false };
  return {
    ...key,
    holds: true,
    subject: 'regime',
    message: `Regime changed from ${regime.previous} to ${regime.current}`,
    details: { previous: regime.previous, current: regime.current },
  };
}
