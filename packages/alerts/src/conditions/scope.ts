import { allScope } from '../rules/alertRule.js';
import type { PortfolioFacts } from '../facts/nightFacts.js';

/**
 * The portfolios a rule's `scope` selects: all of them for `"all"`, else the one with that id.
 * Returns `null` when the scope names a portfolio that is not in tonight's facts.
 */
export function portfoliosInScope(
  scope: string,
  portfolios: readonly PortfolioFacts[],
): readonly PortfolioFacts[] | null {
  if (scope === allScope) return portfolios;
  const portfolio = portfolios.find((p) => p.id === scope);
  return portfolio === undefined ? null : [portfolio];
}

/**
 * The securities held by the scoped portfolios, each with the ids of the portfolios that
 * hold it, ordered by symbol so evaluation output is deterministic.
 */
export function heldSecurities(portfolios: readonly PortfolioFacts[]): [string, string[]][] {
  const holders = new Map<string, string[]>();
  for (const portfolio of portfolios) {
    for (const symbol of new Set(portfolio.holdings)) {
      const list = holders.get(symbol);
      if (list === undefined) holders.set(symbol, [portfolio.id]);
      else list.push(portfolio.id);
    }
  }
  return [...holders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
