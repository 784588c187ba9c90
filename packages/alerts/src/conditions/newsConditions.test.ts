import { describe, expect, it } from 'vitest';
import { ruleFrom } from '../testing/rulesFrom.js';
import { newsConditions } from './newsConditions.js';

const portfolios = [{ id: 'p1', metrics: {}, holdings: ['AAPL', 'KO'] }];
const item = (id: string, title: string) => ({
  id,
  title,
  url: null,
  publishedAt: '2026-11-26T12:00:00Z',
  source: 'wire',
});
const news = {
  AAPL: [item('n1', 'Apple announces product RECALL'), item('n2', 'Apple opens store')],
  TSLA: [item('n3', 'x')],
};

describe('newsConditions', () => {
  it('holds for held securities with news, filtered by keywords case-insensitively', () => {
    const any = ruleFrom({ id: 'news', kind: 'news', scope: 'all' });
    expect(newsConditions(any, portfolios, news).map((c) => [c.scopeKey, c.holds])).toEqual([
      ['AAPL', true],
      ['KO', false],
    ]);
    const recalls = ruleFrom({ id: 'recall', kind: 'news', scope: 'p1', keywords: ['recall'] });
    const [aapl] = newsConditions(recalls, portfolios, news);
    expect(aapl).toMatchObject({
      holds: true,
      message: '1 news item(s) about AAPL: "Apple announces product RECALL"',
      details: { items: [{ id: 'n1' }] },
    });
  });
});
