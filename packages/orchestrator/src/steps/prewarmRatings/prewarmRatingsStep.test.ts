import { readFile } from 'node:fs/promises';
import { rateCompanyQuality } from '@truth-spine/finance-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBooks, parseCsv } from '@truth-spine/books';
import { bundledDemoDir } from '../../config/loadConfig.js';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '@truth-spine/store/testing';
import { prewarmRatingsStep } from './prewarmRatingsStep.js';
import { demoDependencies, insertDemoPack, stepContext } from './testing/demoPack.js';

const asOf = '2024-03-08';

interface RatingRecord {
  subject_kind: string;
  subject_id: string;
  score: number | null;
  reason: string | null;
  coverage: number | null;
  components: Record<string, unknown> | null;
}

/** Units held on `asOf` straight from a transactions CSV: buys and splits add, sells subtract. */
async function unitsFromCsv(portfolioId: string): Promise<Map<string, number>> {
  const text = await readFile(`${bundledDemoDir}/transactions/${portfolioId}.csv`, 'utf8');
  const table = parseCsv(text);
  const column = (name: string) => table.header.indexOf(name);
  const units = new Map<string, number>();
  for (const { fields } of table.records) {
    const sign = { buy: 1, split: 1, sell: -1 }[fields[column('type')]!];
    if (sign === undefined || fields[column('trade_date')]! > asOf) continue;
    const symbol = fields[column('symbol')]!;
    units.set(symbol, (units.get(symbol) ?? 0) + sign * Number(fields[column('quantity')]));
  }
  return units;
}

async function closeOn(symbol: string): Promise<number> {
  const text = await readFile(`${bundledDemoDir}/market/prices/${symbol}.csv`, 'utf8');
  const line = text.split('\n').find((l) => l.startsWith(`${asOf},`));
  return Number(line!.split(',')[4]);
}

describe.each(testDatabaseKinds())('prewarm_ratings on %s', (kind) => {
  let test: TestDatabase;
  let rows: RatingRecord[];
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    await loadBooks(test.db, bundledDemoDir);
    const packId = await insertDemoPack(test.db, 'pack-2024-03-08', asOf);
    const body = prewarmRatingsStep(demoDependencies());
    const ctx = stepContext(test.db, 'prewarm_ratings', { runId: 'run-1', asOf, packId });
    expect(await body(ctx)).toMatchObject({ status: 'succeeded' });
    // A re-run replaces the pack's rows with the same ones.
    await body(ctx);
    rows = await test.db.query<RatingRecord & Record<string, unknown>>(
      `select subject_kind, subject_id, score, reason, coverage, components from ratings
        where pack_id = $1 order by subject_kind, subject_id`,
      [packId],
    );
  }, 60_000);
  afterAll(async () => {
    await test?.dispose();
  });

  const row = (subjectKind: string, id: string) =>
    rows.find((r) => r.subject_kind === subjectKind && r.subject_id === id);

  it('rates an ETF as null with the reason "not applicable: fund/ETF"', () => {
    expect(row('security', 'VTI')).toMatchObject({
      score: null,
      reason: 'not applicable: fund/ETF',
      components: { kind: 'etf', components: null },
    });
  });

  it('scores a company exactly as rateCompanyQuality on its fundamentals file, with components and reasons', async () => {
    const file = JSON.parse(
      await readFile(`${bundledDemoDir}/market/fundamentals/KO.json`, 'utf8'),
    ) as { periods: Parameters<typeof rateCompanyQuality>[0] };
    const expected = rateCompanyQuality(file.periods, { kind: 'equity' });
    expect(expected.value).not.toBeNull();
    const ko = row('security', 'KO');
    expect(ko?.score).toBe(expected.value);
    expect(ko?.reason).toBeNull();
    expect(ko?.components).toMatchObject({ grade: expected.grade, summary: expected.reason });
    const margins = (
      ko?.components?.['components'] as Record<string, { value: number; reason: string }>
    )['margins'];
    expect(margins?.value).toBe(expected.components?.margins.value);
    expect(margins?.reason).toBe(expected.components?.margins.reason);
  });

  it('a company without fundamentals is null with a reason, never 0', () => {
    const brk = row('security', 'BRK-B');
    expect(brk?.score).toBeNull();
    expect(brk?.reason).toMatch(/too little data/);
  });

  it('does not rate on stale fundamentals: AAPL, MSFT and JPM last reported FY2015–2016', () => {
    // The demo's AAPL, MSFT and JPM files end with fiscal years 2016, 2016 and 2015; D is
    // 2024-03-08, more than two years later, so they are null with the reason.
    expect(row('security', 'AAPL')).toMatchObject({
      score: null,
      reason:
        'stale fundamentals: latest fiscal year 2016 is more than 2 years before 2024-03-08 (it ended 2016-09-24)',
    });
    expect(row('security', 'MSFT')?.reason).toMatch(
      /^stale fundamentals: latest fiscal year 2016 /,
    );
    expect(row('security', 'JPM')?.reason).toMatch(/^stale fundamentals: latest fiscal year 2015 /);
    // P-USD-GROWTH holds only those, BRK-B and SAP (no fundamentals) and VTI (an ETF).
    expect(row('portfolio', 'P-USD-GROWTH')).toMatchObject({ score: null, coverage: 0 });
  });

  it('weights a USD portfolio by market value on D and reports its coverage', async () => {
    const units = await unitsFromCsv('P-USD-INCOME');
    let total = 0;
    let rated = 0;
    let weighted = 0;
    for (const [symbol, n] of units) {
      if (n === 0) continue;
      const mv = n * (await closeOn(symbol));
      total += mv;
      const score = row('security', symbol)?.score;
      if (score === null || score === undefined) continue;
      rated += mv;
      weighted += mv * score;
    }
    const growth = row('portfolio', 'P-USD-INCOME');
    expect(rated).toBeGreaterThan(0);
    expect(rated).toBeLessThan(total); // AGG (ETF) is held
    expect(growth?.coverage).toBeCloseTo(rated / total, 10);
    expect(growth?.score).toBeCloseTo(weighted / rated, 10);
    expect(growth?.components).toMatchObject({ baseCurrency: 'USD', unpriced: [] });
  });

  it('rates every portfolio of the books, the EUR and GBP ones through the pack FX', () => {
    const portfolios = rows.filter((r) => r.subject_kind === 'portfolio');
    expect(portfolios.map((r) => r.subject_id)).toEqual([
      'P-EUR-GLOBAL',
      'P-GBP-UK',
      'P-USD-GROWTH',
      'P-USD-INCOME',
    ]);
    for (const p of portfolios) {
      expect(p.coverage === null || (p.coverage >= 0 && p.coverage <= 1)).toBe(true);
      expect((p.score === null) === (p.reason !== null)).toBe(true);
    }
    expect(row('portfolio', 'P-EUR-GLOBAL')?.components).toMatchObject({
      baseCurrency: 'EUR',
      unpriced: [],
    });
  });
});
