import Big from 'big.js';
import {
  reconcile,
  type ClosedLot,
  type LedgerFileFingerprint,
  type ReconciliationBreak,
} from '@truth-spine/ledger';
import type { MetricRow } from '../metricRows/flattenMetricRecords.js';
import { tradingLotRows } from '../tradingLots/tradingLotRows.js';
import { booksFingerprint } from '../valuation/booksFingerprint.js';
import type { StoredLedgerState } from './ledgerState.js';
import { nightLedger, type LedgerSource, type NightLedger } from './nightLedger.js';
import { fxToBase, type PackPricing } from './packPricing.js';
import { portfolioBooks, type BooksTransaction, type Valuer } from './portfolioBooks.js';
import type { ReconciledPortfolio } from './readBooksBatches.js';

/** A split as the splits source returns it (decimals as strings). */
export interface SplitRow {
  readonly symbol: string;
  readonly date: string;
  readonly numerator: string;
  readonly denominator: string;
}

/** One portfolio's reconciliation job: plain data, so it can cross to a worker thread. */
export interface ReconcileJob {
  readonly portfolio: ReconciledPortfolio;
  /** Its books dated ≤ D, in trade-date order. */
  readonly transactions: readonly BooksTransaction[];
  readonly asOf: string;
  readonly ledgerFile: string;
  /** Splits of (at least) every symbol it traded, from (at most) its inception to D. */
  readonly splits: readonly SplitRow[];
  /** The stored state of its ledger (ledger_states), if any: used when it can be trusted. */
  readonly storedLedger: StoredLedgerState | null;
}

/** A reconciliation_breaks row (without pack and portfolio). */
export interface StoredBreak {
  readonly kind: string;
  readonly subject: string;
  readonly platform: string;
  readonly ledger: string;
  readonly sizeBase: string | null;
  readonly sizeBp: number | null;
  readonly reason: string;
}

/** A reconciliation_results row and its breaks, as stored. */
export interface StoredReconciliation {
  readonly portfolioId: string;
  readonly ok: boolean;
  readonly platformValue: string;
  readonly ledgerValue: string | null;
  readonly differenceBp: number | null;
  readonly breaks: readonly StoredBreak[];
  /**
   * The `trading_lots.*` rows of the ledger just parsed (`tradingLotRows` of its
   * `realisedGains` through D), handed to compute_daily_metrics through the store; null
   * when they could not be computed.
   */
  readonly tradingLots: readonly MetricRow[] | null;
}

/**
 * What one portfolio's reconciliation was computed from: the ledger's fingerprint (null when
 * it could not be read) and the books' ({@link booksFingerprint} of the transactions ≤ D).
 */
export interface ReconciledInputs {
  readonly portfolioId: string;
  readonly ledgerDigest: string | null;
  readonly ledgerFiles: readonly LedgerFileFingerprint[] | null;
  readonly booksFingerprint: number;
}

/** The outcome of one job: what is stored (null: ledger unreadable), the verdict, problems. */
export interface ReconcileOutcome {
  readonly portfolioId: string;
  readonly inputs: ReconciledInputs;
  readonly stored: StoredReconciliation | null;
  /** `reconciled`, `broken`, `ledger_errors` or `ledger_unreadable`. */
  readonly verdict: string;
  /** Sentences for the step's error (empty when reconciled). */
  readonly problems: readonly string[];
  /** Whether the ledger was parsed or carried from its stored state ({@link nightLedger}). */
  readonly ledgerSource: LedgerSource | 'unreadable';
  /** The state of the ledger just parsed, to store for later nights; null when carried. */
  readonly ledgerState: StoredLedgerState | null;
}

/** reconciliation_breaks.kind for each of the ledger package's break reasons. */
const breakKind: Record<ReconciliationBreak['reason'], string> = {
  missing_transaction: 'missing_transaction',
  quantity_mismatch: 'quantity',
  cash_mismatch: 'cash',
  fx_mismatch: 'fx',
  corporate_action: 'corporate_action',
  unknown_security: 'value',
};

/**
 * Reconciles one portfolio (docs/GLOSSARY.md: reconciliation, break): its books on D ({@link portfolioBooks}, valued with
 * the pack) against its Beancount ledger (`loadFingerprintedLedger`, `ledgerPortfolio`, `reconcile`
 * with the splits of its held symbols since its inception) — or against the stored state of
 * the same ledger bytes ({@link nightLedger}), which gives identical results without parsing;
 * a parsed ledger's state is returned for storing. A ledger with errors is still
 * reconciled; an unreadable one stores nothing. The outcome carries the fingerprints of the
 * ledger files and books it reconciled ({@link ReconciledInputs}). Everything in and out is plain data (decimals
 * as their exact strings), so the same function runs inline or in a worker thread with the
 * same result.
 */
export function reconcilePortfolio(pricing: PackPricing, job: ReconcileJob): ReconcileOutcome {
  const { portfolio: p, asOf } = job;
  const rates = fxToBase(pricing, p.baseCurrency);
  const books = portfolioBooks(
    p.id,
    p.baseCurrency,
    job.transactions,
    asOf,
    packValuer(pricing, p.baseCurrency, rates),
  );
  const booksPrint = booksFingerprint(job.transactions, asOf);
  let ledger: NightLedger;
  try {
    ledger = nightLedger(job.ledgerFile, p.id, job.storedLedger);
  } catch (error) {
    return {
      portfolioId: p.id,
      inputs: {
        portfolioId: p.id,
        ledgerDigest: null,
        ledgerFiles: null,
        booksFingerprint: booksPrint,
      },
      stored: null,
      verdict: 'ledger_unreadable',
      problems: [`${p.id}: ${error instanceof Error ? error.message : String(error)}`],
      ledgerSource: 'unreadable',
      ledgerState: null,
    };
  }
  const inputs: ReconciledInputs = {
    portfolioId: p.id,
    ledgerDigest: ledger.fingerprint.digest,
    ledgerFiles: ledger.fingerprint.files,
    booksFingerprint: booksPrint,
  };
  const problems: string[] = [];
  if (ledger.errors.length > 0) {
    const shown = ledger.errors.slice(0, 5).join('; ');
    problems.push(`${p.id}: ${ledger.errors.length} ledger error(s): ${shown}`);
  }
  const splits = job.splits.filter(
    (s) => books.positions.has(s.symbol) && s.date >= p.inception && s.date <= asOf,
  );
  const result = reconcile(books, ledger.portfolioAt(asOf), {
    prices: pricing.prices,
    fxToBase: rates,
    splits: splits.map((s) => ({
      symbol: s.symbol,
      date: s.date,
      numerator: new Big(s.numerator),
      denominator: new Big(s.denominator),
    })),
  });
  if (result.verdict !== 'reconciled') {
    const first = result.breaks
      .slice(0, 3)
      .map((b) => b.explanation)
      .join('; ');
    problems.push(
      `${p.id}: ${result.breaks.length} break(s)` +
        (result.valueWithinTolerance
          ? ''
          : `, value difference ${result.valueDifferenceBp?.toFixed(4) ?? 'unknown'} bp`) +
        (first === '' ? '' : `: ${first}`),
    );
  }
  return {
    portfolioId: p.id,
    inputs,
    verdict: ledger.errors.length > 0 ? 'ledger_errors' : result.verdict,
    problems,
    ledgerSource: ledger.source,
    ledgerState: ledger.toStore,
    stored: {
      portfolioId: p.id,
      ok: result.verdict === 'reconciled',
      platformValue: result.booksValue.toString(),
      ledgerValue: result.ledgerValue?.toString() ?? null,
      differenceBp: result.valueDifferenceBp === null ? null : Number(result.valueDifferenceBp),
      breaks: result.breaks.map((b) => ({
        kind: breakKind[b.reason],
        subject: b.key,
        platform: b.books.toString(),
        ledger: b.ledger.toString(),
        sizeBase: b.sizeBase?.toString() ?? null,
        sizeBp: b.sizeBp === null ? null : Number(b.sizeBp),
        reason: b.explanation,
      })),
      tradingLots: tradingLotsOrNull(() => ledger.closedLotsThrough(asOf), asOf, p.inception),
    },
  };
}

/** The ledger's trading-lot rows through `asOf`, or null when its lots cannot be computed. */
function tradingLotsOrNull(
  closedLots: () => ClosedLot[],
  asOf: string,
  inception: string,
): MetricRow[] | null {
  try {
    return tradingLotRows(closedLots(), asOf, inception);
  } catch {
    return null; // compute_daily_metrics then parses the ledger itself and reports the error
  }
}

/** Unit values and cash rates in `base` from the pack: price × FX to base; null = unknown. */
function packValuer(pricing: PackPricing, base: string, rates: ReadonlyMap<string, Big>): Valuer {
  const cashRate = (currency: string) =>
    currency === base ? new Big(1) : (rates.get(currency) ?? null);
  return {
    cashRate,
    unitValue: (symbol) => {
      const quote = pricing.prices.get(symbol);
      const rate = quote === undefined ? null : cashRate(quote.currency);
      return quote === undefined || rate === null ? null : quote.price.times(rate);
    },
  };
}
