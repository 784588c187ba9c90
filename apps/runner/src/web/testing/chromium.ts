import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium package (`apt-get install chromium`); CHROMIUM_PATH overrides. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run. Without Chromium they are skipped with a loud
 * warning — except under CI (`CI=true`, set by .ci/run, which installs it), where a
 * missing browser is an error, so CI never counts them as passed without running them.
 */
export function chromiumAvailable(suite: string): boolean {
  if (existsSync(chromiumPath)) return true;
  const why = `${suite}: SKIPPED — no Chromium at ${chromiumPath} (apt-get install -y --no-install-recommends chromium, or set CHROMIUM_PATH)`;
  if (process.env['CI'] === 'true') throw new Error(`${why}; CI must run the browser tests`);
  console.warn(`\n${'!'.repeat(100)}\n${why}\n${'!'.repeat(100)}\n`);
  return false;
}

/** A headless Chromium with a fresh profile; flags keep it off the network (closed networks refuse its own connections). */
export async function launchChromium(): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const profile = await mkdtemp(join(tmpdir(), 'truth-spine-chromium-'));
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
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
