/**
 * Writes docs/screenshots/*.png, the pages as the README shows them: a demo workspace with
 * night 2024-03-07 (fresh) and night 2024-03-08 blocked by a ledger deposit the books lack
 * (so the runs, breaks and alerts pages have something to show), `serve`, headless
 * Chromium at 1200 × 900. Run from the repository root:
 *   npx tsx --conditions=@truth-spine/source apps/runner/src/web/testing/takeScreenshots.ts
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { demoWorkspace, unbookedDepositLedger, withUnbookedDeposit } from './demoServer.js';

const out = fileURLToPath(new URL('../../../../../docs/screenshots/', import.meta.url));

if (!chromiumAvailable('takeScreenshots')) process.exit(1);
const ws = await demoWorkspace();
try {
  const first = await ws.run(['nightly', '--date', '2024-03-07', '--json']);
  if (first.code !== 0) throw new Error(first.stderr);
  await ws.demo.edit(unbookedDepositLedger, withUnbookedDeposit);
  const second = await ws.run(['nightly', '--date', '2024-03-08', '--json']);
  if (second.code !== 2) throw new Error(`expected a blocked night:\n${second.stderr}`);
  const blockedRun = (JSON.parse(second.stdout) as { run_id: string }).run_id;
  const server = await ws.serve();
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await mkdir(out, { recursive: true });
    const pages: [string, string, number][] = [
      ['runs', '/', 900],
      ['run', `/runs/${blockedRun}`, 900],
      ['pack', '/packs/pack-2024-03-07-v1', 700],
      ['breaks', '/breaks', 500],
      ['portfolio', '/portfolios/P-EUR-GLOBAL', 1500],
      ['alerts', '/alerts', 400],
    ];
    for (const [name, path, height] of pages) {
      await page.setViewportSize({ width: 1200, height });
      await page.goto(`${server.baseUrl}${path}`, { waitUntil: 'load' });
      if (name === 'portfolio')
        await page.waitForSelector('[data-chart="drawdown"][data-rendered="true"]');
      await page.screenshot({ path: `${out}${name}.png` });
      console.info(`docs/screenshots/${name}.png  ${path}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
} finally {
  await ws.dispose();
}
