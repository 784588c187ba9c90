import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Big from 'big.js';
import type { PackMetricsExport } from '@truth-spine/orchestrator';
import type { Database } from '@truth-spine/store';
import { afterAll, describe, expect, it } from 'vitest';
import { openBenchDatabase } from '../scale/benchDatabase.js';
import { generateScaleDataSet, type ScaleDataSet } from '../scale/generateScaleDataSet.js';
import { loadScaleBooks } from '../scale/loadScaleBooks.js';
import type { ScaleParams } from '../scale/scaleParams.js';
import { runMeasuredNight, scaleStepBodies, type MeasuredNight } from '../scale/scaleNight.js';
import { bookBackdatedDeposit, type BackdatedDeposit } from './backdatedDeposit.js';
import { editLedgerCosmetically } from './cosmeticLedgerEdit.js';
import { firstDifference } from './firstDifference.js';
import { packExports, type ExportFiles } from './nightExports.js';
import { tradingDaysOf } from './tradingDaysOf.js';

const params: ScaleParams = {
  portfolios: 6,
  holdings: 8,
  securities: 40,
  years: 2,
  currencies: ['USD', 'EUR', 'GBP'],
  seed: 7,
  breaks: 0,
};
const nightCount = 20;
/** Night (1-based) before which the back-dated deposit is booked, and how far back it is dated. */
const depositNight = 8;
const depositTradingDaysBack = 30;
/** Night before which another portfolio's ledger is edited without changing a balance. */
const ledgerEditNight = 13;
const depositPortfolio = 'P000001'; // base USD (portfolio index 0)
const editedPortfolio = 'P000002';

const root = mkdtempSync(join(tmpdir(), 'bench-nights-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs `asOf` on `db` and fails the test, naming the night and step errors, unless it succeeds. */
async function succeedingNight(
  db: Database,
  set: ScaleDataSet,
  asOf: string,
  bodies = scaleStepBodies(set),
) {
  const night = await runMeasuredNight(db, bodies, set, asOf);
  const errors = night.steps.filter((s) => s.error !== null).map((s) => `${s.name}: ${s.error}`);
  expect({ asOf, status: night.status, errors }).toEqual({ asOf, status: 'succeeded', errors: [] });
  return night as MeasuredNight & { packId: string };
}

/** compute_daily_metrics' count of portfolios whose series was extended instead of recomputed. */
function extendedIncrementally(night: MeasuredNight): number {
  const step = night.steps.find((s) => s.name === 'compute_daily_metrics');
  return (step?.details as { extended_incrementally: number }).extended_incrementally;
}

async function packSha256(db: Database, packId: string): Promise<string> {
  const rows = await db.query<{ sha256: string }>('select sha256 from packs where id = $1', [
    packId,
  ]);
  return rows[0]!.sha256;
}

/** The ledger digest reconcile_ledger recorded for `portfolioId`, night by night. */
async function ledgerDigests(db: Database, portfolioId: string): Promise<Map<string, string>> {
  const rows = await db.query<{ as_of: string; ledger_digest: string }>(
    `select r.as_of::text as as_of, i.ledger_digest from reconciled_inputs i
       join runs r on r.id = i.run_id where i.portfolio_id = $1 order by r.as_of`,
    [portfolioId],
  );
  return new Map(rows.map((r) => [r.as_of, r.ledger_digest]));
}

/** Valuation and metric rows of one portfolio in a metrics export. */
function rowsOf(exported: PackMetricsExport, portfolioId: string) {
  return {
    valuation: exported.valuations.find((v) => v.portfolio_id === portfolioId)!,
    metrics: exported.metrics.filter((m) => m.portfolio_id === portfolioId),
  };
}

/** Every export of `actual` against `expected`: the first differing line of each, or null. */
function exportDifferences(expected: ExportFiles, actual: ExportFiles) {
  return Object.fromEntries(
    [...expected].map(([name, text]) => [name, firstDifference(text, actual.get(name) ?? '')]),
  );
}

describe('a store that ran twenty consecutive nights (6 portfolios, 2 years)', () => {
  it('ends with exactly the exports a fresh store computes for the last night, a back-dated deposit and a cosmetic ledger edit included', async () => {
    const pristine = generateScaleDataSet(params, join(root, 'pristine'));
    cpSync(pristine.dir, join(root, 'work'), { recursive: true });
    const set = generateScaleDataSet(params, join(root, 'work')); // the copy, edited below
    expect(set.reused).toBe(true);

    const calendar = tradingDaysOf(set.marketDir, 'SPY');
    const nights = calendar.slice(-nightCount);
    expect(nights.at(-1)).toBe(set.lastDay);
    const depositDate =
      calendar[calendar.indexOf(nights[depositNight - 1]!) - depositTradingDaysBack]!;
    const deposit: BackdatedDeposit = {
      portfolioId: depositPortfolio,
      externalId: `${depositPortfolio}-LATE-0001`,
      date: depositDate,
      amount: '7500.00',
      currency: 'USD',
    };

    // One store, night after night.
    const lived = await openBenchDatabase(undefined);
    const bodies = scaleStepBodies(set);
    const ran: (MeasuredNight & { packId: string })[] = [];
    let livedExports: ExportFiles;
    let livedSha: string;
    let digests: Map<string, string>;
    let otherDigests: Map<string, string>;
    try {
      await loadScaleBooks(lived.db, set.booksDir);
      for (const [i, asOf] of nights.entries()) {
        if (i + 1 === depositNight) {
          expect(depositDate < nights[0]!).toBe(true); // history every earlier night computed
          await bookBackdatedDeposit(lived.db, set, deposit, set.lastDay);
        }
        if (i + 1 === ledgerEditNight)
          editLedgerCosmetically(join(set.ledgerDir, `${editedPortfolio}.beancount`));
        ran.push(await succeedingNight(lived.db, set, asOf, bodies));
      }
      const last = ran.at(-1)!;
      livedExports = await packExports(lived.db, last.packId);
      livedSha = await packSha256(lived.db, last.packId);
      digests = await ledgerDigests(lived.db, editedPortfolio);
      otherDigests = await ledgerDigests(lived.db, 'P000003');
    } finally {
      await lived.dispose();
    }

    // A fresh store from the final books and ledgers, only the last night.
    const fresh = await openBenchDatabase(undefined);
    let freshExports: ExportFiles;
    let freshSha: string;
    try {
      await loadScaleBooks(fresh.db, set.booksDir);
      const night = await succeedingNight(fresh.db, set, set.lastDay);
      expect(extendedIncrementally(night)).toBe(0);
      freshExports = await packExports(fresh.db, night.packId);
      freshSha = await packSha256(fresh.db, night.packId);
    } finally {
      await fresh.dispose();
    }
    expect([...livedExports.keys()]).toEqual(['metrics.json', 'factors.json', 'ratings.json']);
    expect(exportDifferences(freshExports, livedExports)).toEqual({
      'metrics.json': null,
      'factors.json': null,
      'ratings.json': null,
    });
    expect(livedSha).toBe(freshSha);

    // The incremental path really ran: every night extended every series from the night
    // before, except the first (nothing to extend) and the deposit's night, which
    // recomputed the one portfolio whose books before the previous day changed.
    expect(ran.map(extendedIncrementally)).toEqual(
      nights.map((_, i) =>
        i === 0 ? 0 : i + 1 === depositNight ? params.portfolios - 1 : params.portfolios,
      ),
    );
    // The ledger edit changed the edited ledger's fingerprint from its night on, no other.
    const digestOn = (n: number) => digests.get(nights[n - 1]!);
    expect(digestOn(ledgerEditNight)).not.toBe(digestOn(ledgerEditNight - 1));
    expect(digestOn(nightCount)).toBe(digestOn(ledgerEditNight));
    expect(new Set(otherDigests.values()).size).toBe(1);

    // Without the deposit (the untouched set, last night only) the deposit's portfolio has
    // exactly 7,500.00 USD less cash on D; every other portfolio, the edited ledger's
    // included, exports the very same rows.
    const control = await openBenchDatabase(undefined);
    let controlMetrics: PackMetricsExport;
    try {
      await loadScaleBooks(control.db, pristine.booksDir);
      const night = await succeedingNight(control.db, pristine, pristine.lastDay);
      controlMetrics = JSON.parse(
        (await packExports(control.db, night.packId)).get('metrics.json')!,
      );
    } finally {
      await control.dispose();
    }
    const livedMetrics = JSON.parse(livedExports.get('metrics.json')!) as PackMetricsExport;
    const withDeposit = rowsOf(livedMetrics, depositPortfolio);
    const without = rowsOf(controlMetrics, depositPortfolio);
    expect(
      new Big(withDeposit.valuation.cash_value).minus(without.valuation.cash_value).toFixed(),
    ).toBe('7500');
    expect(
      new Big(withDeposit.valuation.market_value).minus(without.valuation.market_value).toFixed(),
    ).toBe('7500');
    expect(withDeposit.valuation.securities_value).toBe(without.valuation.securities_value);
    const before = new Map(without.metrics.map((m) => [m.metric, JSON.stringify(m)]));
    const changed = withDeposit.metrics
      .filter((m) => JSON.stringify(m) !== before.get(m.metric))
      .map((m) => m.metric);
    expect(changed).toEqual(
      expect.arrayContaining(['series.books_fingerprint', 'mwr_xirr.inception.xirr']),
    );
    for (let i = 2; i <= params.portfolios; i++) {
      const id = `P${String(i).padStart(6, '0')}`;
      expect(rowsOf(livedMetrics, id), id).toEqual(rowsOf(controlMetrics, id));
    }
  }, 240_000);
});
