import type * as alerts from '@truth-spine/alerts';
import { html, type SafeHtml } from '../html.js';
import { badge } from './format.js';
import { layout } from './layout.js';

/** `/alerts`: every event (newest first) with each channel's state and every delivery attempt. */
export function alertsPage(
  listing: readonly alerts.AlertListing[],
  attempts: readonly alerts.DeliveryAttempt[],
): SafeHtml {
  const events = [...listing].reverse().map(({ event, channels }) => {
    const tries = attempts.filter((a) => a.eventKey === event.idempotencyKey);
    return html`<tr class="alert-event" data-key="${event.idempotencyKey}">
      <td>${event.createdAt}</td>
      <td>${badge(event.severity)}</td>
      <td>${event.ruleId ?? event.kind}</td>
      <td>${event.subject}</td>
      <td>${event.message}</td>
      <td>
        ${channels.map((c) => html`<div>${c.channel} ${badge(c.status)} <span class="muted">${c.attempts} attempt${c.attempts === 1 ? '' : 's'}${c.lastError === null ? '' : ` · ${c.lastError}`}</span></div>`)}
      </td>
      <td>
        ${
          tries.length === 0
            ? html`<span class="muted">none</span>`
            : html`<details>
                <summary>${tries.length}</summary>
                ${tries.map((a) => html`<div>${a.channel} #${a.attempt} ${badge(a.status)} ${a.httpStatus === null ? '' : `HTTP ${a.httpStatus}`} <span class="muted">${a.startedAt}${a.error === null ? '' : ` · ${a.error}`}</span></div>`)}
              </details>`
        }
      </td>
    </tr>`;
  });
  return layout({
    title: 'Alerts',
    body: html`<h1>Alerts</h1>
      ${
        listing.length === 0
          ? html`<p class="muted">No alert recorded.</p>`
          : html`<table>
              <tr>
                <th>fired</th>
                <th>severity</th>
                <th>rule</th>
                <th>subject</th>
                <th>message</th>
                <th>deliveries</th>
                <th>attempts</th>
              </tr>
              ${events}
            </table>`
      }`,
  });
}
