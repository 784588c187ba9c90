import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './testing/chromium.js';
import {
  demoPortfolioIds,
  demoWorkspace,
  type DemoWorkspace,
  type ServeProcess,
} from './testing/demoServer.js';

/**
 * The pages of a real `serve` process on one demo night, driven in headless Chromium: the
 * numbers on each page equal the CLI's exports (`nightly --json`, `metrics|factors|ratings
 * PACK --json`, `alerts list --json`), the charts render (canvas and SVG present and
 * non-empty) and a hostile portfolio name stays text.
 */
const hostileName = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">`;
const timeout = 240_000;
const browserReady = chromiumAvailable('servePages.test.ts (browser)');

interface Metric {
  portfolio_id: string;
  metric: string;
  value: number | null;
  reason: string | null;
}
interface Exposure {
  portfolio_id: string;
  window: string;
  factor: string;
  loading: number | null;
  t_value: number | null;
  reason: string | null;
}
interface Night {
  run_id: string;
  pack: { id: string; hash: string; status: string };
  steps: { name: string; seconds: number; details: Record<string, unknown> }[];
}

describe.skipIf(!browserReady)('serve: the pages in a real browser', () => {
  let ws: DemoWorkspace;
  let server: ServeProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];
  let night: Night;
  let metrics: { valuations: Record<string, string | number>[]; metrics: Metric[] };
  let factors: { exposures: Exposure[] };
  let ratings: {
    portfolios: { subject_id: string; score: number | null; reason: string | null }[];
  };
  let alertCount: number;

  const open = async (path: string) => {
    const response = await page.goto(`${server.baseUrl}${path}`, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
  };

  beforeAll(async () => {
    ws = await demoWorkspace((text) =>
      text.replace('"US growth (USD)"', JSON.stringify(hostileName)),
    );
    const run = await ws.run(['nightly', '--json']);
    expect(run.code, run.stderr).toBe(0);
    night = JSON.parse(run.stdout) as Night;
    const cli = async <T>(args: string[]) => {
      const out = await ws.run(args);
      expect(out.code, out.stderr).toBe(0);
      return JSON.parse(out.stdout) as T;
    };
    metrics = await cli(['metrics', night.pack.id, '--json']);
    factors = await cli(['factors', night.pack.id, '--json']);
    ratings = await cli(['ratings', night.pack.id, '--json']);
    alertCount = (await cli<{ alerts: unknown[] }>(['alerts', 'list', '--json'])).alerts.length;
    server = await ws.serve();
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  }, timeout);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await ws?.dispose();
  });

  it('/ shows the gate, the counts and the night with one bar per step', async () => {
    await open('/');
    const gate = page.locator('#gate');
    expect(await gate.getAttribute('data-status')).toBe('fresh');
    expect(await gate.getAttribute('data-pack')).toBe(night.pack.id);
    expect(await gate.innerText()).toContain(night.pack.hash.slice(0, 16));
    expect(await page.locator('#count-breaks').innerText()).toBe('0');
    expect(await page.locator('#count-dead-letters').innerText()).toBe('0');
    const bars = page.locator(`[data-run="${night.run_id}"] svg.step-bars rect[data-step]`);
    expect(await bars.count()).toBe(7);
    const seconds = await bars.evaluateAll((rects) =>
      rects.map((r) => [r.getAttribute('data-step'), r.getAttribute('data-seconds')]),
    );
    expect(seconds).toEqual(night.steps.map((s) => [s.name, String(s.seconds)]));
    const widths = await bars.evaluateAll((rects) =>
      rects.map((r) => (r as unknown as { getBBox(): { width: number } }).getBBox().width),
    );
    expect(Math.max(...widths)).toBeGreaterThan(100);
  });

  it('/runs/{id} lists the seven steps; /packs/{id} its coverage per source matches build_pack', async () => {
    await open(`/runs/${night.run_id}`);
    expect(await page.locator('tr[data-step]').count()).toBe(7);
    await open(`/packs/${night.pack.id}`);
    expect(await page.locator('#pack-hash').innerText()).toBe(night.pack.hash);
    const rows = await page
      .locator('#coverage tr[data-kind]')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-kind'), Number(tr.children[2]?.textContent)]),
      );
    const byKind = (kind: string) =>
      rows.filter(([k]) => k === kind).reduce((sum, [, n]) => sum + Number(n), 0);
    const built = night.steps[0]!.details;
    expect([byKind('price'), byKind('fx'), byKind('macro')]).toEqual([
      built['prices'],
      built['fx'],
      built['macro'],
    ]);
  });

  it('/portfolios/{id}: every number equals the CLI export, the three charts are drawn', async () => {
    for (const id of demoPortfolioIds) {
      const started = performance.now();
      await open(`/portfolios/${id}`);
      await page.waitForSelector('[data-chart="drawdown"][data-rendered="true"]');
      const loadMs = performance.now() - started;
      expect(await page.locator('#pack-id').innerText()).toBe(night.pack.id);

      const valuation = metrics.valuations.find((v) => v['portfolio_id'] === id)!;
      for (const field of ['market_value', 'securities_value', 'cash_value']) {
        expect(await page.locator(`[data-field="${field}"] .num`).getAttribute('data-value')).toBe(
          valuation[field],
        );
      }
      const shown = await page.locator('[data-metric]').evaluateAll((cells) =>
        cells.map((c) => ({
          metric: c.getAttribute('data-metric'),
          value: c.querySelector('.num')?.getAttribute('data-value') ?? null,
          reason: c.querySelector('.null')?.getAttribute('title') ?? null,
        })),
      );
      const expected = metrics.metrics
        .filter((m) => m.portfolio_id === id)
        .map((m) => ({
          metric: m.metric,
          value: m.value === null ? null : String(m.value),
          reason: m.reason,
        }));
      expect(shown.sort((a, b) => a.metric!.localeCompare(b.metric!))).toEqual(
        expected.sort((a, b) => a.metric.localeCompare(b.metric)),
      );
      // the rounded text a person reads is the stored value rounded, never another number
      const sample = expected.find((m) => m.value !== null && Math.abs(Number(m.value)) > 0.001)!;
      const text = await page.locator(`[data-metric="${sample.metric}"] .num`).innerText();
      expect(Math.abs(Number(text) - Number(sample.value))).toBeLessThanOrEqual(
        Math.abs(Number(sample.value)) * 1e-3,
      );

      const loadings = await page
        .locator('table.factors')
        .evaluateAll((tables) =>
          tables.flatMap((t) =>
            [...t.querySelectorAll('tr[data-factor]')].map((tr) => [
              t.getAttribute('data-window'),
              tr.getAttribute('data-factor'),
              tr.children[1]?.querySelector('.num')?.getAttribute('data-value') ?? null,
              tr.children[3]?.querySelector('.num')?.getAttribute('data-value') ?? null,
            ]),
          ),
        );
      expect(loadings).toEqual(
        factors.exposures
          .filter((e) => e.portfolio_id === id && e.factor !== '_model')
          .map((e) => [
            e.window,
            e.factor,
            e.loading === null ? null : String(e.loading),
            e.t_value === null ? null : String(e.t_value),
          ]),
      );
      const rating = ratings.portfolios.find((r) => r.subject_id === id)!;
      const score = page.locator('#rating-score');
      if (rating.score === null) {
        expect(await score.locator('.null').getAttribute('title')).toBe(rating.reason);
      } else {
        expect(await score.locator('.num').getAttribute('data-value')).toBe(String(rating.score));
      }

      const canvases = await page.locator('[data-chart] canvas').evaluateAll((list) =>
        list.map((c) => {
          const canvas = c as unknown as {
            width: number;
            height: number;
            getContext(kind: '2d'): {
              getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
            };
          };
          const pixels = canvas
            .getContext('2d')!
            .getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
          return { width: canvas.width, height: canvas.height, painted };
        }),
      );
      expect(canvases).toHaveLength(3);
      for (const c of canvases) {
        expect(c.width).toBeGreaterThan(300);
        expect(c.painted).toBeGreaterThan(1000);
      }
      console.info(
        `portfolio page ${id}: loaded and charted in ${loadMs.toFixed(0)} ms (measured, not asserted)`,
      );
    }
    expect(pageErrors).toEqual([]);
  });

  it('a hostile portfolio name is shown as text and runs no script', async () => {
    await open('/portfolios/P-USD-GROWTH');
    expect(await page.locator('h1').innerText()).toContain(hostileName);
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
    const refused = await page.goto(
      `${server.baseUrl}/portfolios/P-USD-GROWTH?pack=${encodeURIComponent('<img src=x onerror="window.__pwned=3">')}`,
    );
    expect(refused?.status()).toBe(404);
    expect(await page.locator('main').innerText()).toContain('No pack <img src=x');
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    // that page was a 404, which Chromium logs; nothing else went wrong
    expect(pageErrors.splice(0)).toEqual([
      'Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);
  });

  it('/breaks says there is none; /alerts lists what `alerts list` lists', async () => {
    await open('/breaks');
    expect(await page.locator('#no-breaks').count()).toBe(1);
    await open('/alerts');
    expect(await page.locator('tr.alert-event').count()).toBe(alertCount);
    expect(pageErrors).toEqual([]);
  });
});
