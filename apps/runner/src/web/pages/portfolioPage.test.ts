import { describe, expect, it } from 'vitest';
import { withPortfolioAlerts } from './portfolioPage.js';

describe('withPortfolioAlerts', () => {
  const page = '<main><h2>Alerts</h2><!--portfolio-alerts--></main>';

  it('fills the slot with the alerts, escaped, taking `$` patterns literally', () => {
    const filled = withPortfolioAlerts(page, [
      {
        id: 1,
        created_at: '2024-03-09T00:20:00.000Z',
        as_of: '2024-03-08',
        severity: 'warning',
        kind: 'metric_threshold',
        rule_id: 'dd-10',
        message: `drawdown $& $1 <script>alert(1)</script>`,
      },
    ]);
    expect(filled).toContain('<td>drawdown $&amp; $1 &lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(filled).not.toContain('<!--portfolio-alerts-->');
    expect(filled).not.toContain('<script>');
  });

  it('says so when there is none', () => {
    expect(withPortfolioAlerts(page, [])).toContain('No alert about this portfolio.');
  });
});
