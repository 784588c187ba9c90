import Big from 'big.js';
import { amountMismatch, type BreakFinding } from './amountMismatch.js';
import type {
  BooksMovement,
  LedgerMovement,
  LedgerPortfolio,
  PortfolioBooks,
  PricingSnapshot,
  ReconciliationBreak,
  ReconciliationResult,
  SplitEvent,
} from './types.js';

const ZERO = new Big(0);
const ONE = new Big(1);
const BP = new Big(10_000);
/** Market values must agree within ±1 basis point of the portfolio's value. */
export const VALUE_TOLERANCE_BP = new Big(1);
/**
 * A cash difference no larger than this share of a ledger FX conversion's amount is read
 * as that conversion done at another rate (`fx_mismatch`), not as a missing transaction.
 */
const FX_SHARE = new Big('0.05');

type Kind = ReconciliationBreak['kind'];
type Finding = BreakFinding;
const NOT_EXPLAINED = 'no single transaction on either side explains it';

/**
 * Reconciles a portfolio's books with its ledger on one date, both priced with one
 * pricing snapshot (docs/GLOSSARY.md: reconciliation, break). Units per security must match exactly and cash per
 * currency must match exactly; then Σ units × price × FX + Σ cash × FX of the ledger must
 * be within ±1 bp of the books' portfolio value. Each difference becomes a break:
 *
 * - `unknown_security` — a held security the snapshot has no price for (or FX for its
 *   currency), or cash in a currency without FX: it cannot be valued;
 * - `corporate_action` — ledger units ÷ books units equal a split ratio of that symbol;
 * - `missing_transaction` — the difference equals one transaction's effect on that
 *   security or currency: a ledger transaction the books lack, or a books transaction
 *   the ledger lacks; the transaction is named;
 * - `fx_mismatch` — a cash difference that is a small share (≤ 5 %) of a ledger
 *   transaction converting currency with `@`: the same event at another FX rate;
 * - `quantity_mismatch` / `cash_mismatch` — any other difference; when a ledger transaction
 *   and a books row of the same date on that security or currency differ by exactly the
 *   difference ({@link amountMismatch}: the same event booked with another amount), both
 *   are named, otherwise the explanation says no single transaction explains it.
 *
 * Every explanation ends with the break's size in base currency and in bp.
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
    currency === base ? ONE : (pricing.fxToBase.get(currency) ?? null);
  const bp = (size: Big | null): Big | null =>
    size === null || books.portfolioValue.eq(ZERO)
      ? null
      : size.div(books.portfolioValue).times(BP);
  const breaks: ReconciliationBreak[] = [];
  const add = (
    kind: Kind,
    key: string,
    ledgerSide: Big,
    booksSide: Big,
    sizeBase: Big | null,
    finding: Finding,
  ) =>
    breaks.push({
      kind,
      key,
      ledger: ledgerSide,
      books: booksSide,
      sizeBase,
      sizeBp: bp(sizeBase),
      ...finding,
      explanation: `${finding.explanation}; ${sizeText(sizeBase, bp(sizeBase), base)}`,
    });
  const plain = (reason: ReconciliationBreak['reason'], explanation: string): Finding => ({
    reason,
    transaction: null,
    booksTransaction: null,
    explanation,
  });

  let ledgerValue: Big | null = ZERO;
  for (const symbol of union(books.positions, ledger.positions)) {
    const ledgerUnits = ledger.positions.get(symbol) ?? ZERO;
    const booksUnits = books.positions.get(symbol) ?? ZERO;
    const quote = pricing.prices.get(symbol);
    const rate = quote === undefined ? null : fx(quote.currency);
    if (quote === undefined || rate === null) {
      if (ledgerUnits.eq(ZERO) && booksUnits.eq(ZERO)) continue;
      ledgerValue = null;
      const why =
        quote === undefined
          ? `${symbol} has no price in the pricing snapshot, so it cannot be valued`
          : `${symbol} is priced in ${quote.currency}, which has no FX rate to ${base} in the snapshot`;
      add('security', symbol, ledgerUnits, booksUnits, null, plain('unknown_security', why));
      continue;
    }
    const unitValue = quote.price.times(rate);
    if (ledgerValue !== null) ledgerValue = ledgerValue.plus(ledgerUnits.times(unitValue));
    if (ledgerUnits.eq(booksUnits)) continue;
    const size = ledgerUnits.minus(booksUnits).abs().times(unitValue);
    const split = splitExplaining(pricing.splits, symbol, ledgerUnits, booksUnits);
    const finding =
      split !== null
        ? plain(
            'corporate_action',
            `${symbol}: ledger ${ledgerUnits} vs books ${booksUnits} units is the ` +
              `${split.numerator}-for-${split.denominator} split of ${split.date} applied on one side only`,
          )
        : (missingTransaction(
            books,
            ledger,
            (m) => m.units.get(symbol),
            ledgerUnits.minus(booksUnits),
            symbol,
          ) ??
          amountMismatch(
            ledger.movements,
            books.movements ?? [],
            (m) => m.units.get(symbol),
            ledgerUnits.minus(booksUnits),
            symbol,
            'quantity_mismatch',
          ) ??
          plain(
            'quantity_mismatch',
            `${symbol}: ledger holds ${ledgerUnits} units, books ${booksUnits} — ${NOT_EXPLAINED}`,
          ));
    add('security', symbol, ledgerUnits, booksUnits, size, finding);
  }

  for (const currency of union(books.cash, ledger.cash)) {
    const ledgerCash = ledger.cash.get(currency) ?? ZERO;
    const booksCash = books.cash.get(currency) ?? ZERO;
    const rate = fx(currency);
    if (rate === null) {
      ledgerValue = null;
      const why = `cash in ${currency} has no FX rate to ${base} in the snapshot`;
      add('cash', currency, ledgerCash, booksCash, null, plain('unknown_security', why));
      continue;
    }
    if (ledgerValue !== null) ledgerValue = ledgerValue.plus(ledgerCash.times(rate));
    if (ledgerCash.eq(booksCash)) continue;
    const difference = ledgerCash.minus(booksCash);
    const label = `${currency} cash`;
    const finding =
      missingTransaction(books, ledger, (m) => m.cash.get(currency), difference, label) ??
      amountMismatch(
        ledger.movements,
        books.movements ?? [],
        (m) => m.cash.get(currency),
        difference,
        label,
        'cash_mismatch',
      ) ??
      conversionExplaining(ledger, currency, difference) ??
      plain(
        'cash_mismatch',
        `${label}: ledger ${ledgerCash}, books ${booksCash} — ${NOT_EXPLAINED}`,
      );
    add('cash', currency, ledgerCash, booksCash, difference.abs().times(rate), finding);
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

/** "size 5.00 USD = 2.7910 bp of the portfolio" (rounded for people; the break keeps full precision). */
function sizeText(sizeBase: Big | null, sizeBp: Big | null, base: string): string {
  if (sizeBase === null) return 'size unknown: it cannot be valued with the snapshot';
  const bpText =
    sizeBp === null ? 'bp unknown (portfolio value 0)' : `${sizeBp.toFixed(4)} bp of the portfolio`;
  return `size ${sizeBase.toFixed(2)} ${base} = ${bpText}`;
}

function union(a: ReadonlyMap<string, Big>, b: ReadonlyMap<string, Big>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort();
}

/** The split whose ratio (either way round) turns books units into ledger units. */
function splitExplaining(
  splits: readonly SplitEvent[],
  symbol: string,
  ledgerUnits: Big,
  booksUnits: Big,
): SplitEvent | null {
  if (ledgerUnits.eq(ZERO) || booksUnits.eq(ZERO)) return null;
  for (const split of splits) {
    if (split.symbol !== symbol) continue;
    const forward = booksUnits.times(split.numerator).div(split.denominator);
    const backward = booksUnits.times(split.denominator).div(split.numerator);
    if (forward.eq(ledgerUnits) || backward.eq(ledgerUnits)) return split;
  }
  return null;
}

/**
 * A transaction on one side only that explains `difference` (= ledger − books) exactly:
 * the latest ledger movement with that effect (the books lack it), else the latest books
 * movement with the opposite effect (the ledger lacks it).
 */
function missingTransaction(
  books: PortfolioBooks,
  ledger: LedgerPortfolio,
  effect: (m: LedgerMovement | BooksMovement) => Big | undefined,
  difference: Big,
  what: string,
): Finding | null {
  const inLedger = latest(ledger.movements, (m) => effect(m)?.eq(difference) === true);
  if (inLedger !== null) {
    return {
      reason: 'missing_transaction',
      transaction: inLedger,
      booksTransaction: null,
      explanation: `${what}: the books lack the ledger transaction of ${inLedger.date} "${inLedger.narration}" (${inLedger.file}:${inLedger.line}), ${difference}`,
    };
  }
  const negated = difference.neg();
  const inBooks = latest(books.movements ?? [], (m) => effect(m)?.eq(negated) === true);
  if (inBooks === null) return null;
  return {
    reason: 'missing_transaction',
    transaction: null,
    booksTransaction: inBooks,
    explanation: `${what}: the ledger lacks the books transaction ${inBooks.externalId} of ${inBooks.date} "${inBooks.description}", ${negated}`,
  };
}

/** The latest FX-converting ledger movement in `currency` of which `difference` is a small share. */
function conversionExplaining(
  ledger: LedgerPortfolio,
  currency: string,
  difference: Big,
): Finding | null {
  const conversion = latest(ledger.movements, (m) => {
    const amount = m.cash.get(currency);
    return (
      m.converted &&
      amount !== undefined &&
      !amount.eq(ZERO) &&
      difference.abs().lte(amount.abs().times(FX_SHARE))
    );
  });
  if (conversion === null) return null;
  return {
    reason: 'fx_mismatch',
    transaction: conversion,
    booksTransaction: null,
    explanation:
      `${currency} cash differs by ${difference}: the books converted the ledger transaction of ` +
      `${conversion.date} "${conversion.narration}" (${conversion.file}:${conversion.line}) at another FX rate`,
  };
}

function latest<T>(items: readonly T[], test: (item: T) => boolean): T | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as T;
    if (test(item)) return item;
  }
  return null;
}
