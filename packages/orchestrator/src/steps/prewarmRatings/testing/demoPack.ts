import { OfflineReplaySource } from '@truth-spine/providers';
import { bundledDemoDir, loadConfig } from '../../../config/loadConfig.js';
import type { Database } from '@truth-spine/store';
import { packFx, packPrices, packs } from '@truth-spine/store/schema';
import { silentLogger } from '../../../pipeline/logger.js';
import type { StepContext } from '../../../pipeline/stepBody.js';
import type { StepName } from '../../../pipeline/steps.js';
import type { StepDependencies } from '../../stepDependencies.js';

/** The bundled data set's market data (the offline format, docs/DATA-FORMATS.md#market-data), read by tests as the providers. */
export const demoMarket = new OfflineReplaySource(`${bundledDemoDir}/market`);

/**
 * Test helper: writes pack `id` for `asOf` straight from the bundled market data — every
 * symbol's close on `asOf` (all bundled securities trade in USD, securities.csv) and the EURUSD/GBPUSD/EURGBP rates of that day — as build_pack
 * would (provider offline, nothing carried forward). Returns the pack id.
 */
export async function insertDemoPack(db: Database, id: string, asOf: string): Promise<string> {
  const closes = (await demoMarket.groupedDaily(asOf)).bars;
  const fx = (
    await demoMarket.fxRates({ pairs: ['EURUSD', 'GBPUSD', 'EURGBP'], from: asOf, to: asOf })
  ).flatMap((series) => series.rates.map((r) => ({ ...series, rate: r.rate })));
  const version = (await db.query(`select 1 from packs where as_of = $1`, [asOf])).length + 1;
  await db.drizzle.insert(packs).values({
    id,
    asOf,
    version,
    sha256: id,
    priceCount: closes.length,
    fxCount: fx.length,
    macroCount: 0,
  });
  const provenance = {
    provider: 'offline',
    fallbackUsed: false,
    carriedForward: false,
    sourceDate: asOf,
  };
  await db.drizzle.insert(packPrices).values(
    closes.map((bar) => ({
      packId: id,
      symbol: bar.symbol,
      close: bar.close,
      currency: 'USD',
      ...provenance,
    })),
  );
  await db.drizzle
    .insert(packFx)
    .values(
      fx.map((r) => ({ packId: id, base: r.base, quote: r.quote, rate: r.rate, ...provenance })),
    );
  return id;
}

/** Test helper: step dependencies on the bundled data (no fallback, silent logger). */
export function demoDependencies(extra: Partial<StepDependencies> = {}): StepDependencies {
  return {
    config: loadConfig({}, process.cwd()),
    market: demoMarket,
    fallback: null,
    ledgerDir: `${bundledDemoDir}/ledgers`,
    booksDir: bundledDemoDir,
    logger: silentLogger,
    ...extra,
  };
}

/** Test helper: the context of `step` of run `runId` for pack `packId` of `asOf`. */
export function stepContext(
  db: Database,
  step: StepName,
  fields: { runId: string; asOf: string; packId: string | null; now?: Date },
): StepContext {
  return {
    runId: fields.runId,
    asOf: fields.asOf,
    trigger: 'manual',
    step,
    packId: fields.packId,
    attempt: 1,
    signal: new AbortController().signal,
    db,
    logger: silentLogger,
    clock: { now: () => fields.now ?? new Date() },
    outputs: {},
  };
}
