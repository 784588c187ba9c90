import {
  fingerprintIfUnchanged,
  formatDiagnostic,
  ledgerMovements,
  ledgerPortfolioOf,
  loadFingerprintedLedger,
  realisedGains,
  type ClosedLot,
  type LedgerFingerprint,
  type LedgerPortfolio,
} from '@truth-spine/ledger';
import {
  storedLedgerState,
  trustedLedgerState,
  type LedgerState,
  type StoredLedgerState,
} from './ledgerState.js';

/**
 * Where a night's ledger came from: `carried` — the stored state of the same bytes, nothing
 * parsed; `parsed` — no stored state; `changed` — parsed because the files changed since
 * the stored state; `untrusted` — parsed because the stored state failed its checks
 * (another format, checksum, decoding, or another portfolio, file or digest).
 */
export type LedgerSource = 'carried' | 'parsed' | 'changed' | 'untrusted';

/** One portfolio's ledger as reconcile_ledger uses it on D, parsed or carried. */
export interface NightLedger {
  readonly source: LedgerSource;
  /** What `loadFingerprintedLedger` gives for the files now (today's sizes and mtimes). */
  readonly fingerprint: LedgerFingerprint;
  /** Every ledger error, formatted `file:line: message`. */
  readonly errors: readonly string[];
  /** `ledgerPortfolio(entries, portfolioId, asOf)`. */
  portfolioAt(asOf: string): LedgerPortfolio;
  /** `realisedGains(entries, asOf)` (may throw like it). */
  closedLotsThrough(asOf: string): ClosedLot[];
  /** The state to store for later nights: set when parsed (and its lots could be computed). */
  readonly toStore: StoredLedgerState | null;
}

/**
 * The ledger `ledgerFile` of `portfolioId`: from `stored` when that state can be trusted
 * ({@link trustedLedgerState}) and the files still hold the bytes it was parsed from
 * (`fingerprintIfUnchanged`: every file re-read and hashed — size and mtime are not
 * evidence enough for money); otherwise parsed with `loadFingerprintedLedger` (which throws
 * when the top file cannot be read), with the state of the new bytes to store. Both give
 * identical results for every as-of date (docs in ledgerState.ts).
 */
export function nightLedger(
  ledgerFile: string,
  portfolioId: string,
  stored: StoredLedgerState | null,
): NightLedger {
  let source: LedgerSource = 'parsed';
  if (stored !== null) {
    const state = trustedLedgerState(stored, portfolioId, ledgerFile);
    const fingerprint = state === null ? null : fingerprintIfUnchanged(state);
    if (state !== null && fingerprint !== null) return carriedLedger(state, fingerprint);
    source = state === null ? 'untrusted' : 'changed';
  }
  const { ledger, fingerprint, absent } = loadFingerprintedLedger(ledgerFile);
  const movements = ledgerMovements(ledger.entries, portfolioId);
  const errors = ledger.errors.map(formatDiagnostic);
  let closedLots: ClosedLot[] | null;
  try {
    closedLots = realisedGains(ledger.entries);
  } catch {
    closedLots = null; // not kept: each night then computes (and fails) on its own dates
  }
  return {
    source,
    fingerprint,
    errors,
    portfolioAt: (asOf) => ledgerPortfolioOf(movements, portfolioId, asOf),
    closedLotsThrough: (asOf) => realisedGains(ledger.entries, asOf),
    toStore:
      closedLots === null
        ? null
        : storedLedgerState({
            portfolioId,
            ledgerFile,
            digest: fingerprint.digest,
            files: fingerprint.files,
            absent,
            errors,
            movements,
            closedLots,
          }),
  };
}

function carriedLedger(state: LedgerState, fingerprint: LedgerFingerprint): NightLedger {
  return {
    source: 'carried',
    fingerprint,
    errors: state.errors,
    portfolioAt: (asOf) => ledgerPortfolioOf(state.movements, state.portfolioId, asOf),
    closedLotsThrough: (asOf) => state.closedLots.filter((lot) => lot.date <= asOf),
    toStore: null,
  };
}
