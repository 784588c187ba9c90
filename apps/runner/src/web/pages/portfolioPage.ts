import type {
  PortfolioAlert,
  PortfolioExposure,
  PortfolioHistory,
  PortfolioMetric,
  PortfolioRating,
  PortfolioRecord,
  PortfolioValuation,
} from '../data/portfolioReads.js';
import { html, jsonForScript, pathSegment, rawHtml, type SafeHtml } from '../html.js';
import { badge, missing, money, percent, statistic } from './format.js';
import { layout } from './layout.js';
import { chartData } from './chartSeries.js';
import { metricTable } from './metricTable.js';

/** What `/portfolios/{id}` shows, all from one fresh pack. */
export interface PortfolioPageData {
  readonly portfolio: PortfolioRecord;
  readonly pack: { readonly pack_id: string; readonly as_of: string };
  /** Set when the latest pack is not fresh and this page shows an older fresh pack. */
  readonly notice: string | null;
  readonly valuation: PortfolioValuation | null;
  readonly history: PortfolioHistory | null;
  readonly metrics: readonly PortfolioMetric[];
  readonly exposures: readonly PortfolioExposure[];
  readonly rating: PortfolioRating | null;
}

/**
 * `/portfolios/{id}`: value, return against the benchmark and drawdown charts (uPlot over
 * the pack's return series), the metric set (periods as columns), factor loadings with
 * t-values and R², attribution, the rating with components and reasons, and a slot for
 * its alerts ({@link withPortfolioAlerts}): all but the alerts depend only on the pack, so
 * the rendered page can be kept per pack.
 */
export function portfolioPage(d: PortfolioPageData): SafeHtml {
  const p = d.portfolio;
  const v = d.valuation;
  const h = d.history;
  const charts = h === null ? null : chartData(h, p.base_currency, p.benchmark);
  return layout({
    title: `${p.name} (${p.id})`,
    charts: h !== null,
    body: html`<h1>${p.name} <span class="muted">${p.id}</span></h1>
      ${d.notice === null ? null : html`<div class="banner">${d.notice}</div>`}
      <p>
        pack <a href="/packs/${pathSegment(d.pack.pack_id)}" id="pack-id">${d.pack.pack_id}</a> · as
        of ${d.pack.as_of} · base ${p.base_currency} · benchmark ${p.benchmark} · inception
        ${p.inception}${p.archived ? html` · ${badge('archived')}` : null}
      </p>
      <div class="cards" id="valuation">
        <div class="card">
          <div class="label">market value</div>
          <div class="value" data-field="market_value">
            ${v === null ? missing('not valued in this pack') : money(v.market_value, v.base_currency)}
          </div>
        </div>
        <div class="card">
          <div class="label">securities</div>
          <div class="value" data-field="securities_value">
            ${v === null ? missing('not valued') : money(v.securities_value)}
          </div>
        </div>
        <div class="card">
          <div class="label">cash</div>
          <div class="value" data-field="cash_value">
            ${v === null ? missing('not valued') : money(v.cash_value)}
          </div>
        </div>
        <div class="card">
          <div class="label">positions</div>
          <div class="value" data-field="positions">
            ${v === null ? missing('not valued') : v.positions}
          </div>
        </div>
        ${
          h === null
            ? null
            : html`<div class="card">
                  <div class="label">TWR since ${h.dates[0] ?? ''}</div>
                  <div class="value">${percent(h.twr.at(-1) ?? null)}</div>
                </div>
                <div class="card">
                  <div class="label">benchmark since ${h.dates[0] ?? ''}</div>
                  <div class="value">
                    ${percent(lastNonNull(h.benchmark), 'no benchmark close')}
                  </div>
                </div>`
        }
      </div>
      ${
        charts === null
          ? html`<p class="muted">No return series stored for this pack.</p>`
          : html`<script type="application/json" id="chart-data">
                ${jsonForScript(charts)}
              </script>
              <h2>Value (${p.base_currency})</h2>
              <div class="chart" data-chart="value"></div>
              <h2>Return against ${p.benchmark}</h2>
              <div class="chart" data-chart="return"></div>
              <h2>Drawdown</h2>
              <div class="chart" data-chart="drawdown"></div>`
      }
      <h2>Metrics</h2>
      ${metricTable(d.metrics)}
      <h2>Factor loadings</h2>
      ${factorTable(d.exposures)}
      <h2>Rating</h2>
      ${ratingSection(d.rating)}
      <h2>Alerts</h2>
      ${alertsSlot}`,
  });
}

function lastNonNull(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i] ?? null;
  return null;
}

/** Loadings per window: loading, standard error, t-value, contribution (attribution); R² from `_model`. */
function factorTable(exposures: readonly PortfolioExposure[]): SafeHtml {
  if (exposures.length === 0) return html`<p class="muted">No factor exposures stored.</p>`;
  const windows = [...new Set(exposures.map((e) => e.window))];
  return html`${windows.map((window) => {
    const rows = exposures.filter((e) => e.window === window);
    const model = rows.find((e) => e.factor === '_model');
    const details = (model?.details ?? {}) as Record<string, unknown>;
    const r2 = typeof details['r_squared'] === 'number' ? details['r_squared'] : null;
    const adj = typeof details['adj_r_squared'] === 'number' ? details['adj_r_squared'] : null;
    return html`<h3>
        ${window}
        <span class="muted"
          >R² ${statistic(r2, model?.reason ?? 'no model', 4)} · adjusted
          ${statistic(adj, model?.reason ?? 'no model', 4)} · ${String(details['n_obs'] ?? '—')}
          observations</span
        >
      </h3>
      <table class="factors" data-window="${window}">
        <tr>
          <th>factor</th>
          <th class="n">loading</th>
          <th class="n">std. error</th>
          <th class="n">t</th>
          <th class="n">contribution</th>
        </tr>
        ${rows
          .filter((e) => e.factor !== '_model')
          .map(
            (e) =>
              html`<tr data-factor="${e.factor}">
                <td>${e.factor}</td>
                <td class="n">${statistic(e.loading, e.reason)}</td>
                <td class="n">${statistic(e.standard_error, e.reason)}</td>
                <td class="n">${statistic(e.t_value, e.reason, 3)}</td>
                <td class="n">${statistic(e.contribution, e.reason)}</td>
              </tr>`,
          )}
      </table>`;
  })}`;
}

function ratingSection(rating: PortfolioRating | null): SafeHtml {
  if (rating === null) return html`<p class="muted">No rating stored.</p>`;
  const c = rating.components ?? {};
  const rated = Array.isArray(c['rated']) ? (c['rated'] as Record<string, unknown>[]) : [];
  const unrated = Array.isArray(c['unrated']) ? (c['unrated'] as Record<string, unknown>[]) : [];
  return html`<p id="rating">
      score <span id="rating-score">${statistic(rating.score, rating.reason, 4)}</span> · grade
      <strong>${rating.grade ?? '—'}</strong> · coverage ${percent(rating.coverage, 'no coverage')}
    </p>
    <p class="muted">${rating.reason ?? (typeof c['summary'] === 'string' ? c['summary'] : '')}</p>
    ${
      rated.length === 0
        ? null
        : html`<table>
            <tr>
              <th>rated holding</th>
              <th class="n">score</th>
              <th class="n">weight</th>
            </tr>
            ${rated.map(
              (r) =>
                html`<tr>
                  <td>${String(r['symbol'])}</td>
                  <td class="n">
                    ${statistic(typeof r['score'] === 'number' ? r['score'] : null, 'no score')}
                  </td>
                  <td class="n">
                    ${percent(typeof r['weight'] === 'number' ? r['weight'] : null)}
                  </td>
                </tr>`,
            )}
          </table>`
    }
    ${
      unrated.length === 0
        ? null
        : html`<table>
            <tr>
              <th>unrated holding</th>
              <th>reason</th>
            </tr>
            ${unrated.map(
              (r) =>
                html`<tr>
                  <td>${String(r['symbol'])}</td>
                  <td>${String(r['reason'])}</td>
                </tr>`,
            )}
          </table>`
    }`;
}

/** Where the alerts go: a comment no escaped text can contain (`<` is always `&lt;`). */
const alertsSlot = rawHtml('<!--portfolio-alerts-->');

/** The page with its alerts (read at each request: evaluate_alerts may add some to a fresh pack). */
export function withPortfolioAlerts(page: string, alerts: readonly PortfolioAlert[]): string {
  const table =
    alerts.length === 0
      ? html`<p class="muted">No alert about this portfolio.</p>`
      : html`<table>
          <tr>
            <th>fired</th>
            <th>night</th>
            <th>severity</th>
            <th>rule</th>
            <th>message</th>
          </tr>
          ${alerts.map(
            (a) =>
              html`<tr>
                <td>${a.created_at}</td>
                <td>${a.as_of ?? '—'}</td>
                <td>${badge(a.severity)}</td>
                <td>${a.rule_id ?? a.kind}</td>
                <td>${a.message}</td>
              </tr>`,
          )}
        </table>`;
  return page.replace(alertsSlot.text, () => table.text);
}
