import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { median } from '../ledger/median.js';
import { quantile } from './loadTest.js';

/** How long a page took: on the server (HTML answer) and in a browser until its charts were drawn. */
export interface PageLoad {
  readonly path: string;
  /** Bytes of the HTML plus the assets it loads (style, uPlot, charts script). */
  readonly bytes: number;
  readonly serverMedianMs: number;
  readonly serverP95Ms: number;
  /**
   * First load in a fresh browser profile (assets not cached), by the page's own clock:
   * from navigation start until the load event has fired and the last chart is drawn;
   * null without Chromium.
   */
  readonly browserColdMs: number | null;
  /** Median of the later loads (assets cached by the browser, as for a returning user), same clock. */
  readonly browserMedianMs: number | null;
  /**
   * Median of the later loads as the driving process saw them (`goto` until it observed the
   * last chart): adds the DevTools round trips of Playwright, which are not the page's time.
   */
  readonly harnessMedianMs: number | null;
  readonly browserSkipped: string | null;
}

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Runs in the page before its own scripts: records, on the page's clock (ms since
 * navigation start), when each chart element is marked `data-rendered`. Kept as page
 * source text: this package is compiled without the DOM's types.
 */
const recordChartsDrawn = `
  window.__chartsDrawn = {};
  new MutationObserver(function (mutations) {
    for (const m of mutations) {
      const chart = m.target.getAttribute('data-chart');
      if (chart !== null && m.target.getAttribute('data-rendered') === 'true')
        window.__chartsDrawn[chart] = performance.now();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered'] });
`;

/** The page's own figure for one load: max(load event end, last chart drawn), ms since navigation start. */
const pageReadyMs = `Math.max(
  performance.getEntriesByType('navigation')[0].loadEventEnd,
  ...Object.values(window.__chartsDrawn)
)`;

/**
 * Loads `path` `times` times over HTTP (time to the end of the HTML body), then, when
 * Chromium is installed, `times` times in headless Chromium: navigation until the load
 * event and the last chart's `data-rendered` (uPlot drew its canvas), timed by the page's
 * own clock — the harness's round trips are reported apart ({@link PageLoad.harnessMedianMs}).
 */
export async function measurePageLoad(
  baseUrl: string,
  path: string,
  times: number,
): Promise<PageLoad> {
  const server: number[] = [];
  let html = '';
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    html = await (await fetch(`${baseUrl}${path}`)).text();
    server.push(performance.now() - t0);
  }
  let bytes = Buffer.byteLength(html);
  for (const asset of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) {
    bytes += (await (await fetch(`${baseUrl}${asset[1]!}`)).arrayBuffer()).byteLength;
  }
  server.sort((a, b) => a - b);
  const result = {
    path,
    bytes,
    serverMedianMs: median(server),
    serverP95Ms: quantile(server, 0.95),
  };
  if (!existsSync(chromiumPath)) {
    return {
      ...result,
      browserColdMs: null,
      browserMedianMs: null,
      harnessMedianMs: null,
      browserSkipped: `no Chromium at ${chromiumPath}`,
    };
  }
  const profile = await mkdtemp(join(tmpdir(), 'truth-spine-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await context.newPage();
    // The browser is already running when a person opens the page: start its network
    // service and renderer on a blank page, so the cold figure is an empty cache, not a
    // browser start.
    await page.goto('about:blank');
    await page.addInitScript({ content: recordChartsDrawn });
    const loads: number[] = [];
    const harness: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
      await page.waitForSelector('[data-chart="drawdown"][data-rendered="true"]');
      harness.push(performance.now() - t0);
      loads.push((await page.evaluate(pageReadyMs)) as number);
    }
    return {
      ...result,
      browserColdMs: loads[0]!,
      browserMedianMs: median(loads.slice(1)),
      harnessMedianMs: median(harness.slice(1)),
      browserSkipped: null,
    };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
