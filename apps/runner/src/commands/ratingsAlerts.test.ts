import { readFile } from 'node:fs/promises';
import { rateCompanyQuality } from '@truth-spine/finance-core';
import {
  bundledDemoDir,
  loadConfig,
  prewarmRatingsStep,
  silentLogger,
} from '@truth-spine/orchestrator';
import { DatabaseAlertStore } from '@truth-spine/alerts';
import { loadBooks } from '@truth-spine/books';
import { schema } from '@truth-spine/store';
import { openTestDatabase, type TestDatabase } from '@truth-spine/store/testing';
import { OfflineReplaySource } from '@truth-spine/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';
import { alertsCommand } from './alerts.js';
import { dbTimeoutMs, recordingIo } from './dbTestSupport.js';
import { ratingsCommand } from './ratings.js';

const asOf = '2024-03-08';
const packId = `PK-${asOf}-v1`;
const market = new OfflineReplaySource(`${bundledDemoDir}/market`);

/** A pack of D straight from the bundled closes, rated by the real prewarm_ratings step. */
async function ratedDemoPack(t: TestDatabase): Promise<void> {
  await loadBooks(t.db, bundledDemoDir);
  const bars = (await market.groupedDaily(asOf)).bars;
  const provenance = {
    provider: 'offline',
    fallbackUsed: false,
    carriedForward: false,
    sourceDate: asOf,
  };
  await t.db.drizzle.insert(schema.packs).values({
    id: packId,
    asOf,
    version: 1,
    sha256: packId,
    priceCount: bars.length,
    fxCount: 0,
    macroCount: 0,
  });
  await t.db.drizzle.insert(schema.packPrices).values(
    bars.map((b) => ({
      packId,
      symbol: b.symbol,
      close: b.close,
      currency: 'USD',
      ...provenance,
    })),
  );
  const body = prewarmRatingsStep({
    config: loadConfig({}, process.cwd()),
    market,
    fallback: null,
    ledgerDir: `${bundledDemoDir}/ledgers`,
    logger: silentLogger,
  });
  await body({
    runId: 'run-1',
    asOf,
    trigger: 'manual',
    step: 'prewarm_ratings',
    packId,
    attempt: 1,
    signal: new AbortController().signal,
    db: t.db,
    logger: silentLogger,
    clock: { now: () => new Date() },
    outputs: {},
  });
}

describe('ratings and alerts commands (PGlite)', () => {
  let t: TestDatabase;
  let eventKey: string;
  beforeAll(async () => {
    t = await openTestDatabase('pglite', process.env, { onDisk: true });
    await ratedDemoPack(t);
    eventKey = 'a'.repeat(64);
    await new DatabaseAlertStore(t.db).insertEvent(
      {
        idempotencyKey: eventKey,
        ruleId: 'vol-high',
        kind: 'metric',
        severity: 'warning',
        scopeKey: 'P-USD-GROWTH',
        subject: 'portfolio P-USD-GROWTH',
        message: 'volatility.1Y of portfolio P-USD-GROWTH is 0.31, > 0.25',
        details: { value: 0.31 },
        asOf,
        packId,
        runId: null,
        episodeStart: asOf,
        firing: 1,
        channels: ['webhook'],
      },
      new Date('2024-03-08T23:20:00Z'),
    );
    await t.db.close();
  }, dbTimeoutMs);
  afterAll(async () => t?.dispose(), dbTimeoutMs);

  it(
    'ratings PACK_ID --json prints security and portfolio ratings with components and reasons',
    async () => {
      const io = recordingIo({ DATABASE_URL: t.url });
      expect(await runCli(['ratings', packId, '--json'], io, [ratingsCommand])).toBe(0);
      const out = JSON.parse(io.out()) as {
        pack_id: string;
        as_of: string;
        securities: {
          subject_id: string;
          score: number | null;
          grade: string | null;
          reason: string | null;
          components: {
            components: Record<string, { value: number | null; reason: string }> | null;
          };
        }[];
        portfolios: { subject_id: string; coverage: number | null }[];
      };
      expect(out).toMatchObject({ pack_id: packId, as_of: asOf });
      const periods = (
        JSON.parse(await readFile(`${bundledDemoDir}/market/fundamentals/KO.json`, 'utf8')) as {
          periods: Parameters<typeof rateCompanyQuality>[0];
        }
      ).periods;
      // KO has current fundamentals (FY2023) and no split: rated on them as of D.
      const expected = rateCompanyQuality(periods, { kind: 'equity', asOf });
      expect(expected.value).not.toBeNull();
      const ko = out.securities.find((s) => s.subject_id === 'KO');
      expect(ko?.score).toBe(expected.value);
      expect(ko?.grade).toBe(expected.grade);
      expect(ko?.components.components?.['leverage']?.reason).toBe(
        expected.components?.leverage.reason,
      );
      // AAPL's latest fiscal year in the demo data is 2016: stale on D, null with why.
      expect(out.securities.find((s) => s.subject_id === 'AAPL')).toMatchObject({
        score: null,
        reason: `stale fundamentals: latest fiscal year 2016 is more than 2 years before ${asOf} (it ended 2016-09-24)`,
      });
      expect(out.securities.find((s) => s.subject_id === 'VTI')).toMatchObject({
        score: null,
        reason: 'not applicable: fund/ETF',
      });
      expect(out.portfolios.map((p) => p.subject_id)).toContain('P-USD-GROWTH');

      const text = recordingIo({ DATABASE_URL: t.url });
      expect(await runCli(['ratings', packId], text, [ratingsCommand])).toBe(0);
      expect(text.out()).toContain(`KO  ${expected.value?.toFixed(1)} ${expected.grade}`);
      expect(text.out()).toContain('AAPL  —  stale fundamentals: latest fiscal year 2016');
      expect(text.out()).toContain('VTI  —  not applicable: fund/ETF');

      const unknown = recordingIo({ DATABASE_URL: t.url });
      expect(await runCli(['ratings', 'PK-nope'], unknown, [ratingsCommand])).toBe(1);
      expect(unknown.err()).toBe('ratings: no pack with id PK-nope\n');
    },
    dbTimeoutMs,
  );

  it(
    'alerts list shows each event with its channel state; replay of an unknown letter is refused',
    async () => {
      const json = recordingIo({ DATABASE_URL: t.url });
      expect(await runCli(['alerts', 'list', '--json'], json, [alertsCommand])).toBe(0);
      const { alerts } = JSON.parse(json.out()) as {
        alerts: {
          event: { idempotencyKey: string };
          channels: { channel: string; status: string }[];
        }[];
      };
      expect(alerts).toEqual([
        expect.objectContaining({
          event: expect.objectContaining({ idempotencyKey: eventKey }),
          channels: [expect.objectContaining({ channel: 'webhook', status: 'pending' })],
        }),
      ]);
      const text = recordingIo({ DATABASE_URL: t.url });
      expect(await runCli(['alerts', 'list'], text, [alertsCommand])).toBe(0);
      expect(text.out()).toContain('vol-high');

      const replay = recordingIo({ DATABASE_URL: t.url });
      expect(await runCli(['alerts', 'replay', '999'], replay, [alertsCommand])).toBe(1);
      expect(replay.err()).toContain('dead letter 999');
      const bad = recordingIo({ DATABASE_URL: t.url, ALERT_WEBHOOK_URL: 'ftp://x' });
      expect(await runCli(['alerts', 'replay', '1'], bad, [alertsCommand])).toBe(64);
      expect(await runCli(['alerts', 'nope'], recordingIo({}), [alertsCommand])).toBe(64);
    },
    dbTimeoutMs,
  );
});
