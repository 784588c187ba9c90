import type { AlertRule } from '../rules/alertRule.js';
import type { NightFacts } from '../facts/nightFacts.js';
import type { Condition } from './condition.js';
import { metricConditions } from './metricConditions.js';
import { newsConditions } from './newsConditions.js';
import {
  deadlineMissedConditions,
  packStaleCondition,
  runBlockedCondition,
} from './operationalConditions.js';
import { priceMoveConditions } from './priceMoveConditions.js';
import { regimeChangeCondition } from './regimeChangeCondition.js';

/**
 * Pure: the condition of every enabled rule for every scope it covers tonight, in rule
 * order. A kind whose facts were not gathered (field `undefined`) yields no conditions, so
 * its dedupe state carries over unchanged.
 */
export function evaluateConditions(rules: readonly AlertRule[], facts: NightFacts): Condition[] {
  const conditions: Condition[] = [];
  const operational = facts.operational;
  for (const rule of rules) {
    if (!rule.enabled) continue;
    switch (rule.kind) {
      case 'metric':
        if (facts.portfolios) conditions.push(...metricConditions(rule, facts.portfolios));
        break;
      case 'price_move':
        if (facts.portfolios && facts.priceMoves) {
          conditions.push(...priceMoveConditions(rule, facts.portfolios, facts.priceMoves));
        }
        break;
      case 'news':
        if (facts.portfolios && facts.news)
          conditions.push(...newsConditions(rule, facts.portfolios, facts.news));
        break;
      case 'regime_change':
        if (facts.regime !== undefined) conditions.push(regimeChangeCondition(rule, facts.regime));
        break;
      case 'run_blocked':
        if (operational?.blockedRun !== undefined) {
          conditions.push(runBlockedCondition(rule, operational.blockedRun, facts.asOf));
        }
        break;
      case 'deadline_missed':
        if (operational?.deadlines)
          conditions.push(...deadlineMissedConditions(rule, operational.deadlines));
        break;
      case 'pack_stale':
        if (operational?.latestFreshPack !== undefined) {
          conditions.push(packStaleCondition(rule, operational.latestFreshPack, operational.now));
        }
        break;
    }
  }
  return conditions;
}
