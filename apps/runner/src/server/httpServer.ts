import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getFreshness, type PipelineLogger } from '@truth-spine/orchestrator';
import { type Database } from '@truth-spine/store';
import type { WebHandler } from '../web/webHandler.js';
import type { PipelineMetrics } from './pipelineMetrics.js';

/** What the HTTP endpoints read. */
export interface HttpServerOptions {
  readonly db: Database;
  readonly metrics: PipelineMetrics;
  readonly logger: PipelineLogger;
  /** HTTP_HOST (default 127.0.0.1) and HTTP_PORT (default 8080; 0 = any free port). */
  readonly host: string;
  readonly port: number;
  /** The pages and the read API (src/web); tried before the 404. */
  readonly web?: WebHandler;
}

/** A listening server. */
export interface RunningHttpServer {
  readonly port: number;
  /** Stops accepting, drops idle and open connections, resolves when closed. */
  close(): Promise<void>;
}

/** The body of `GET /health/pack` when no pack exists yet. */
const noPack = {
  pack_id: null,
  as_of: null,
  status: 'none',
  hash: null,
  fresh_at: null,
  blocked: null,
};

/**
 * Starts the runner's HTTP endpoints (node:http):
 * - `GET /health/pack` → `{"pack_id","as_of","status","hash","fresh_at","blocked"}` of the
 *   latest pack (orchestrator `getFreshness`): 200 only when it is `fresh`; 503 while it
 *   warms, while it is `blocked` (`blocked` = `{run_id, step, reason}` of the run that failed
 *   or blocked on it), when it was superseded or when there is none yet (`status: "none"`,
 *   other fields null) — so a load balancer can take the service out on anything but fresh;
 * - `GET /metrics` → Prometheus text (`PipelineMetrics`);
 * anything else 404 (405 for another method). A failing read answers 500 with one line.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const server = createServer((request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      options.logger.error({ err: error, url: request.url }, 'HTTP request failed');
      send(response, 500, 'application/json', JSON.stringify({ error: 'internal error' }));
    });
  });
  await listen(server, options.host, options.port);
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  options: HttpServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://runner').pathname;
  if (path !== '/health/pack' && path !== '/metrics' && (await options.web?.(request, response))) {
    return;
  }
  if (path !== '/health/pack' && path !== '/metrics') {
    send(response, 404, 'application/json', JSON.stringify({ error: `no route ${path}` }));
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    send(response, 405, 'application/json', JSON.stringify({ error: 'use GET' }));
    return;
  }
  if (path === '/metrics') {
    const { contentType, body } = await options.metrics.render();
    send(response, 200, contentType, body);
    return;
  }
  const freshness = await getFreshness(options.db);
  const status = freshness?.status === 'fresh' ? 200 : 503;
  send(response, status, 'application/json', JSON.stringify(freshness ?? noPack));
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  if (response.headersSent) return;
  response.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
