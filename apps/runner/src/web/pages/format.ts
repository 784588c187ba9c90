import Big from 'big.js';
import { html, type SafeHtml } from '../html.js';

/**
 * How numbers appear on the pages: rounded for people, with the full value in
 * `data-value` (the stored float64's shortest round-trip decimal, or the exact decimal
 * string) so a reader — or a test — can compare it with the CLI export. A missing value
 * is "n/a" with its reason as the hover title.
 */
export function statistic(value: number | null, reason: string | null, digits = 4): SafeHtml {
  if (value === null) return missing(reason);
  return html`<span class="num" data-value="${String(value)}">${roundFloat(value, digits)}</span>`;
}

/** A float64 rounded to `digits` significant decimals for display (never NaN: callers pass stored values). */
export function roundFloat(value: number, digits = 4): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) return value.toExponential(digits - 1);
  return Number(value.toPrecision(digits)).toString();
}

/** A ratio as a percentage with two decimals (0.01234 → "1.23%"). */
export function percent(value: number | null, reason: string | null = null): SafeHtml {
  if (value === null) return missing(reason);
  return html`<span class="num" data-value="${String(value)}">${(value * 100).toFixed(2)}%</span>`;
}

/** An exact decimal string (money) rounded half-up to `dp` places with thousands separators. */
export function money(decimal: string | null, currency = '', dp = 2): SafeHtml {
  if (decimal === null) return missing('not recorded');
  const [whole = '', fraction] = new Big(decimal).toFixed(dp).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return html`<span class="num" data-value="${decimal}"
    >${text}${currency === '' ? '' : ` ${currency}`}</span
  >`;
}

export function missing(reason: string | null): SafeHtml {
  return html`<span class="null" title="${reason ?? 'no value'}" data-reason="${reason ?? ''}"
    >n/a</span
  >`;
}

/** Seconds as "0.804 s" (3 decimals) or "—" when not recorded. */
export function seconds(value: number | null): SafeHtml {
  if (value === null) return html`<span class="muted">—</span>`;
  return html`<span class="num" data-value="${String(value)}">${value.toFixed(3)} s</span>`;
}

/** A status as a coloured badge (`fresh`, `succeeded`, `blocked`, …). */
export function badge(status: string): SafeHtml {
  return html`<span class="badge badge-${status.replace(/[^a-z_]/g, '')}">${status}</span>`;
}
