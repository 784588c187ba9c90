import type { Freshness, RunReport } from '@truth-spine/orchestrator';
import type { OperationsCounts } from '../data/operationsReads.js';
import { html, pathSegment, type SafeHtml } from '../html.js';
import { badge, seconds } from './format.js';
import { layout } from './layout.js';
import { stepBars, type Deadlines } from './stepBars.js';

/** What `/` shows. */
export interface RunsPageData {
  readonly gate: Freshness | null;
  readonly latestFresh: Freshness | null;
  readonly counts: OperationsCounts;
  readonly runs: readonly RunReport[];
  readonly deadlines: Deadlines;
  readonly now: Date;
}

/** `/`: the gate's answer, counts, then the latest nights as a timeline with their step bars. */
export function runsPage(data: RunsPageData): SafeHtml {
  const gate = data.gate;
  const age =
    gate === null ? null : Math.max(0, (data.now.getTime() - Date.parse(gate.as_of)) / 86_400_000);
  const gateCard =
    gate === null
      ? html`<div class="card" id="gate">
          <div class="label">pack</div>
          <div class="value">none yet</div>
        </div>`
      : html`<div class="card" id="gate" data-status="${gate.status}" data-pack="${gate.pack_id}">
          <div class="label">latest pack (the gate's answer)</div>
          <div class="value">
            ${badge(gate.status)} <a href="/packs/${pathSegment(gate.pack_id)}">${gate.pack_id}</a>
          </div>
          <div class="muted">
            as of ${gate.as_of} · ${age === null ? '' : `${Math.floor(age)} days old`} · fresh at
            ${gate.fresh_at ?? '—'}
          </div>
          <div class="muted"><code title="${gate.hash}">${gate.hash.slice(0, 16)}…</code></div>
          ${gate.blocked === null ? null : html`<div id="gate-blocked">blocked by run <a href="/runs/${pathSegment(gate.blocked.run_id)}">${gate.blocked.run_id}</a> at <strong>${gate.blocked.step}</strong>: ${gate.blocked.reason}</div>`}
        </div>`;
  const fallback =
    gate !== null && gate.status !== 'fresh'
      ? html`<div class="banner">
          The latest pack is <strong>${gate.status}</strong>: the read API answers 503 and the
          portfolio pages show the newest fresh pack,
          ${data.latestFresh === null ? 'of which there is none' : html`<a href="/packs/${pathSegment(data.latestFresh.pack_id)}">${data.latestFresh.pack_id}</a>`}.
        </div>`
      : null;
  const counts = html`<div class="cards">
    ${gateCard}
    <div class="card">
      <div class="label">open breaks</div>
      <div class="value"><a href="/breaks" id="count-breaks">${data.counts.open_breaks}</a></div>
    </div>
    <div class="card">
      <div class="label">dead letters</div>
      <div class="value" id="count-dead-letters">${data.counts.dead_letters}</div>
    </div>
    <div class="card">
      <div class="label">pending alert deliveries</div>
      <div class="value">
        <a href="/alerts" id="count-pending">${data.counts.pending_deliveries}</a>
      </div>
    </div>
  </div>`;
  const nights = data.runs.map((run) => night(run, data.deadlines));
  return layout({
    title: 'Runs',
    body: html`<h1>Runs</h1>
      ${fallback}${counts}
      <h2>Latest nights</h2>
      ${nights.length === 0 ? html`<p class="muted">No run recorded yet.</p>` : nights}`,
  });
}

function night(run: RunReport, deadlines: Deadlines): SafeHtml {
  const missed = [
    run.deadlines.pack_deadline_missed ? 'pack deadline missed' : null,
    run.deadlines.run_deadline_missed ? 'run deadline missed' : null,
  ].filter((x) => x !== null);
  const attempts = run.steps.reduce((sum, s) => sum + s.attempts, 0);
  return html`<div class="night" data-run="${run.run_id}">
    <div>
      <strong>${run.as_of}</strong> ${badge(run.status)}
      <a href="/runs/${pathSegment(run.run_id)}">${run.run_id}</a>
      <span class="muted">· ${run.trigger} · started ${run.started_at} · ${attempts} attempts</span>
      ${run.blocked_at === null ? null : html` · blocked at <strong>${run.blocked_at}</strong>`}
      ${missed.length === 0 ? null : html` · <span class="badge badge-failed">${missed.join(', ')}</span>`}
      ${run.pack === null ? null : html` · pack <a href="/packs/${pathSegment(run.pack.id)}">${run.pack.id}</a> ${badge(run.pack.status)}`}
    </div>
    ${stepBars(run, deadlines)}
    <div class="muted">
      total ${seconds(run.steps.reduce((sum, s) => sum + (s.seconds ?? 0), 0))}
    </div>
  </div>`;
}
