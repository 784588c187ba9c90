import { Decimal } from '../core/decimal.js';
import type { Inventory } from '../core/inventory.js';
import type { Posting } from '../core/types.js';
import type { LedgerOptions } from '../parser/options.js';

const MAXIMUM_TOLERANCE = Decimal.parse('0.5');
/** Beancount only quantizes with tolerances whose doubled value has few digits. */
const MAX_TOLERANCE_DIGITS = 5;

/** Per-currency tolerances of one transaction; `fallback` applies to other currencies. */
export interface Tolerances {
  readonly byCurrency: ReadonlyMap<string, Decimal>;
  readonly fallback: Decimal;
}

/** A posting's units and cost/price, enough to infer tolerances before booking is done. */
export interface TolerancePosting {
  readonly number: Decimal | null;
  readonly currency: string | null;
  readonly costNumbers: readonly Decimal[];
  readonly costCurrency: string | null;
  readonly price: { readonly number: Decimal; readonly currency: string } | null;
  readonly automatic: boolean;
}

/** Adapts a booked posting for {@link inferTolerances}. */
export function tolerancePosting(p: Posting): TolerancePosting {
  return {
    number: p.units.number,
    currency: p.units.currency,
    costNumbers: p.cost === null ? [] : [p.cost.number],
    costCurrency: p.cost?.currency ?? null,
    price: p.price,
    automatic: p.automatic,
  };
}

/**
 * Beancount 2.3.5 `infer_tolerances`: for each currency, the largest
 * `10^exponent × inferred_tolerance_multiplier` over the postings written with a
 * fractional number in it (integers give no tolerance, i.e. exact); interpolated
 * postings are skipped. With `infer_tolerance_from_cost`, costs and prices add
 * `min(tolerance × cost, 0.5)` to their currency. Defaults come from
 * `inferred_tolerance_default` (`*` for any currency, else zero).
 */
export function inferTolerances(
  postings: Iterable<TolerancePosting>,
  options: LedgerOptions,
): Tolerances {
  const byCurrency = new Map<string, Decimal>(options.inferredToleranceDefaults);
  const fallback = byCurrency.get('*') ?? Decimal.ZERO;
  byCurrency.delete('*');
  const costTolerances = new Map<string, Decimal>();
  for (const p of postings) {
    if (p.automatic || p.number === null || p.currency === null || p.number.scale <= 0) continue;
    const tolerance = options.inferredToleranceMultiplier.mul(Decimal.unit(p.number.scale));
    const current = byCurrency.get(p.currency);
    if (current === undefined || tolerance.cmp(current) > 0) byCurrency.set(p.currency, tolerance);
    if (!options.inferToleranceFromCost) continue;
    if (p.costCurrency !== null) {
      let costTolerance = MAXIMUM_TOLERANCE;
      for (const n of p.costNumbers) costTolerance = min(tolerance.mul(n), costTolerance);
      addTo(costTolerances, p.costCurrency, costTolerance);
    }
    if (p.price !== null) {
      addTo(
        costTolerances,
        p.price.currency,
        min(tolerance.mul(p.price.number), MAXIMUM_TOLERANCE),
      );
    }
  }
  for (const [currency, tolerance] of costTolerances) {
    const current = byCurrency.get(currency);
    if (current === undefined || tolerance.cmp(current) > 0) byCurrency.set(currency, tolerance);
  }
  return { byCurrency, fallback };
}

/** The tolerance for one currency. */
export function toleranceFor(tolerances: Tolerances, currency: string): Decimal {
  return tolerances.byCurrency.get(currency) ?? tolerances.fallback;
}

/** True when every position of `residual` is within its currency's tolerance. */
export function isSmall(residual: Inventory, tolerances: Tolerances): boolean {
  for (const p of residual) {
    if (p.units.number.abs().cmp(toleranceFor(tolerances, p.units.currency)) > 0) return false;
  }
  return true;
}

/**
 * The tolerance of one currency by the rule of {@link inferTolerances} when costs and
 * prices do not take part (`infer_tolerance_from_cost` off, the default): the largest
 * `multiplier × 10^−scale` over the written postings in that currency, at least its
 * `inferred_tolerance_default`; null when there is neither (the `*` default is not
 * included: Beancount's quantization looks the currency up without it).
 */
export function inferToleranceOf(
  currency: string,
  postings: Iterable<{ readonly number: Decimal | null; readonly currency: string | null }>,
  options: LedgerOptions,
): Decimal | null {
  const defaults = options.inferredToleranceDefaults;
  let tolerance = defaults.get(currency);
  for (const p of postings) {
    if (p.currency !== currency || p.number === null || p.number.scale <= 0) continue;
    const t = options.inferredToleranceMultiplier.mul(Decimal.unit(p.number.scale));
    if (tolerance === undefined || t.cmp(tolerance) > 0) tolerance = t;
  }
  return tolerance ?? null;
}

/**
 * Beancount `quantize_with_tolerance`: rounds an interpolated number to twice its
 * currency's tolerance (0.005 → 0.01) when the currency has a non-zero tolerance.
 */
export function quantizeWithTolerance(tolerance: Decimal | null, number: Decimal): Decimal {
  if (tolerance === null || tolerance.isZero()) return number;
  // Beancount normalises the quantum and skips odd tolerances with many digits.
  const quantum = tolerance.big.times(2);
  if (quantum.c.length >= MAX_TOLERANCE_DIGITS) return number;
  return number.quantize(Math.max(0, quantum.c.length - 1 - quantum.e));
}

function min(a: Decimal, b: Decimal): Decimal {
  return a.cmp(b) <= 0 ? a : b;
}

function addTo(map: Map<string, Decimal>, currency: string, value: Decimal): void {
  const current = map.get(currency);
  map.set(currency, current === undefined ? value : current.add(value));
}
