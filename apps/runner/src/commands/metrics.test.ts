import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildPackStep,
  bundledDemoDir,
  computeDailyMetricsStep,
  loadConfig,
  prewarmFactorsStep,
  silentLogger,
  systemClock,
  type StepContext,
  type StepDependencies,
  type StepName,
} from '@truth-spine/orchestrator';
import { loadBooks } from '@truth-spine/books';
import { type Database } from '@truth-spine/store';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { OfflineReplaySource } from '@truth-spine/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';
import { dbTimeoutMs, recordingIo } from './dbTestSupport.js';
import { factorsCommand } from './factors.js';
import { metricsCommand } from './metrics.js';

const D = '2024-03-08';
const P = 'P-GBP-UK';

/** A books directory holding only P from the bundled demo data (built at test time). */
async function oneBookDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'truth-spine-metrics-books-'));
  const all = JSON.parse(await readFile(join(bundledDemoDir, 'portfolios.json'), 'utf8')) as {
    portfolios: { id: string }[];
  };
  await writeFile(
    join(dir, 'portfolios.json'),
    JSON.stringify({ portfolios: all.portfolios.filter((p) => p.id === P) }),
  );
  await cp(join(bundledDemoDir, 'securities.csv'), join(dir, 'securities.csv'));
  await mkdir(join(dir, 'transactions'));
  await cp(join(bundledDemoDir, 'transactions', `${P}.csv`), join(dir, 'transactions', `${P}.csv`));
  return dir;
}

/** build_pack, compute_daily_metrics and prewarm_factors of D on a fresh database. */
async function computeNight(db: Database, booksDir: string): Promise<string> {
  await loadBooks(db, booksDir);
  const marketDir = join(bundledDemoDir, 'market');
  const deps: StepDependencies = {
    config: loadConfig({ BOOKS_DIR: booksDir, OFFLINE_DATA_DIR: marketDir }, '/'),
    market: new OfflineReplaySource(marketDir),
    fallback: null,
    ledgerDir: join(bundledDemoDir, 'ledgers'),
    logger: silentLogger,
  };
  const context = (step: StepName, packId: string | null): StepContext => ({
    runId: 'metrics-command-test',
    asOf: D,
    trigger: 'manual',
    step,
    packId,
    attempt: 1,
    signal: new AbortController().signal,
    db,
    logger: silentLogger,
    clock: systemClock,
    outputs: {},
  });
  const pack = await buildPackStep(deps)(context('build_pack', null));
  if (pack.status !== 'succeeded' || pack.packId === undefined) throw new Error('no pack');
  for (const [step, body] of [
    ['compute_daily_metrics', computeDailyMetricsStep(deps)],
    ['prewarm_factors', prewarmFactorsStep(deps)],
  ] as const) {
    const outcome = await body(context(step, pack.packId));
    if (outcome.status !== 'succeeded') throw new Error(`${step}: ${JSON.stringify(outcome)}`);
  }
  return pack.packId;
}

describe.each(testDatabaseKinds())('metrics and factors exports on %s', (kind) => {
  const databases: TestDatabase[] = [];
  let booksDir: string;
  let packId: string;
  beforeAll(async () => {
    booksDir = await oneBookDir();
    for (let i = 0; i < 2; i++) {
      const t = await openTestDatabase(kind, process.env, { onDisk: true });
      databases.push(t);
      packId = await computeNight(t.db, booksDir);
      await t.db.close();
    }
  }, dbTimeoutMs);
  afterAll(async () => {
    for (const t of databases) await t.dispose();
    await rm(booksDir, { recursive: true, force: true });
  }, dbTimeoutMs);

  const run = async (args: string[], t: TestDatabase) => {
    const io = recordingIo({ DATABASE_URL: t.url });
    const code = await runCli(args, io, [metricsCommand, factorsCommand]);
    return { code, out: io.out(), err: io.err() };
  };

  it(
    'prints byte-identical exports from two fresh databases, JSON and text',
    async () => {
      for (const args of [
        ['metrics', packId, '--json'],
        ['metrics', packId],
        ['factors', packId, '--json'],
        ['factors', packId],
      ]) {
        const [first, second] = [await run(args, databases[0]!), await run(args, databases[1]!)];
        expect(first.code, args.join(' ')).toBe(0);
        expect(second.out, args.join(' ')).toBe(first.out);
      }
    },
    dbTimeoutMs,
  );

  it(
    'exports every stored metric sorted, with the named metrics and a regime',
    async () => {
      const metrics = JSON.parse((await run(['metrics', packId, '--json'], databases[0]!)).out) as {
        pack_id: string;
        valuations: { portfolio_id: string; base_currency: string }[];
        metrics: { metric: string; value: number | null; reason: string | null }[];
      };
      expect(metrics.pack_id).toBe(packId);
      expect(metrics.valuations).toMatchObject([{ portfolio_id: P, base_currency: 'GBP' }]);
      const names = metrics.metrics.map((m) => m.metric);
      expect(names).toEqual([...names].sort());
      for (const name of ['twr.YTD.cumulative', 'volatility.1Y', 'sharpe.30d', 'capm.1Y.beta']) {
        expect(typeof metrics.metrics.find((m) => m.metric === name)?.value, name).toBe('number');
      }
      for (const m of metrics.metrics)
        expect((m.value === null) !== (m.reason === null)).toBe(true);
      // Text is for people: money to the pence, statistics to 6 significant digits, aligned;
      // JSON keeps the exact decimal and the full double.
      const text = (await run(['metrics', packId], databases[0]!)).out.split('\n');
      const valuation = metrics.valuations[0] as unknown as Record<string, string>;
      // Half up to 2 decimals by hand on the digits (the values here are positive).
      const pence = (x: string) => {
        const [whole = '', fraction = ''] = x.split('.');
        const cents =
          BigInt(whole + fraction.padEnd(2, '0').slice(0, 2)) +
          (fraction[2] !== undefined && fraction[2] >= '5' ? 1n : 0n);
        const digits = cents.toString().padStart(3, '0');
        return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
      };
      expect(valuation['market_value']).toMatch(/^\d+\.\d{3,}$/); // more than the pence
      const line = text.find((l) => l.includes(' valuation '));
      const cells = line?.split(/\s+/) ?? [];
      expect(cells[5]?.replace(/,/g, '')).toBe(pence(valuation['market_value'] ?? ''));
      expect(cells[9]?.replace(/,/g, '')).toBe(pence(valuation['cash_value'] ?? ''));
      const beta = metrics.metrics.find((m) => m.metric === 'capm.1Y.beta')?.value as number;
      const betaLine = text.find((l) => l.split(/\s+/)[1] === 'capm.1Y.beta');
      expect(Number(betaLine?.split(/\s+/)[2])).toBeCloseTo(beta, 5);
      expect(betaLine?.split(/\s+/)[2]?.replace(/^-?0\./, '').length).toBeLessThanOrEqual(6);
      const numeric = text.filter((l) => / -?\d[\d.e+-]*$/.test(l) && !l.includes(' valuation '));
      expect(numeric.length).toBeGreaterThan(10);
      expect(new Set(numeric.map((l) => l.length)).size).toBe(1); // values right-aligned in one column
      const factors = (await run(['factors', packId], databases[0]!)).out;
      expect(factors).toMatch(new RegExp(`^regime  ${D}  `));
      expect(factors).toMatch(new RegExp(`^${P}  1Y +_model +loading +(null|-?\\d)`, 'm'));
      const loadings = factors.split('\n').filter((l) => l.includes(' loading '));
      expect(loadings.length).toBeGreaterThan(0);
      // Figures right-aligned: every " se " label starts in the same column.
      expect(new Set(loadings.map((l) => l.indexOf(' se '))).size).toBe(1);
    },
    dbTimeoutMs,
  );

  it(
    'an unknown pack is a missing record (exit 1, said once); a missing argument is bad usage (64)',
    async () => {
      const missing = await run(['metrics', 'pack-none'], databases[0]!);
      expect(missing.code).toBe(1);
      expect(missing.err).toBe('metrics: no pack pack-none (runner status shows the latest)\n');
      expect((await run(['factors'], databases[0]!)).code).toBe(64);
    },
    dbTimeoutMs,
  );
});
