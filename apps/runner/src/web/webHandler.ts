import type { IncomingMessage, ServerResponse } from 'node:http';
import * as alerts from '@truth-spine/alerts';
import { DatabaseAlertStore } from '@truth-spine/alerts';
import { getFreshness, getLatestFreshPack } from '@truth-spine/orchestrator';
import { type Database } from '@truth-spine/store';
import { authenticateChallenge, isAuthorized } from './accessToken.js';
import { ReadApi } from './api/apiRoutes.js';
import { GateView } from './api/gateView.js';
import { matchesEtag, type PackResponseCache } from './api/packResponseCache.js';
import { openApiDocument } from './api/openApiDocument.js';
import { webAssets } from './assets/assets.js';
import {
  readOperationsCounts,
  readPackBreaks,
  readPackDetail,
  readRecentRuns,
  readRunDetail,
} from './data/operationsReads.js';
import { readPortfolioAlerts } from './data/portfolioReads.js';
import { html, rawHtml, type SafeHtml } from './html.js';
import { alertsPage } from './pages/alertsPage.js';
import { breaksPage } from './pages/breaksPage.js';
import { layout } from './pages/layout.js';
import { packPage } from './pages/packPage.js';
import { withPortfolioAlerts } from './pages/portfolioPage.js';
import { portfolioPageFor } from './pages/portfolioPageFor.js';
import { runPage } from './pages/runPage.js';
import { runsPage } from './pages/runsPage.js';
import type { Deadlines } from './pages/stepBars.js';

/** What the pages and the read API need. */
export interface WebOptions {
  readonly db: Database;
  /** HTTP_ACCESS_TOKEN, or null when none is required (loopback only). */
  readonly accessToken: string | null;
  readonly deadlines: Deadlines;
  readonly now?: () => Date;
  /**
   * Keep the gate's answer between this process's pipeline runs ({@link GateView}); only
   * for a store no other process can write (the embedded database).
   */
  readonly memoizeGate?: boolean;
}

/** Answers one request if it is for a page, an asset or the API; false = not ours. */
export type WebHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/** The handler and the gate view the process's pipeline reports its activity to. */
export interface Web {
  readonly handle: WebHandler;
  readonly gate: GateView;
}

const pagePaths = /^\/($|runs\/|packs\/|breaks$|portfolios\/|alerts$|assets\/|api\/v1(\/|$))/;

/**
 * The runner's web face, read-only: `/` (runs), `/runs/{id}`, `/packs/{id}`, `/breaks`,
 * `/portfolios/{id}`, `/alerts`, `/assets/*` and `/api/v1/*`. Only GET and HEAD; with an
 * access token configured every one of these requires it (401 with a Basic challenge).
 * Pages are rendered on the server from the store through the `html` template, so no
 * input reaches them unescaped.
 */
export function createWeb(options: WebOptions): Web {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const gate = new GateView(() => getFreshness(db), options.memoizeGate ?? false);
  const api = new ReadApi(db, gate);
  const assets = webAssets();
  const handle: WebHandler = async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://runner');
    const path = url.pathname;
    if (!pagePaths.test(path)) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'application/json', JSON.stringify({ error: 'read-only: use GET' }), {
        allow: 'GET, HEAD',
      });
      return true;
    }
    if (!isAuthorized(request, options.accessToken)) {
      send(
        response,
        401,
        'application/json',
        JSON.stringify({ error: 'unauthorized: present the access token' }),
        {
          'www-authenticate': authenticateChallenge,
        },
      );
      return true;
    }
    const asset = assets.get(path);
    if (asset !== undefined) {
      if (matchesEtag(request.headers['if-none-match'], asset.etag)) {
        sendNotModified(response, asset.etag);
      } else {
        send(response, 200, asset.contentType, asset.body, {
          etag: asset.etag,
          'cache-control': 'public, max-age=3600',
        });
      }
      return true;
    }
    if (path === '/api/v1/openapi.json') {
      send(response, 200, 'application/json', JSON.stringify(openApiDocument()));
      return true;
    }
    if (path.startsWith('/api/v1')) {
      const answer = await api.answer(path.slice('/api/v1'.length), url.searchParams);
      if (answer === null) {
        send(
          response,
          404,
          'application/json',
          JSON.stringify({ error: 'not_found', message: `no route ${path}` }),
        );
      } else if (
        answer.etag !== undefined &&
        matchesEtag(request.headers['if-none-match'], answer.etag)
      ) {
        sendNotModified(response, answer.etag);
      } else {
        send(response, answer.status, 'application/json', answer.body, {
          ...(answer.etag === undefined ? {} : { etag: answer.etag, 'cache-control': 'no-cache' }),
          ...answer.headers,
        });
      }
      return true;
    }
    const page = await renderPage(options, gate, api.cache, path, url.searchParams, now());
    send(response, page.status, 'text/html; charset=utf-8', page.html.text);
    return true;
  };
  return { handle, gate };
}

async function renderPage(
  options: WebOptions,
  gateView: GateView,
  cache: PackResponseCache,
  path: string,
  query: URLSearchParams,
  now: Date,
): Promise<{ status: number; html: SafeHtml }> {
  const { db, deadlines } = options;
  const segment = (prefix: string) => decodeURIComponent(path.slice(prefix.length));
  if (path === '/') {
    const gate = await gateView.get();
    const [latestFresh, counts, runs] = await Promise.all([
      getLatestFreshPack(db),
      readOperationsCounts(db, gate?.pack_id ?? null),
      readRecentRuns(db),
    ]);
    return { status: 200, html: runsPage({ gate, latestFresh, counts, runs, deadlines, now }) };
  }
  if (path.startsWith('/runs/')) {
    const detail = await readRunDetail(db, segment('/runs/'));
    return detail === null
      ? notFound(`No run ${segment('/runs/')}.`)
      : { status: 200, html: runPage(detail.report, detail.deadLetters, deadlines) };
  }
  if (path.startsWith('/packs/')) {
    const pack = await readPackDetail(db, segment('/packs/'));
    return pack === null
      ? notFound(`No pack ${segment('/packs/')}.`)
      : { status: 200, html: packPage(pack) };
  }
  if (path === '/breaks') {
    const gate = await gateView.get();
    return {
      status: 200,
      html: breaksPage(gate, gate === null ? [] : await readPackBreaks(db, gate.pack_id)),
    };
  }
  if (path.startsWith('/portfolios/')) {
    const id = segment('/portfolios/');
    const gate = await gateView.get();
    cache.observeGate(gate);
    const key = `page:/portfolios/${id}?pack=${query.get('pack') ?? ''}`;
    let kept = cache.get(gate?.pack_id ?? '', key);
    if (kept === undefined) {
      const page = await portfolioPageFor(db, gate, id, query.get('pack'));
      if (!page.ok) return notFound(page.message);
      kept = cache.put(gate?.pack_id ?? '', key, page.html.text);
    }
    return {
      status: 200,
      html: rawHtml(withPortfolioAlerts(kept.body, await readPortfolioAlerts(db, id))),
    };
  }
  if (path === '/alerts') {
    const store = new DatabaseAlertStore(db);
    const [listing, attempts] = await Promise.all([alerts.listAlerts(store), store.listAttempts()]);
    return { status: 200, html: alertsPage(listing, attempts) };
  }
  return notFound(`No page ${path}.`);
}

function notFound(message: string): { status: number; html: SafeHtml } {
  return {
    status: 404,
    html: layout({
      title: 'Not found',
      body: html`<h1>Not found</h1>
        <p>${message}</p>`,
    }),
  };
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent) return;
  response.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    'referrer-policy': 'no-referrer',
    ...headers,
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function sendNotModified(response: ServerResponse, etag: string): void {
  response.writeHead(304, { etag, 'cache-control': 'no-cache' });
  response.end();
}
