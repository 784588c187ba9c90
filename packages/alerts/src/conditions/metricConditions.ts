import type { ComparisonOp, MetricRule } from '../rules/alertRule.js';
import type { PortfolioFacts } from '../facts/nightFacts.js';
import type { Condition } from './condition.js';
import { portfoliosInScope } from './scope.js';

/**
 * One condition per portfolio in scope: `metrics[rule.metric] rule.op rule.threshold`.
 * A metric that is null, missing or not finite makes the condition unknown — never 0.
 */
export function metricConditions(
  rule: MetricRule,
  portfolios: readonly PortfolioFacts[],
): Condition[] {
  const scoped = portfoliosInScope(rule.scope, portfolios);
  if (scoped === null) {
    return [
      {
        ruleId: rule.id,
        scopeKey: rule.scope,
        holds: null,
        reason: `portfolio ${rule.scope} is not in tonight's facts`,
      },
    ];
  }
  return scoped.map((portfolio): Condition => {
    const key = { ruleId: rule.id, scopeKey: portfolio.id };
    const value = portfolio.metrics[rule.metric];
    if (value === undefined) {
      return {
        ...key,
        holds: null,
        reason: `metric ${rule.metric} is not reported for portfolio ${portfolio.id}`,
      };
    }
    if (value === null || !Number.isFinite(value)) {
      return {
        ...key,
        holds: null,
        reason: `metric ${rule.metric} is undefined for portfolio ${portfolio.id}`,
      };
    }
    if (!compare(value, rule.op, rule.threshold)) return { ...key, holds: false };
    return {
      ...key,
      holds: true,
      subject: `portfolio ${portfolio.id}`,
      message: `${rule.metric} of portfolio ${portfolio.id} is ${value}, ${rule.op} ${rule.threshold}`,
      details: {
        portfolioId: portfolio.id,
        metric: rule.metric,
        value,
        op: rule.op,
        threshold: rule.threshold,
      },
    };
  });
}

/** `value op threshold`. */
function compare(value: number, op: ComparisonOp, threshold: number): boolean {
  switch (op) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
}
