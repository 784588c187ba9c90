import type { FxSeries, MarketDataSource } from '@truth-spine/providers';
import type { PackRow } from '../../pack/packRow.js';
import { addDays } from '../../pipeline/isoDate.js';
import type { StepBody, StepContext, StepOutcome } from '../../pipeline/stepBody.js';
import { fillMarketHistory } from '../marketHistory/fillMarketHistory.js';
import { sourcedCloses } from '../marketHistory/sourcedCloses.js';
import type { StepDependencies } from '../stepDependencies.js';
import { closeOnDate, type ObservedClose, type SplitOn } from './closeOnDate.js';
import { fxPairCandidates } from './fxPairCandidates.js';
import { DEFAULT_CALENDAR_SYMBOL, RISK_FREE_SERIES } from '../marketConventions.js';
import { packMacroSeries, packUniverse, type Conversion } from './packUniverse.js';
import { storePack } from './storePack.js';

/** Default CALENDAR_SYMBOL, MAX_CARRY_FORWARD_DAYS and MAX_MISSING_FRACTION. */
export const buildPackDefaults = {
  calendarSymbol: DEFAULT_CALENDAR_SYMBOL,
  maxCarryForwardDays: 5,
  maxMissingFraction: 0.02,
} as const;

/** Calendar days of D's look-back window (covers validation and carry-forward). */
const WINDOW_DAYS = 31;
/** History starts one year before the earliest inception (factor windows). */
const HISTORY_BUFFER_DAYS = 366;

/**
 * build_pack (step 1, src/steps/README.md): the snapshot for D. D is a trading day iff the calendar
 * symbol has a primary close on D, else `skipped`. Universe from the books
 * ({@link packUniverse}); closes from the primary completed by the fallback; each close
 * validated (split-aware) and carried forward (flagged) up to MAX_CARRY_FORWARD_DAYS
 * trading days; more than MAX_MISSING_FRACTION of required closes missing, or any FX
 * conversion without a rate, fails the step naming them. FX by {@link fxPairCandidates}
 * (direct pair, else inverse; no crosses), macro and risk-free series carried forward
 * from their last observation in the window. The history store is filled first
 * ({@link fillMarketHistory}). The pack is stored by {@link storePack} (same hash as the
 * latest version of D → reused).
 */
export function buildPackStep(deps: StepDependencies): StepBody {
  const calendarSymbol = deps.calendarSymbol ?? buildPackDefaults.calendarSymbol;
  const maxCarry = deps.maxCarryForwardDays ?? buildPackDefaults.maxCarryForwardDays;
  const maxMissing = deps.maxMissingFraction ?? buildPackDefaults.maxMissingFraction;
  return async (ctx): Promise<StepOutcome> => {
    const { asOf: d, signal } = ctx;
    const from = addDays(d, -WINDOW_DAYS);
    const [calendar] = await deps.market.dailyBars(
      { symbols: [calendarSymbol], from, to: d },
      signal,
    );
    const tradingDays = (calendar?.bars ?? []).map((b) => b.date);
    if (tradingDays.at(-1) !== d) {
      return {
        status: 'skipped',
        reason: `non-trading day: ${calendarSymbol} has no close on ${d}`,
        details: { calendar_symbol: calendarSymbol },
      };
    }

    const universe = await packUniverse(ctx.db, d, calendarSymbol);
    const symbols = [...universe.required, ...universe.optional];
    const closes = await sourcedCloses(
      deps.market,
      deps.fallback,
      { symbols, from, to: d },
      { expectedDates: [d], signal },
    );
    const splits = await deps.market.splits({ symbols, from, to: d }, signal);
    const pairs = await choosePairs(deps.market, universe.conversions, from, d, signal);
    const macro = await deps.market.macroSeries(
      { seriesIds: [...packMacroSeries, RISK_FREE_SERIES], from, to: d },
      signal,
    );

    const rows: PackRow[] = [];
    const missing: string[] = [];
    const notRequired: string[] = [];
    for (const series of closes) {
      const currency = universe.currencyOf.get(series.symbol);
      const splitsOf: SplitOn[] = splits.filter((s) => s.symbol === series.symbol);
      const observed: ObservedClose[] = series.bars.map((b) => ({
        date: b.date,
        close: b.close,
        provider: b.provider,
        fallbackUsed: b.fallback_used,
      }));
      const value = closeOnDate(observed, d, splitsOf, tradingDays, maxCarry);
      const isRequired = universe.required.includes(series.symbol);
      if (value.kind === 'missing' || currency === undefined) {
        const why =
          currency === undefined
            ? 'no currency in securities'
            : value.kind === 'missing'
              ? value.reason
              : '';
        if (isRequired) missing.push(`${series.symbol}: ${why}`);
        else notRequired.push(`${series.symbol}: not required, no source (${why})`);
        continue;
      }
      rows.push(valueRow('price', series.symbol, d, value.close, currency, value));
    }
    const fxMissing: string[] = [];
    for (const conversion of universe.conversions) {
      const series = pairs.get(`${conversion.currency}${conversion.base}`);
      const observed = (series?.rates ?? []).map((r) => ({
        date: r.date,
        close: r.rate,
        provider: series?.provider ?? '',
        fallbackUsed: false,
      }));
      const value = closeOnDate(observed, d, [], tradingDays, maxCarry);
      if (series === undefined || value.kind === 'missing') {
        fxMissing.push(
          `${conversion.currency}→${conversion.base}: ${series === undefined ? 'no pair in the source' : value.kind === 'missing' ? value.reason : ''}`,
        );
        continue;
      }
      if (!rows.some((r) => r.kind === 'fx' && r.key === series.pair))
        rows.push(valueRow('fx', series.pair, d, value.close, null, value));
    }
    const macroMissing: string[] = [];
    for (const series of macro) {
      const last = series.observations.findLast((o) => o.value !== null && o.date <= d);
      if (last?.value == null) {
        macroMissing.push(series.series_id);
        continue;
      }
      rows.push({
        kind: 'macro',
        key: series.series_id,
        date: d,
        value: last.value,
        currency: null,
        provider: series.provider,
        fallbackUsed: false,
        carriedForwardFrom: last.date === d ? null : last.date,
      });
    }

    const requiredCount = universe.required.length;
    if (fxMissing.length > 0 || missing.length > maxMissing * requiredCount) {
      return {
        status: 'failed',
        error:
          `build_pack ${d}: ` +
          [
            missing.length > 0 &&
              `${missing.length} of ${requiredCount} required closes missing (limit ${maxMissing * 100}%): ${missing.join('; ')}`,
            fxMissing.length > 0 && `FX without a rate: ${fxMissing.join('; ')}`,
          ]
            .filter(Boolean)
            .join('; '),
        details: { missing, fx_missing: fxMissing },
      };
    }

    const historyFrom = addDays(universe.earliestInception ?? d, -HISTORY_BUFFER_DAYS);
    const filled = await fillMarketHistory(
      ctx.db,
      deps.market,
      deps.fallback,
      {
        from: historyFrom,
        to: d,
        symbols: universe.historySymbols,
        currencyOf: universe.currencyOf,
        pairs: [...new Set([...pairs.values()].map((s) => s.pair))].sort(),
        series: [...packMacroSeries, RISK_FREE_SERIES],
      },
      signal,
    );
    const stored = await storePack(ctx.db, d, rows);
    ctx.logger.info({ pack_id: stored.packId, reused: stored.reused }, 'build_pack stored');
    return {
      status: 'succeeded',
      packId: stored.packId,
      details: {
        pack_id: stored.packId,
        version: stored.version,
        hash: stored.sha256,
        reused: stored.reused,
        superseded: stored.superseded,
        prices: rows.filter((r) => r.kind === 'price').length,
        fx: rows.filter((r) => r.kind === 'fx').length,
        macro: rows.filter((r) => r.kind === 'macro').length,
        required_closes: requiredCount,
        carried_forward: rows.filter((r) => r.carriedForwardFrom !== null).length,
        fallback_used: rows.filter((r) => r.fallbackUsed).length,
        missing,
        not_required: notRequired,
        macro_missing: macroMissing,
        history_appended: { closes: filled.closes, fx: filled.fx, macro: filled.macro },
      },
    };
  };
}

function valueRow(
  kind: 'price' | 'fx',
  key: string,
  date: string,
  value: string,
  currency: string | null,
  source: { provider: string; fallbackUsed: boolean; sourceDate: string },
): PackRow {
  return {
    kind,
    key,
    date,
    value,
    currency,
    provider: source.provider,
    fallbackUsed: source.fallbackUsed,
    carriedForwardFrom: source.sourceDate === date ? null : source.sourceDate,
  };
}

/**
 * For each conversion, the first of {@link fxPairCandidates} with rates in the window,
 * keyed `<currency><base>`; a conversion with neither pair is absent.
 */
async function choosePairs(
  market: MarketDataSource,
  conversions: readonly Conversion[],
  from: string,
  to: string,
  signal: StepContext['signal'],
): Promise<Map<string, FxSeries>> {
  const candidates = [
    ...new Set(conversions.flatMap((c) => fxPairCandidates(c.currency, c.base))),
  ].sort();
  const series = await market.fxRates({ pairs: candidates, from, to }, signal);
  const withRates = new Map(series.filter((s) => s.rates.length > 0).map((s) => [s.pair, s]));
  const chosen = new Map<string, FxSeries>();
  for (const c of conversions) {
    const found = fxPairCandidates(c.currency, c.base)
      .map((p) => withRates.get(p))
      .find((s) => s !== undefined);
    if (found !== undefined) chosen.set(`${c.currency}${c.base}`, found);
  }
  return chosen;
}
