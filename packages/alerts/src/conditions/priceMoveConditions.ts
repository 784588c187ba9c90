import type { PriceMoveRule } from '../rules/alertRule.js';
import type { PortfolioFacts } from '../facts/nightFacts.js';
import type { Condition } from './condition.js';
import { heldSecurities, portfoliosInScope } from './scope.js';

/**
 * One condition per security held in scope: its daily move `m` (a fraction) is beyond the
 * threshold `t` — `m > t` (up), `m < −t` (down) or `|m| > t` (either). An unknown move
 * makes the condition unknown.
 */
export function priceMoveConditions(
  rule: PriceMoveRule,
  portfolios: readonly PortfolioFacts[],
  priceMoves: Readonly<Record<string, number | null>>,
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
  return heldSecurities(scoped).map(([symbol, holders]): Condition => {
    const key = { ruleId: rule.id, scopeKey: symbol };
    const move = priceMoves[symbol];
    if (move === undefined || move === null || !Number.isFinite(move)) {
      return { ...key, holds: null, reason: `no daily move for ${symbol}` };
    }
    const beyond =
      rule.direction === 'up'
        ? move > rule.threshold
        : rule.direction === 'down'
          ? move < -rule.threshold
          : Math.abs(move) > rule.threshold;
    if (!beyond) return { ...key, holds: false };
    return {
      ...key,
      holds: true,
      subject: symbol,
      message: `${symbol} moved ${percent(move)} in a day (threshold ${percent(rule.threshold)} ${rule.direction}), held in ${holders.join(', ')}`,
      details: {
        symbol,
        move,
        threshold: rule.threshold,
        direction: rule.direction,
        portfolioIds: holders,
      },
    };
  });
}

/** `-0.062` → `"-6.20%"`. */
function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}
