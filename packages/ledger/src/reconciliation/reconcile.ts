import Big from 'big.js';
import type {
  BreakReason,
  LedgerMovement,
  LedgerPortfolio,
  PortfolioBooks,
  PricingSnapshot,
  ReconciliationBreak,
  ReconciliationResult,
} from './types.js';

const ZERO = new Big(0);
const BP = new Big(10_000);
/** Market values must agree within ±1 basis point of the portfolio's value. */
export const VALUE_TOLERANCE_BP = new Big(1);
/**
 * A cash difference no larger than this share of a ledger FX conversion's amount is read
 * as that conversion done at another rate (`fx_mismatch`), not as a missing transaction.
 */
const FX_SHARE = new Big('0.05');

/**
 * Reconciles a portfolio's books with its ledger on one date, both priced with one
 * pricing snapshot (SPEC §5). Units per security must match exactly and cash per
 * currency must match exactly; then Σ units × price × FX + Σ cash × FX of the ledger must
 * be within ±1 bp of the books' portfolio value. Each difference becomes a break:
 *
 * - `unknown_security` — a held security the snapshot has no price for (or FX for its
 *   currency): it cannot be valued;
 * - `corporate_action` — ledger units ÷ books units equal a split ratio of that symbol;
 * - `missing_transaction` — the difference equals one ledger transaction's effect on that
 *   security or currency (the books lack it); the transaction is named;
 * - `fx_mismatch` — a cash difference that is a small share (≤ 5 %) of a ledger
 *   transaction converting currency with `@`: the same event at another FX rate;
 * - `quantity_mismatch` / `cash_mismatch` — any other difference.
 *
 * Size = |ledger − books| in base currency (units × price × FX for securities), and in
 * bp of the books' portfolio value. Verdict `reconciled` needs no break and the value
 * within tolerance.
 */
export function reconcile(
  books: PortfolioBooks,
  ledger: LedgerPortfolio,
  pricing: PricingSnapshot,
): ReconciliationResult {
  const base = books.baseCurrency;
  const fx = (currency: string): Big | null =>
    currency === base ? new Big(1) : (pricing.fxToBase.get(currency) ?? null);
  const bp = (size: Big | null): Big | null =>
    size === null || books.portfolioValue.eq(ZERO)
      ? null
      : size.div(books.portfolioValue).times(BP);
  const breaks: ReconciliationBreak[] = [];
  const add = (
    reason: BreakReason,
    kind: 'security' | 'cash',
    key: string,
    ledgerValue: Big,
    booksValue: Big,
    sizeBase: Big | null,
    transaction: LedgerMovement | null,
    explanation: string,
  ) =>
    breaks.push({
      reason,
      kind,
      key,
      ledger: ledgerValue,
      books: booksValue,
      sizeBase,
      sizeBp: bp(sizeBase),
      transaction,
      explanation,
    });

  let ledgerValue: Big | null = ZERO;
  for (const symbol of union(books.positions, ledger.positions)) {
    const ledgerUnits = ledger.positions.get(symbol) ?? ZERO;
    const booksUnits = books.positions.get(symbol) ?? ZERO;
    const quote = pricing.prices.get(symbol);
    const rate = quote === undefined ? null : fx(quote.currency);
    const unitValue = quote === undefined || rate === null ? null : quote.price.times(rate);
    if (unitValue === null) {
      if (ledgerUnits.eq(ZERO) && booksUnits.eq(ZERO)) continue;
      ledgerValue = null;
      add(
        'unknown_security',
        'security',
        symbol,
        ledgerUnits,
        booksUnits,
        null,
        null,
        quote === undefined
          ? `${symbol} has no price in the pricing snapshot, so it cannot be valued`
          : `${symbol} is priced in ${quote.currency}, which has no FX rate to ${base} in the snapshot`,
      );
      continue;
    }
    if (ledgerValue !== null) ledgerValue = ledgerValue.plus(ledgerUnits.times(unitValue));
    if (ledgerUnits.eq(booksUnits)) continue;
    const size = ledgerUnits.minus(booksUnits).abs().times(unitValue);
    const split = splitExplaining(pricing, symbol, ledgerUnits, booksUnits);
    if (split !== null) {
      add(
        'corporate_action',
        'security',
        symbol,
        ledgerUnits,
        booksUnits,
        size,
        null,
        `${symbol}: ledger ${ledgerUnits} vs books ${booksUnits} units is the ${split.numerator}-for-${split.denominator} split of ${split.date} applied on one side only`,
      );
      continue;
    }
    const missing = movementWith(ledger, (m) => m.units.get(symbol), ledgerUnits.minus(booksUnits));
    if (missing !== null) {
      add(
        'missing_transaction',
        'security',
        symbol,
        ledgerUnits,
        booksUnits,
        size,
        missing,
        `${symbol}: the books lack the ledger transaction of ${missing.date} "${missing.narration}" (${missing.file}:${missing.line})`,
      );
    } else {
      add(
        'quantity_mismatch',
        'security',
        symbol,
        ledgerUnits,
        booksUnits,
        size,
        null,
        `${symbol}: ledger holds ${ledgerUnits} units, books ${booksUnits}`,
      );
    }
  }

  for (const currency of union(books.cash, ledger.cash)) {
    const ledgerCash = ledger.cash.get(currency) ?? ZERO;
    const booksCash = books.cash.get(currency) ?? ZERO;
    const rate = fx(currency);
    if (rate === null) {
      ledgerValue = null;
      add(
        'unknown_security',
        'cash',
        currency,
        ledgerCash,
        booksCash,
        null,
        null,
        `cash in ${currency} has no FX rate to ${base} in the snapshot`,
      );
      continue;
    }
    if (ledgerValue !== null) ledgerValue = ledgerValue.plus(ledgerCash.times(rate));
    if (ledgerCash.eq(booksCash)) continue;
    const difference = ledgerCash.minus(booksCash);
    const size = difference.abs().times(rate);
    const missing = movementWith(ledger, (m) => m.cash.get(currency), difference);
    if (missing !== null) {
      add(
        'missing_transaction',
        'cash',
        currency,
        ledgerCash,
        booksCash,
        size,
        missing,
        `${currency} cash: the books lack the ledger transaction of ${missing.date} "${missing.narration}" (${missing.file}:${missing.line}) of ${difference} ${currency}`,
      );
      continue;
    }
    const conversion = conversionExplaining(ledger, currency, difference);
    if (conversion !== null) {
      add(
        'fx_mismatch',
        'cash',
        currency,
        ledgerCash,
        booksCash,
        size,
        conversion,
        `${currency} cash differs by ${difference}: the books converted the ledger transaction of ${conversion.date} "${conversion.narration}" (${conversion.file}:${conversion.line}) at another FX rate`,
      );
      continue;
    }
    add(
      'cash_mismatch',
      'cash',
      currency,
      ledgerCash,
      booksCash,
      size,
      null,
      `${currency} cash: ledger ${ledgerCash}, books ${booksCash}`,
    );
  }

  const valueDifferenceBp =
    ledgerValue === null ? null : bp(ledgerValue.minus(books.portfolioValue));
  const valueWithinTolerance =
    valueDifferenceBp !== null && valueDifferenceBp.abs().lte(VALUE_TOLERANCE_BP);
  return {
    portfolioId: books.portfolioId,
    baseCurrency: base,
    verdict: breaks.length === 0 && valueWithinTolerance ? 'reconciled' : 'broken',
    ledgerValue,
    booksValue: books.portfolioValue,
    valueDifferenceBp,
    valueWithinTolerance,
    breaks,
  };
}

function union(a: ReadonlyMap<string, Big>, b: ReadonlyMap<string, Big>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort();
}

/** The split whose ratio (either way round) turns books units into ledger units. */
function splitExplaining(
  pricing: PricingSnapshot,
  symbol: string,
  ledgerUnits: Big,
  booksUnits: Big,
) {
  if (ledgerUnits.eq(ZERO) || booksUnits.eq(ZERO)) return null;
  for (const split of pricing.splits) {
    if (split.symbol !== symbol) continue;
    const forward = booksUnits.times(split.numerator).div(split.denominator);
    const backward = booksUnits.times(split.denominator).div(split.numerator);
    if (forward.eq(ledgerUnits) || backward.eq(ledgerUnits)) return split;
  }
  return null;
}

/** The latest ledger movement whose effect equals `difference` exactly. */
function movementWith(
  ledger: LedgerPortfolio,
  effect: (m: LedgerMovement) => Big | undefined,
  difference: Big,
): LedgerMovement | null {
  for (let i = ledger.movements.length - 1; i >= 0; i--) {
    const m = ledger.movements[i] as LedgerMovement;
    if (effect(m)?.eq(difference)) return m;
  }
  return null;
}

/** The latest FX-converting movement in `currency` of which `difference` is a small share. */
function conversionExplaining(
  ledger: LedgerPortfolio,
  currency: string,
  difference: Big,
): LedgerMovement | null {
  for (let i = ledger.movements.length - 1; i >= 0; i--) {
    const m = ledger.movements[i] as LedgerMovement;
    const amount = m.cash.get(currency);
    if (!m.converted || amount === undefined || amount.eq(ZERO)) continue;
    if (difference.abs().lte(amount.abs().times(FX_SHARE))) return m;
  }
  return null;
}
