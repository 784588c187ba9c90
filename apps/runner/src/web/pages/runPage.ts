import type { RunReport } from '@truth-spine/orchestrator';
import type { DeadLetterView } from '../data/operationsReads.js';
import { html, pathSegment, type SafeHtml } from '../html.js';
import { badge, seconds } from './format.js';
import { layout } from './layout.js';
import { stepBars, type Deadlines } from './stepBars.js';

/** `/runs/{id}`: the run's steps with their details and errors, and its dead letters. */
export function runPage(
  report: RunReport,
  deadLetters: readonly DeadLetterView[],
  deadlines: Deadlines,
): SafeHtml {
  const steps = report.steps.map(
    (s) =>
      html`<tr data-step="${s.name}">
        <td>${s.name}</td>
        <td>${badge(s.status)}</td>
        <td class="n">${seconds(s.seconds)}</td>
        <td class="n">${s.attempts}</td>
        <td>
          ${s.error === null ? html`<span class="muted">—</span>` : html`<pre>${s.error}</pre>`}
        </td>
        <td>
          <details>
            <summary>details</summary>
            <pre>${JSON.stringify(s.details, null, 2)}</pre>
          </details>
        </td>
      </tr>`,
  );
  const letters =
    deadLetters.length === 0
      ? html`<p class="muted">No dead letters.</p>`
      : html`<table>
          <tr>
            <th>id</th>
            <th>kind</th>
            <th>step</th>
            <th>attempts</th>
            <th>error</th>
            <th>created</th>
            <th>replayed</th>
          </tr>
          ${deadLetters.map(
            (d) =>
              html`<tr>
                <td>${d.id}</td>
                <td>${d.kind}</td>
                <td>${d.step ?? '—'}</td>
                <td class="n">${d.attempts}</td>
                <td><pre>${d.error}</pre></td>
                <td>${d.created_at}</td>
                <td>
                  ${d.replayed_at === null ? 'no' : html`${d.replayed_at}: ${d.replay_result ?? ''}`}
                </td>
              </tr>`,
          )}
        </table>`;
  return layout({
    title: `Run ${report.run_id}`,
    body: html`<h1>Run ${report.run_id}</h1>
      <p>
        ${badge(report.status)} night of <strong>${report.as_of}</strong> · ${report.trigger} ·
        started ${report.started_at} · finished ${report.finished_at ?? '—'}
        ${report.blocked_at === null ? null : html` · blocked at <strong>${report.blocked_at}</strong>`}
        ${report.pack === null ? null : html` · pack <a href="/packs/${pathSegment(report.pack.id)}">${report.pack.id}</a> ${badge(report.pack.status)}`}
      </p>
      <p>
        pack deadline
        ${report.deadlines.pack_deadline_missed ? html`<strong>missed</strong>` : 'met'} · run
        deadline ${report.deadlines.run_deadline_missed ? html`<strong>missed</strong>` : 'met'}
      </p>
      ${stepBars(report, deadlines)}
      <h2>Steps</h2>
      <table>
        <tr>
          <th>step</th>
          <th>status</th>
          <th class="n">seconds</th>
          <th class="n">attempts</th>
          <th>error</th>
          <th>details</th>
        </tr>
        ${steps}
      </table>
      <h2>Dead letters</h2>
      ${letters}`,
  });
}
