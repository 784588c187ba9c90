import type { Freshness } from '@truth-spine/orchestrator';
import type { Database } from '@truth-spine/store';
import { readPackBreaks, readRecentRuns, readRunDetail } from '../data/operationsReads.js';
import {
  listPackPortfolios,
  readPortfolioExposures,
  readPortfolioMetrics,
  readPortfolioRating,
  readPortfolioRecord,
  readPortfolioValuation,
} from '../data/portfolioReads.js';
import type { GateView } from './gateView.js';
import { decideServedPack, type GateRefusal, type ServedPack } from './packGate.js';
import { PackResponseCache } from './packResponseCache.js';

/** An answer of the read API: status, JSON body, entity tag when it is per pack. */
export interface ApiAnswer {
  readonly status: number;
  readonly body: string;
  readonly etag?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A pack-scoped route: the body for `pack`, or null when the subject does not exist in it. */
type PackRoute = (db: Database, pack: ServedPack) => Promise<Record<string, unknown> | null>;

/**
 * `/api/v1/…` (documented in openapi.json). Routes that return a pack's numbers
 * (portfolios, a portfolio, its metrics, factors, rating) go through the freshness gate
 * (`decideServedPack`) and are cached per pack with an ETag; runs and breaks are the
 * operations record — they are what explains a blocked night — and are answered whatever
 * the gate says, naming the gate's state. Every body names `pack_id` and `as_of`.
 */
export class ReadApi {
  readonly cache = new PackResponseCache();

  constructor(
    private readonly db: Database,
    private readonly gate: GateView,
  ) {}

  /** The answer for `path` (already stripped of `/api/v1`), or null for no such route. */
  async answer(path: string, query: URLSearchParams): Promise<ApiAnswer | null> {
    const parts = path
      .split('/')
      .filter((p) => p !== '')
      .map(decodeURIComponent);
    const [head, id, tail, ...rest] = parts;
    if (rest.length > 0) return null;
    if (head === 'portfolios') {
      if (id === undefined) return this.#packRoute(path, query, listPortfolios);
      if (tail === undefined) return this.#packRoute(path, query, portfolioOf(id));
      const route = { metrics: metricsOf, factors: factorsOf, rating: ratingOf }[tail];
      return route === undefined ? null : this.#packRoute(path, query, route(id));
    }
    if (head === 'runs' && tail === undefined) return this.#runs(id ?? null, query);
    if (head === 'breaks' && id === undefined) return this.#breaks(query);
    return null;
  }

  async #packRoute(path: string, query: URLSearchParams, route: PackRoute): Promise<ApiAnswer> {
    const gate = await this.gate.get();
    this.cache.observeGate(gate);
    const requested = query.get('pack');
    if (requested === null && gate?.status === 'fresh') {
      const hit = this.cache.get(gate.pack_id, path);
      if (hit !== undefined) return { status: 200, body: hit.body, etag: hit.etag };
    }
    const decision = await decideServedPack(gate, this.db, requested);
    if (!decision.ok) return refusal(decision.refusal, gate);
    const cached = this.cache.get(decision.pack.pack_id, path);
    if (cached !== undefined) return { status: 200, body: cached.body, etag: cached.etag };
    const body = await route(this.db, decision.pack);
    if (body === null) {
      return json(404, {
        error: 'not_found',
        message: `no ${path} in pack ${decision.pack.pack_id}`,
        pack_id: decision.pack.pack_id,
        as_of: decision.pack.as_of,
      });
    }
    const entry = this.cache.put(
      decision.pack.pack_id,
      path,
      JSON.stringify({ pack_id: decision.pack.pack_id, as_of: decision.pack.as_of, ...body }),
    );
    return { status: 200, body: entry.body, etag: entry.etag };
  }

  async #runs(runId: string | null, query: URLSearchParams): Promise<ApiAnswer> {
    const gate = await this.gate.get();
    const named = { pack_id: gate?.pack_id ?? null, as_of: gate?.as_of ?? null, gate };
    if (runId === null) {
      const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 14) || 14));
      return json(200, { ...named, runs: await readRecentRuns(this.db, limit) });
    }
    const detail = await readRunDetail(this.db, runId);
    if (detail === null)
      return json(404, { ...named, error: 'not_found', message: `no run ${runId}` });
    return json(200, {
      ...named,
      pack_id: detail.report.pack?.id ?? null,
      as_of: detail.report.as_of,
      run: detail.report,
      dead_letters: detail.deadLetters,
    });
  }

  async #breaks(query: URLSearchParams): Promise<ApiAnswer> {
    const gate = await this.gate.get();
    const packId = query.get('pack') ?? gate?.pack_id ?? null;
    if (packId === null) return json(200, { pack_id: null, as_of: null, gate, breaks: [] });
    const [pack] = await this.db.query<{ as_of: string }>(
      'select as_of::text as as_of from packs where id = $1',
      [packId],
    );
    if (pack === undefined) {
      return json(404, {
        pack_id: packId,
        as_of: null,
        gate,
        error: 'unknown_pack',
        message: `no pack ${packId}`,
      });
    }
    return json(200, {
      pack_id: packId,
      as_of: pack.as_of,
      gate,
      breaks: await readPackBreaks(this.db, packId),
    });
  }
}

function json(status: number, body: unknown): ApiAnswer {
  return { status, body: JSON.stringify(body) };
}

/** 503 while the latest pack is not fresh; 404 unknown `?pack=`; 409 a `?pack=` that is not fresh. */
function refusal(r: GateRefusal, gate: Freshness | null): ApiAnswer {
  if (r.kind === 'not_fresh') {
    return {
      ...json(503, {
        error: 'pack_not_fresh',
        message:
          gate === null
            ? 'no pack has been built yet'
            : `the latest pack ${gate.pack_id} is ${gate.status}; ask for the newest fresh pack with ?pack=${r.latest_fresh?.pack_id ?? '…'}`,
        pack_id: gate?.pack_id ?? null,
        as_of: gate?.as_of ?? null,
        gate,
        latest_fresh_pack_id: r.latest_fresh?.pack_id ?? null,
        latest_fresh_as_of: r.latest_fresh?.as_of ?? null,
      }),
      headers: { 'retry-after': '60' },
    };
  }
  if (r.kind === 'unknown_pack') {
    return json(404, {
      error: 'unknown_pack',
      message: `no pack ${r.pack_id}`,
      pack_id: r.pack_id,
      as_of: null,
      gate,
    });
  }
  return json(409, {
    error: 'pack_not_fresh',
    message: `pack ${r.pack_id} is ${r.status}: only the latest pack when fresh, or the newest fresh pack, is served`,
    pack_id: r.pack_id,
    as_of: null,
    gate,
  });
}

const listPortfolios: PackRoute = async (db, pack) => ({
  portfolios: await listPackPortfolios(db, pack.pack_id),
});

const portfolioOf =
  (id: string): PackRoute =>
  async (db, pack) => {
    const record = await readPortfolioRecord(db, id);
    const valuation = record === null ? null : await readPortfolioValuation(db, pack.pack_id, id);
    return record === null || valuation === null ? null : { portfolio: { ...record, valuation } };
  };

const metricsOf =
  (id: string): PackRoute =>
  async (db, pack) => {
    if ((await readPortfolioValuation(db, pack.pack_id, id)) === null) return null;
    return { portfolio_id: id, metrics: await readPortfolioMetrics(db, pack.pack_id, id) };
  };

const factorsOf =
  (id: string): PackRoute =>
  async (db, pack) => {
    if ((await readPortfolioValuation(db, pack.pack_id, id)) === null) return null;
    return { portfolio_id: id, exposures: await readPortfolioExposures(db, pack.pack_id, id) };
  };

const ratingOf =
  (id: string): PackRoute =>
  async (db, pack) => {
    const rating = await readPortfolioRating(db, pack.pack_id, id);
    return rating === null ? null : { portfolio_id: id, rating };
  };
