import type { PackDetail } from '../data/operationsReads.js';
import { html, pathSegment, type SafeHtml } from '../html.js';
import { badge } from './format.js';
import { layout } from './layout.js';

/** `/packs/{id}`: the pack's identity, coverage per source, flagged rows, what supersedes what. */
export function packPage(pack: PackDetail): SafeHtml {
  const link = (id: string) => html`<a href="/packs/${pathSegment(id)}">${id}</a>`;
  const coverage = pack.coverage.map(
    (c) =>
      html`<tr data-kind="${c.kind}" data-provider="${c.provider}">
        <td>${c.kind}</td>
        <td>${c.provider}</td>
        <td class="n">${c.rows}</td>
        <td class="n">${c.fallbacks}</td>
        <td class="n">${c.carried_forward}</td>
      </tr>`,
  );
  const flagged =
    pack.flagged.length === 0
      ? html`<p class="muted">No row used a fallback source or was carried forward.</p>`
      : html`<table>
          <tr>
            <th>kind</th>
            <th>key</th>
            <th class="n">value</th>
            <th>provider</th>
            <th>flag</th>
            <th>source date</th>
          </tr>
          ${pack.flagged.map(
            (r) =>
              html`<tr>
                <td>${r.kind}</td>
                <td>${r.key}</td>
                <td class="n">${r.value}</td>
                <td>${r.provider}</td>
                <td>
                  ${[r.fallback_used ? 'fallback' : '', r.carried_forward ? `carried forward from ${r.source_date}` : ''].filter((x) => x !== '').join(', ')}
                </td>
                <td>${r.source_date}</td>
              </tr>`,
          )}
        </table>`;
  return layout({
    title: `Pack ${pack.id}`,
    body: html`<h1>Pack ${pack.id}</h1>
      <p>
        ${badge(pack.status)} as of <strong>${pack.as_of}</strong> · version ${pack.version} ·
        created ${pack.created_at} · fresh at ${pack.fresh_at ?? '—'}
      </p>
      <p>SHA-256 <code id="pack-hash">${pack.sha256}</code></p>
      <p>
        ${pack.superseded_by === null ? 'Not superseded.' : html`Superseded by ${link(pack.superseded_by)}.`}
        ${pack.supersedes.length === 0 ? null : html` Supersedes ${pack.supersedes.map((id, i) => html`${i > 0 ? ', ' : ''}${link(id)}`)}.`}
      </p>
      <h2>Coverage per source</h2>
      <table id="coverage">
        <tr>
          <th>kind</th>
          <th>provider</th>
          <th class="n">rows</th>
          <th class="n">fallbacks</th>
          <th class="n">carried forward</th>
        </tr>
        ${coverage}
      </table>
      <h2>Fallbacks and carry-forwards</h2>
      ${flagged}`,
  });
}
