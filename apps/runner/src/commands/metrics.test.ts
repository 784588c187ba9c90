import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildPackStep,
  bundledDemoDir,
  computeDailyMetricsStep,
  loadBooks,
  loadConfig,
  openTestDatabase,
  prewarmFactorsStep,
  silentLogger,
  systemClock,
  testDatabaseKinds,
  type Database,
  type StepContext,
  type StepDependencies,
  type StepName,
  type TestDatabase,
} from '@truth-spine/orchestrator';
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
      const factors = (await run(['factors', packId], databases[0]!)).out;
      expect(factors).toMatch(new RegExp(`^regime  ${D}  `));
      expect(factors).toContain(`${P}  1Y  _model  `);
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
