import { epochDayToIso } from '@truth-spine/finance-core';
import type { Database } from '@truth-spine/store';
import { FxRouteMissingError } from './fxRouteMissingError.js';
import { fxRoute } from './fxRoute.js';
import { readDatedSeries } from './readDatedSeries.js';
import { onCalendar } from './onCalendar.js';

/**
 * Conversion factors into `base` on `calendar`: for each currency, units of `base` per 1
 * unit of it per row, through {@link fxRoute} (direct, inverse, or cross via USD/EUR) over
 * the pairs in market_fx, each pair carried forward across calendar rows without a fixing
 * (ECB publishes only on its working days). Rows before a pair's first fixing are NaN.
 * Throws {@link FxRouteMissingError} when a currency cannot reach `base`.
 *
 * @example (await readFxToBase(db, ['EUR'], 'USD', calendar)).get('EUR') // EURUSD per row
 */
export async function readFxToBase(
  db: Database,
  currencies: readonly string[],
  base: string,
  calendar: Int32Array,
): Promise<Map<string, Float64Array>> {
  const out = new Map<string, Float64Array>();
  if (calendar.length === 0) return out;
  const byPair = await readDatedSeries(
    db,
    { table: 'market_fx', key: 'base || quote', value: 'rate' },
    null,
    epochDayToIso(calendar[calendar.length - 1]!),
  );
  const aligned = new Map<string, Float64Array>();
  const pairSeries = (key: string): Float64Array => {
    let series = aligned.get(key);
    if (series === undefined) {
      const entry = byPair.get(key)!;
      series = onCalendar(calendar, entry.dates, entry.values, 'carryForward');
      aligned.set(key, series);
    }
    return series;
  };
  const pairs = new Set(byPair.keys());
  for (const currency of new Set(currencies)) {
    const route = fxRoute(pairs, currency, base);
    if (route === null) throw new FxRouteMissingError(currency, base);
    const factor = new Float64Array(calendar.length).fill(1);
    for (const leg of route) {
      const rates = pairSeries(leg.base + leg.quote);
      for (let i = 0; i < factor.length; i++) {
        factor[i] = leg.invert ? factor[i]! / rates[i]! : factor[i]! * rates[i]!;
      }
    }
    out.set(currency, factor);
  }
  return out;
}
