import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAlertSettings } from '../../config/alertSettings/alertSettings.js';
import { loadBooks } from '@truth-spine/books';
import { bundledDemoDir } from '../../config/loadConfig.js';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '@truth-spine/store/testing';
import {
  demoDependencies,
  insertDemoPack,
  stepContext,
} from '../prewarmRatings/testing/demoPack.js';
import { evaluateAlertsStep } from './evaluateAlertsStep.js';

/** The last two nights of the bundled data set; both have bundled (sample) news. */
const nights = ['2024-03-07', '2024-03-08'] as const;
/** What P-USD-GROWTH holds on those nights (its books). */
const held = ['AAPL', 'BRK-B', 'JPM', 'MSFT', 'SAP', 'VTI'];

interface BundledArticle {
  symbols: string[];
  title: string;
  url: string;
  published_at: string;
  source: string;
}

async function bundledNews(date: string): Promise<BundledArticle[]> {
  const text = await readFile(`${bundledDemoDir}/market/news/${date}.json`, 'utf8');
  return (JSON.parse(text) as { articles: BundledArticle[] }).articles;
}

describe.each(testDatabaseKinds())('news alerts from the bundled offline news on %s', (kind) => {
  let test: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'news-alerts-'));
    await loadBooks(test.db, bundledDemoDir);
    for (const asOf of nights) await insertDemoPack(test.db, `pack-${asOf}`, asOf);
    await writeFile(
      join(dir, 'alerts.json'),
      JSON.stringify({
        rules: [
          {
            id: 'growth-news',
            kind: 'news',
            scope: 'P-USD-GROWTH',
            severity: 'info',
            channels: ['outbox'],
            cooldown: '7d',
          },
        ],
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await test?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  async function runNight(asOf: string) {
    const deps = demoDependencies({
      alertSettings: readAlertSettings({
        ALERT_RULES: join(dir, 'alerts.json'),
        ALERT_OUTBOX: join(dir, 'outbox.jsonl'),
      }),
      alertConsole: { write: () => undefined },
    });
    return evaluateAlertsStep(deps)(
      stepContext(test.db, 'evaluate_alerts', {
        runId: `run-${asOf}`,
        asOf,
        packId: `pack-${asOf}`,
        now: new Date(`${asOf}T23:20:00Z`),
      }),
    );
  }

  it('fires once per held security with the article title and url; the next night, inside the cooldown, does not re-fire', async () => {
    expect(await runNight(nights[0])).toMatchObject({
      status: 'succeeded',
      details: { news_gathered: true, fired: held.length, delivered: held.length },
    });
    const lines = (await readFile(join(dir, 'outbox.jsonl'), 'utf8')).trim().split('\n');
    const events = lines.map(
      (line) =>
        JSON.parse(line) as {
          kind: string;
          scopeKey: string;
          asOf: string;
          message: string;
          details: { symbol: string; items: { title: string; url: string }[] };
        },
    );
    expect(events.map((e) => e.scopeKey).sort()).toEqual(held);
    const articles = await bundledNews(nights[0]);
    for (const event of events) {
      const article = articles.find((a) => a.symbols.includes(event.scopeKey));
      expect(article).toBeDefined();
      expect(event).toMatchObject({ kind: 'news', asOf: nights[0] });
      expect(event.details.items).toEqual([
        {
          id: article!.url,
          title: article!.title,
          url: article!.url,
          publishedAt: article!.published_at,
          source: article!.source,
        },
      ]);
      expect(event.message).toContain(article!.title);
    }
    expect(events.find((e) => e.scopeKey === 'AAPL')?.details.items[0]?.title).toMatch(
      /^Apple Inc\. \(AAPL\) closes at \d+\.\d\d USD on 2024-03-07/,
    );

    // the demo night: news about the same securities again, 1 day later — inside the 7-day
    // cooldown, so nothing fires and the outbox keeps its lines
    expect((await bundledNews(nights[1])).length).toBeGreaterThan(0);
    expect(await runNight(nights[1])).toMatchObject({
      status: 'succeeded',
      details: { news_gathered: true, fired: 0, delivered: 0 },
    });
    expect((await readFile(join(dir, 'outbox.jsonl'), 'utf8')).trim().split('\n')).toEqual(lines);
  });
});
