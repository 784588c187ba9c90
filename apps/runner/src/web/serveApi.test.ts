import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import {
  demoPortfolioIds,
  demoWorkspace,
  unbookedDepositLedger as ledger,
  withUnbookedDeposit,
  type DemoWorkspace,
  type ServeProcess,
} from './testing/demoServer.js';
import { openApiValidator, type OpenApiValidator } from './testing/openApiValidator.js';

/**
 * The read API of a real `serve` process on the demo data (PGlite, one workspace): night
 * 2024-03-07 through the CLI, then serve on 0.0.0.0 with an access token. Numbers are
 * compared with the CLI's own exports (`metrics|factors|ratings PACK --json`) and every
 * answer is validated against the served OpenAPI document. Then a night 2024-03-08 whose
 * ledger disagrees with the books is blocked, and the restarted server answers 503.
 */
const fresh = 'pack-2024-03-07-v1';
const blocked = 'pack-2024-03-08-v1';
const token = 'test-token-0123456789abcdef';
const hostileName = `<script>window.__pwned = 1</script>"'><img src=x onerror="window.__pwned=2">`;
const timeout = 300_000;

interface CliExports {
  metrics: { valuations: { portfolio_id: string }[]; metrics: { portfolio_id: string }[] };
  factors: { exposures: { portfolio_id: string }[] };
  ratings: { portfolios: { subject_id: string }[] };
}

describe('serve: the read API', () => {
  let ws: DemoWorkspace;
  let server: ServeProcess | null = null;
  let exports: CliExports;
  let validator: OpenApiValidator;
  /** The demo ledger of P-USD-GROWTH before the test edits it. */
  let original = '';
  const authorized = { authorization: `Bearer ${token}` };
  const get = async (path: string, headers: Record<string, string> = authorized) => {
    const response = await fetch(`${server!.baseUrl}${path}`, { headers });
    const text = await response.text();
    return { response, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  const valid = async (route: string, path: string, status: number) => {
    const answer = await get(path);
    expect(answer.response.status, answer.text).toBe(status);
    expect(validator.errors(route, status, answer.json())).toEqual([]);
    return answer;
  };

  beforeAll(async () => {
    ws = await demoWorkspace((text) =>
      text.replace('"US growth (USD)"', JSON.stringify(hostileName)),
    );
    const night = await ws.run(['nightly', '--date', '2024-03-07', '--json']);
    expect(night.code, night.stderr).toBe(0);
    const exported = async (command: string) => {
      const out = await ws.run([command, fresh, '--json']);
      expect(out.code, out.stderr).toBe(0);
      return JSON.parse(out.stdout) as unknown;
    };
    exports = {
      metrics: (await exported('metrics')) as CliExports['metrics'],
      factors: (await exported('factors')) as CliExports['factors'],
      ratings: (await exported('ratings')) as CliExports['ratings'],
    };
    server = await ws.serve({ HTTP_HOST: '0.0.0.0', HTTP_ACCESS_TOKEN: token });
    const document = await get('/api/v1/openapi.json');
    validator = openApiValidator(document.json());
  }, timeout);

  afterAll(async () => {
    await server?.stop();
    await ws?.dispose();
  });

  it('refuses to listen beyond loopback without a token (exit 64, names the setting)', async () => {
    const out = await ws.run(['serve'], { HTTP_HOST: '0.0.0.0', HTTP_PORT: '0' });
    expect(out.code).toBe(64);
    expect(out.stderr).toMatch(
      /HTTP_HOST=0\.0\.0\.0 is reachable from other machines: set HTTP_ACCESS_TOKEN/,
    );
  });

  it('requires the token on pages and API (401 with a Basic challenge), accepts bearer and Basic', async () => {
    for (const path of [
      '/',
      '/api/v1/portfolios',
      '/portfolios/P-USD-INCOME',
      '/assets/uplot.js',
    ]) {
      const anonymous = await get(path, {});
      expect(anonymous.response.status, path).toBe(401);
      expect(anonymous.response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      expect(anonymous.text).not.toContain(token);
      expect(
        (await get(path, { authorization: 'Bearer wrong-token-0123456789' })).response.status,
      ).toBe(401);
    }
    const basic = `Basic ${Buffer.from(`me:${token}`).toString('base64')}`;
    expect((await get('/', { authorization: basic })).response.status).toBe(200);
    expect((await get('/api/v1/portfolios')).response.status).toBe(200);
  });

  it('is read-only: other methods are 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await fetch(`${server!.baseUrl}/api/v1/portfolios`, {
        method,
        headers: authorized,
      });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('serves the fresh pack: numbers equal the CLI exports, every answer names pack_id and as_of and matches the OpenAPI document', async () => {
    const list = (await valid('/portfolios', '/api/v1/portfolios', 200)).json();
    expect(list).toMatchObject({ pack_id: fresh, as_of: '2024-03-07' });
    const portfolios = list['portfolios'] as { id: string; name: string; valuation: unknown }[];
    expect(portfolios.map((p) => p.id)).toEqual([...demoPortfolioIds].sort());
    expect(portfolios.map((p) => p.valuation)).toEqual(exports.metrics.valuations);
    expect(portfolios.find((p) => p.id === 'P-USD-GROWTH')?.name).toBe(hostileName);
    for (const id of demoPortfolioIds) {
      const one = (await valid('/portfolios/{id}', `/api/v1/portfolios/${id}`, 200)).json();
      expect(one['portfolio']).toMatchObject({
        id,
        valuation: exports.metrics.valuations.find((v) => v.portfolio_id === id),
      });
      const metrics = (
        await valid('/portfolios/{id}/metrics', `/api/v1/portfolios/${id}/metrics`, 200)
      ).json();
      expect(metrics).toMatchObject({ pack_id: fresh, as_of: '2024-03-07', portfolio_id: id });
      expect(metrics['metrics']).toEqual(
        exports.metrics.metrics.filter((m) => m.portfolio_id === id),
      );
      expect((metrics['metrics'] as unknown[]).length).toBeGreaterThan(100);
      const factors = (
        await valid('/portfolios/{id}/factors', `/api/v1/portfolios/${id}/factors`, 200)
      ).json();
      expect(factors['exposures']).toEqual(
        exports.factors.exposures.filter((e) => e.portfolio_id === id),
      );
      const rating = (
        await valid('/portfolios/{id}/rating', `/api/v1/portfolios/${id}/rating`, 200)
      ).json();
      expect(rating['rating']).toEqual(exports.ratings.portfolios.find((r) => r.subject_id === id));
    }
    const runs = (await valid('/runs', '/api/v1/runs', 200)).json();
    expect(runs).toMatchObject({ pack_id: fresh, as_of: '2024-03-07', gate: { status: 'fresh' } });
    const [run] = runs['runs'] as { run_id: string }[];
    const detail = (await valid('/runs/{id}', `/api/v1/runs/${run!.run_id}`, 200)).json();
    expect(detail).toMatchObject({
      pack_id: fresh,
      as_of: '2024-03-07',
      run: { status: 'succeeded' },
      dead_letters: [],
    });
    const breaks = (await valid('/breaks', '/api/v1/breaks', 200)).json();
    expect(breaks).toMatchObject({ pack_id: fresh, breaks: [] });
    await valid('/portfolios/{id}/metrics', '/api/v1/portfolios/NOPE/metrics', 404);
    await valid('/runs/{id}', '/api/v1/runs/no-such-run', 404);
  });

  it('answers a pack route with an ETag per pack: the same body every time, 304 on If-None-Match', async () => {
    const first = await get('/api/v1/portfolios/P-EUR-GLOBAL/metrics');
    const second = await get('/api/v1/portfolios/P-EUR-GLOBAL/metrics');
    const etag = first.response.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(second.response.headers.get('etag')).toBe(etag);
    expect(second.text).toBe(first.text);
    const cached = await get('/api/v1/portfolios/P-EUR-GLOBAL/metrics', {
      ...authorized,
      'if-none-match': etag!,
    });
    expect(cached.response.status).toBe(304);
    expect(cached.text).toBe('');
    const other = await get('/api/v1/portfolios/P-GBP-UK/metrics');
    expect(other.response.headers.get('etag')).not.toBe(etag);
  });

  it('never echoes a hostile path, query or name into HTML unescaped', async () => {
    const probes = [
      `/portfolios/${encodeURIComponent(hostileName)}`,
      `/runs/${encodeURIComponent('"><script>alert(1)</script>')}`,
      `/packs/${encodeURIComponent("'><svg onload=alert(1)>")}`,
      `/portfolios/P-USD-GROWTH?pack=${encodeURIComponent('<script>alert(1)</script>')}`,
      `/?q=${encodeURIComponent('<script>alert(1)</script>')}`,
      `/breaks?x=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`,
    ];
    for (const path of probes) {
      const page = await get(path);
      expect(page.response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text, path).not.toMatch(/<script>alert|<script>window|<img src=x|<svg onload/);
    }
    const portfolio = await get('/portfolios/P-USD-GROWTH');
    expect(portfolio.response.status).toBe(200);
    expect(portfolio.text).toContain(
      '&lt;script&gt;window.__pwned = 1&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;',
    );
    expect(portfolio.text).not.toContain('<script>window.__pwned');
    // the name also travels in the charts' JSON, escaped so it cannot close the script element
    expect(portfolio.text.match(/<\/script>/g)?.length).toBe(3);
  });

  it(
    'after a blocked night: 503 naming the gate and the newest fresh pack, which ?pack= still serves; the blocked pack never',
    async () => {
      await server!.stop();
      server = null;
      // a deposit the books do not have, dated the blocked night (the earlier night is unaffected)
      await ws.demo.edit(ledger, (text) => {
        original = text;
        return withUnbookedDeposit(text);
      });
      const night = await ws.run(['nightly', '--date', '2024-03-08', '--json']);
      expect(night.code, night.stderr).toBe(2);
      expect(JSON.parse(night.stdout)).toMatchObject({
        status: 'blocked',
        blocked_at: 'reconcile_ledger',
        pack: { id: blocked },
      });
      server = await ws.serve({ HTTP_HOST: '0.0.0.0', HTTP_ACCESS_TOKEN: token });

      for (const route of [
        '/portfolios',
        '/portfolios/P-EUR-GLOBAL/metrics',
        '/portfolios/P-EUR-GLOBAL/factors',
        '/portfolios/P-EUR-GLOBAL/rating',
      ]) {
        const path = route.replace('P-EUR-GLOBAL', '{id}');
        const refused = (await valid(path, `/api/v1${route}`, 503)).json();
        expect(refused).toMatchObject({
          error: 'pack_not_fresh',
          pack_id: blocked,
          as_of: '2024-03-08',
          gate: { pack_id: blocked },
          latest_fresh_pack_id: fresh,
          latest_fresh_as_of: '2024-03-07',
        });
        expect(['warming', 'blocked']).toContain((refused['gate'] as { status: string }).status);
        expect(JSON.stringify(refused)).not.toMatch(/"metrics"|"exposures"|"rating"|"valuation"/);
      }
      const served = (
        await valid(
          '/portfolios/{id}/metrics',
          `/api/v1/portfolios/P-EUR-GLOBAL/metrics?pack=${fresh}`,
          200,
        )
      ).json();
      expect(served).toMatchObject({ pack_id: fresh, as_of: '2024-03-07' });
      expect(served['metrics']).toEqual(
        exports.metrics.metrics.filter((m) => m.portfolio_id === 'P-EUR-GLOBAL'),
      );
      const notFresh = (
        await valid(
          '/portfolios/{id}/metrics',
          `/api/v1/portfolios/P-EUR-GLOBAL/metrics?pack=${blocked}`,
          409,
        )
      ).json();
      expect(notFresh).toMatchObject({ error: 'pack_not_fresh', pack_id: blocked });
      await valid(
        '/portfolios/{id}/metrics',
        '/api/v1/portfolios/P-EUR-GLOBAL/metrics?pack=pack-1999-01-01-v1',
        404,
      );

      const breaks = (await valid('/breaks', '/api/v1/breaks', 200)).json();
      expect(breaks).toMatchObject({ pack_id: blocked, as_of: '2024-03-08' });
      const rows = breaks['breaks'] as { id: number; portfolio_id: string; kind: string }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((b) => b.portfolio_id === 'P-USD-GROWTH')).toBe(true);
      const page = await get('/breaks');
      expect(page.text).toContain('data-portfolio="P-USD-GROWTH"');
      for (const b of rows) expect(page.text).toContain(`data-break="${b.id}"`);
      const runsPage = await get('/');
      expect(runsPage.text).toContain(
        `data-status="${(breaks['gate'] as { status: string }).status}"`,
      );
      expect(runsPage.text).toMatch(new RegExp(`id="count-breaks">${rows.length}<`));
      const portfolioPage = await get('/portfolios/P-EUR-GLOBAL');
      expect(portfolioPage.text).toContain(`showing the newest fresh pack, ${fresh}`);
      expect(portfolioPage.text).toContain(`id="pack-id">${fresh}<`);
    },
    timeout,
  );

  it(
    'a blocked re-run takes a fresh pack out of service: 503 with the gate blocked (run, step, reason), ?pack= of it 409',
    async () => {
      await server?.stop();
      server = null;
      // the ledger fixed, the night re-run: the pack of 2024-03-08 is fresh
      await ws.demo.edit(ledger, () => original);
      const fixed = await ws.run(['nightly', '--date', '2024-03-08', '--force', '--json']);
      expect(fixed.code, fixed.stderr).toBe(0);
      expect(JSON.parse(fixed.stdout)).toMatchObject({
        status: 'succeeded',
        pack: { id: blocked, status: 'fresh' },
      });
      // the deposit again, the night re-run: blocked on the same pack, which was fresh
      await ws.demo.edit(ledger, withUnbookedDeposit);
      const rerun = await ws.run(['nightly', '--date', '2024-03-08', '--force', '--json']);
      expect(rerun.code, rerun.stderr).toBe(2);
      const rerunReport = JSON.parse(rerun.stdout) as { run_id: string; pack: { id: string } };
      expect(rerunReport.pack.id).toBe(blocked);
      server = await ws.serve({ HTTP_HOST: '0.0.0.0', HTTP_ACCESS_TOKEN: token });

      const refused = (
        await valid('/portfolios/{id}/metrics', '/api/v1/portfolios/P-USD-GROWTH/metrics', 503)
      ).json();
      expect(refused).toMatchObject({
        error: 'pack_not_fresh',
        pack_id: blocked,
        gate: {
          status: 'blocked',
          blocked: { run_id: rerunReport.run_id, step: 'reconcile_ledger' },
        },
        latest_fresh_pack_id: fresh,
      });
      const ofBlocked = (
        await valid(
          '/portfolios/{id}/metrics',
          `/api/v1/portfolios/P-USD-GROWTH/metrics?pack=${blocked}`,
          409,
        )
      ).json();
      expect(ofBlocked).toMatchObject({
        pack_id: blocked,
        message: expect.stringMatching(/is blocked/),
      });
      const older = (
        await valid(
          '/portfolios/{id}/metrics',
          `/api/v1/portfolios/P-EUR-GLOBAL/metrics?pack=${fresh}`,
          200,
        )
      ).json();
      expect(older['metrics']).toEqual(
        exports.metrics.metrics.filter((m) => m.portfolio_id === 'P-EUR-GLOBAL'),
      );
      const page = await get('/');
      expect(page.text).toContain('data-status="blocked"');
      expect(page.text).toContain(`blocked by run <a href="/runs/${rerunReport.run_id}">`);
    },
    timeout,
  );
});
