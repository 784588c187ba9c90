import type { Freshness } from '@truth-spine/orchestrator';
import type { Database } from '@truth-spine/store';
import { decideServedPack } from '../api/packGate.js';
import {
  readPortfolioExposures,
  readPortfolioHistory,
  readPortfolioMetrics,
  readPortfolioRating,
  readPortfolioRecord,
  readPortfolioValuation,
} from '../data/portfolioReads.js';
import type { SafeHtml } from '../html.js';
import { portfolioPage } from './portfolioPage.js';

/**
 * The portfolio page under the same gate as the read API: the latest pack when it is
 * fresh (or `?pack=` when the gate allows it); while the latest pack is not fresh, the
 * newest fresh pack, with a banner saying so. Never numbers of a pack that is not fresh.
 */
export async function portfolioPageFor(
  db: Database,
  gate: Freshness | null,
  id: string,
  requested: string | null,
): Promise<{ ok: true; html: SafeHtml } | { ok: false; message: string }> {
  const portfolio = await readPortfolioRecord(db, id);
  if (portfolio === null) return { ok: false, message: `No portfolio ${id}.` };
  let decision = await decideServedPack(gate, db, requested);
  let notice: string | null = null;
  if (
    !decision.ok &&
    decision.refusal.kind === 'not_fresh' &&
    decision.refusal.latest_fresh !== null
  ) {
    const fallback = decision.refusal.latest_fresh;
    notice = `The latest pack ${gate?.pack_id ?? ''} is ${gate?.status ?? 'missing'}: showing the newest fresh pack, ${fallback.pack_id} (as of ${fallback.as_of}).`;
    decision = await decideServedPack(gate, db, fallback.pack_id);
  }
  if (!decision.ok) {
    const r = decision.refusal;
    return {
      ok: false,
      message:
        r.kind === 'not_fresh'
          ? 'No fresh pack yet: the portfolio has no numbers to show.'
          : r.kind === 'unknown_pack'
            ? `No pack ${r.pack_id}.`
            : `Pack ${r.pack_id} is ${r.status}: its numbers are not shown.`,
    };
  }
  const packId = decision.pack.pack_id;
  const [valuation, history, metrics, exposures, rating] = await Promise.all([
    readPortfolioValuation(db, packId, id),
    readPortfolioHistory(db, packId, portfolio),
    readPortfolioMetrics(db, packId, id),
    readPortfolioExposures(db, packId, id),
    readPortfolioRating(db, packId, id),
  ]);
  return {
    ok: true,
    html: portfolioPage({
      portfolio,
      pack: decision.pack,
      notice,
      valuation,
      history,
      metrics,
      exposures,
      rating,
    }),
  };
}
