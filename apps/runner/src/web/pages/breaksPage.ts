import type { Freshness } from '@truth-spine/orchestrator';
import type { BreakView } from '../data/operationsReads.js';
import { html, pathSegment, type SafeHtml } from '../html.js';
import { badge, missing, money, statistic } from './format.js';
import { layout } from './layout.js';

/**
 * `/breaks`: every break of the latest pack's reconciliation, grouped by portfolio, with
 * its reason, its size in base currency and in bp, and where to look in the ledger (the
 * portfolio's ledger file, the break's subject, and whatever else the store records).
 */
export function breaksPage(gate: Freshness | null, breaks: readonly BreakView[]): SafeHtml {
  const byPortfolio = new Map<string, BreakView[]>();
  for (const b of breaks)
    byPortfolio.set(b.portfolio_id, [...(byPortfolio.get(b.portfolio_id) ?? []), b]);
  const sections = [...byPortfolio].map(
    ([portfolioId, rows]) =>
      html`<h2 data-portfolio="${portfolioId}">
          <a href="/portfolios/${pathSegment(portfolioId)}">${portfolioId}</a> · ${rows.length}
          break${rows.length === 1 ? '' : 's'}
        </h2>
        <table>
          <tr>
            <th>kind</th>
            <th>subject</th>
            <th>reason</th>
            <th class="n">platform</th>
            <th class="n">ledger</th>
            <th class="n">size (base)</th>
            <th class="n">size (bp)</th>
            <th>where to look</th>
          </tr>
          ${rows.map(
            (b) =>
              html`<tr class="break" data-break="${b.id}">
                <td>${b.kind}</td>
                <td>${b.subject ?? '—'}</td>
                <td>${b.reason}</td>
                <td class="n">
                  ${b.platform === null ? missing('not recorded') : money(b.platform)}
                </td>
                <td class="n">${b.ledger === null ? missing('not recorded') : money(b.ledger)}</td>
                <td class="n">
                  ${b.size_base === null ? missing('not recorded') : money(b.size_base, b.base_currency ?? '')}
                </td>
                <td class="n">${statistic(b.size_bp, 'not recorded', 4)}</td>
                <td>${whereToLook(b)}</td>
              </tr>`,
          )}
        </table>`,
  );
  return layout({
    title: 'Reconciliation',
    body: html`<h1>Reconciliation breaks</h1>
      <p>
        ${gate === null ? 'No pack yet.' : html`Latest pack <a href="/packs/${pathSegment(gate.pack_id)}">${gate.pack_id}</a> ${badge(gate.status)} (as of ${gate.as_of}).`}
      </p>
      ${breaks.length === 0 ? html`<p class="muted" id="no-breaks">No open break: every portfolio's books agree with its ledger.</p>` : sections}`,
  });
}

function whereToLook(b: BreakView): SafeHtml {
  const extra = Object.entries(b.more).map(
    ([key, value]) =>
      html`<div>
        <span class="muted">${key}:</span>
        <code>${typeof value === 'string' ? value : JSON.stringify(value)}</code>
      </div>`,
  );
  return html`<div>
      <code>${b.portfolio_id}.beancount</code
      >${b.subject === null ? null : html`, entries of <code>${b.subject}</code>`}
    </div>
    ${extra}`;
}
