import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scaleKey, validateScaleParams, type ScaleParams } from './scaleParams.js';
import { portfolioId, syntheticPortfolio, type PortfolioEntry } from './syntheticPortfolio.js';
import { syntheticMarket } from './syntheticMarket.js';
import { writeScaleMarket } from './writeScaleMarket.js';

/** A generated data set on disk. */
export interface ScaleDataSet {
  readonly dir: string;
  /** Offline replay data (`OFFLINE_DATA_DIR`). */
  readonly marketDir: string;
  /** Books (docs/DATA-FORMATS.md#books): portfolios.json, securities.csv, transactions/<ID>.csv. */
  readonly booksDir: string;
  /** One Beancount ledger per portfolio (`LEDGER_DIR`). */
  readonly ledgerDir: string;
  readonly params: ScaleParams;
  readonly transactions: number;
  /** Portfolio ids whose ledger has one injected cash break. */
  readonly brokenPortfolios: readonly string[];
  /** The last trading day of the data (the steady-state night D). */
  readonly lastDay: string;
  /** The trading day before it (night D − 1). */
  readonly previousDay: string;
  /** True when an existing complete set with the same parameters was reused. */
  readonly reused: boolean;
  readonly seconds: number;
}

/** What `scale.json` (written last, so its presence means complete) records. */
interface ScaleManifest {
  readonly params: ScaleParams;
  readonly transactions: number;
  readonly brokenPortfolios: readonly string[];
  readonly lastDay: string;
  readonly previousDay: string;
}

const manifestFile = 'scale.json';
const partialMarker = '.generating';

/** Where generated sets are cached: BENCH_CACHE_DIR, else `<cwd>/.bench-cache` (git-ignored). */
export function scaleCacheRoot(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string {
  return resolve(cwd, env['BENCH_CACHE_DIR'] ?? '.bench-cache');
}

/** The cached set of `params` under `root`, generated if absent (see {@link generateScaleDataSet}). */
export function cachedScaleDataSet(params: ScaleParams, root: string): ScaleDataSet {
  return generateScaleDataSet(params, join(root, scaleKey(params)));
}

/**
 * Generates the data set of `params` into `out` — market/ (offline replay format), books/
 * and ledgers/ — or reuses it when `out/scale.json` records the same parameters.
 * Portfolios are generated and written one at a time (memory stays flat in N). Output is
 * a pure function of the parameters: same parameters → same bytes. A directory holding
 * anything but a previous (complete or interrupted) generation is refused, never cleared.
 */
export function generateScaleDataSet(input: ScaleParams, out: string): ScaleDataSet {
  const params = validateScaleParams(input);
  const started = performance.now();
  const done = (manifest: ScaleManifest, reused: boolean): ScaleDataSet => ({
    dir: out,
    marketDir: join(out, 'market'),
    booksDir: join(out, 'books'),
    ledgerDir: join(out, 'ledgers'),
    params,
    transactions: manifest.transactions,
    brokenPortfolios: manifest.brokenPortfolios,
    lastDay: manifest.lastDay,
    previousDay: manifest.previousDay,
    reused,
    seconds: (performance.now() - started) / 1000,
  });
  if (existsSync(join(out, manifestFile))) {
    const manifest = JSON.parse(readFileSync(join(out, manifestFile), 'utf8')) as ScaleManifest;
    if (JSON.stringify(manifest.params) === JSON.stringify(params)) return done(manifest, true);
    throw new Error(
      `${out} holds a data set generated with other parameters (${join(out, manifestFile)}); choose another --out`,
    );
  }
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(join(out, partialMarker)))
      throw new Error(`${out} is not empty and is not a generated data set; choose another --out`);
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, partialMarker), 'generation in progress or interrupted\n');

  const market = syntheticMarket(params);
  writeScaleMarket(join(out, 'market'), market, params);
  const books = join(out, 'books');
  mkdirSync(join(books, 'transactions'), { recursive: true });
  mkdirSync(join(out, 'ledgers'), { recursive: true });
  const securities = ['symbol,name,currency,kind,country,adr_ratio,underlying,underlying_currency'];
  for (const s of market.securities)
    securities.push(`${s.symbol},${s.name},${s.currency},${s.kind},${s.country ?? ''},,,`);
  writeFileSync(join(books, 'securities.csv'), `${securities.join('\n')}\n`);

  const broken = new Set<number>();
  for (let j = 0; j < params.breaks; j++)
    broken.add(Math.floor((j * params.portfolios) / params.breaks));
  const entries: PortfolioEntry[] = [];
  let transactions = 0;
  for (let i = 0; i < params.portfolios; i++) {
    const p = syntheticPortfolio(market, params, i, broken.has(i));
    entries.push(p.entry);
    transactions += p.transactions;
    writeFileSync(join(books, 'transactions', `${p.entry.id}.csv`), p.booksCsv);
    writeFileSync(join(out, 'ledgers', `${p.entry.id}.beancount`), p.ledger);
  }
  writeFileSync(
    join(books, 'portfolios.json'),
    `${JSON.stringify({ portfolios: entries }, null, 1)}\n`,
  );
  const manifest: ScaleManifest = {
    params,
    transactions,
    brokenPortfolios: [...broken].sort((a, b) => a - b).map(portfolioId),
    lastDay: market.days.at(-1) as string,
    previousDay: market.days.at(-2) as string,
  };
  writeFileSync(join(out, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(join(out, partialMarker));
  return done(manifest, false);
}
