import type { NewsRule } from '../rules/alertRule.js';
import type { NewsItem, PortfolioFacts } from '../facts/nightFacts.js';
import type { Condition } from './condition.js';
import { heldSecurities, portfoliosInScope } from './scope.js';

/**
 * One condition per security held in scope: there is at least one news item about it
 * (with `keywords`, one whose title contains a keyword, case-insensitive).
 */
export function newsConditions(
  rule: NewsRule,
  portfolios: readonly PortfolioFacts[],
  news: Readonly<Record<string, readonly NewsItem[]>>,
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
  const keywords = rule.keywords.map((k) => k.toLowerCase());
  return heldSecurities(scoped).map(([symbol, holders]): Condition => {
    const key = { ruleId: rule.id, scopeKey: symbol };
    const matching = (news[symbol] ?? []).filter(
      (item) => keywords.length === 0 || keywords.some((k) => item.title.toLowerCase().includes(k)),
    );
    if (matching.length === 0) return { ...key, holds: false };
    return {
      ...key,
      holds: true,
      subject: symbol,
      message: `${matching.length} news item(s) about ${symbol}: ${matching.map((i) => JSON.stringify(i.title)).join('; ')}`,
      details: {
        symbol,
        portfolioIds: holders,
        items: matching.map((i) => ({
          id: i.id,
          title: i.title,
          url: i.url,
          publishedAt: i.publishedAt,
          source: i.source,
        })),
      },
    };
  });
}
