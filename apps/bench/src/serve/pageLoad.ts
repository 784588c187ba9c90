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
  /** First load in a fresh browser profile (assets not cached); null without Chromium. */
  readonly browserColdMs: number | null;
  /** Median of the later loads (assets cached by the browser, as for a returning user). */
  readonly browserMedianMs: number | null;
  readonly browserSkipped: string | null;
}

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Loads `path` `times` times over HTTP (time to the end of the HTML body), then, when
 * Chromium is installed, `times` times in headless Chromium: navigation until the last
 * chart reports `data-rendered` (uPlot drew its canvas).
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
    const loads: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
      await page.waitForSelector('[data-chart="drawdown"][data-rendered="true"]');
      loads.push(performance.now() - t0);
    }
    return {
      ...result,
      browserColdMs: loads[0]!,
      browserMedianMs: median(loads.slice(1)),
      browserSkipped: null,
    };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
