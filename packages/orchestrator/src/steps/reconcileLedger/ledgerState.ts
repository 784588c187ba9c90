import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import Big from 'big.js';
import {
  Decimal,
  type ClosedLot,
  type LedgerFileFingerprint,
  type LedgerMovement,
} from '@truth-spine/ledger';

/**
 * The version of the stored ledger-state format, and of what it was computed by. Bump it
 * whenever the encoding below (or its compression) changes, or the ledger package's loader, booking,
 * `ledgerMovements`, `realisedGains` or the formatting of its diagnostics would give a
 * different result for the same bytes: every stored state of another version is then
 * ignored and re-made from a full parse.
 */
export const LEDGER_STATE_FORMAT = 2;

/**
 * The deflate level of a stored state. Measured on the 1,000-portfolio bench set (states of
 * ~29 KB of JSON): level 3 gives ~4.2 KB in 0.17 ms and inflates in 0.04 ms a state, as
 * fast as level 1 and faster than brotli at any quality with a similar size (brotli 1:
 * 4.5 KB, 0.19 + 0.12 ms). The level is not part of the format: any level inflates the same.
 */
const DEFLATE_LEVEL = 3;

/**
 * Everything reconcile_ledger takes from one parsed ledger, independent of the as-of date,
 * so that a later night can reconcile with it instead of parsing the same bytes again:
 *
 * - `movements` = `ledgerMovements(entries, portfolioId)` (every date): the portfolio's side
 *   on any D is `ledgerPortfolioOf(movements, portfolioId, D)`, which is what
 *   `ledgerPortfolio(entries, portfolioId, D)` is;
 * - `closedLots` = `realisedGains(entries)` (every date): `realisedGains(entries, D)` is
 *   exactly its lots dated ≤ D, in the same order;
 * - `errors`: every ledger diagnostic, formatted (`file:line: message`), in the loader's
 *   order (they do not depend on D).
 *
 * It is valid for the bytes it was parsed from: `digest`, `files` (path and SHA-256 of every
 * file read, in read order) and `absent` (includes that could not be read) — see
 * `fingerprintIfUnchanged`.
 */
export interface LedgerState {
  readonly portfolioId: string;
  readonly ledgerFile: string;
  readonly digest: string;
  readonly files: readonly Pick<LedgerFileFingerprint, 'path' | 'sha256'>[];
  readonly absent: readonly string[];
  readonly errors: readonly string[];
  readonly movements: readonly LedgerMovement[];
  readonly closedLots: readonly ClosedLot[];
}

/** A ledger_states row as the step reads and writes it (the state as compressed bytes). */
export interface StoredLedgerState {
  readonly portfolioId: string;
  readonly ledgerDigest: string;
  readonly format: number;
  /** Raw deflate (RFC 1951, no header) of the UTF-8 bytes of {@link encodeLedgerState}. */
  readonly state: Uint8Array;
  /** SHA-256 of `state` (the stored bytes), checked before they are inflated. */
  readonly stateSha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The row that stores `state`. */
export function storedLedgerState(state: LedgerState): StoredLedgerState {
  const bytes = compressLedgerStateText(encodeLedgerState(state));
  return {
    portfolioId: state.portfolioId,
    ledgerDigest: state.digest,
    format: LEDGER_STATE_FORMAT,
    state: bytes,
    stateSha256: sha256(bytes),
  };
}

/** The stored form of an encoded state's text: raw deflate of its UTF-8 bytes. */
export function compressLedgerStateText(text: string): Uint8Array {
  const deflated = deflateRawSync(text, { level: DEFLATE_LEVEL });
  return new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength);
}

/** The text {@link compressLedgerStateText} compressed, or null when `bytes` do not inflate. */
export function inflatedLedgerStateText(bytes: Uint8Array): string | null {
  try {
    return inflateRawSync(bytes).toString('utf8');
  } catch {
    return null; // not a complete deflate stream
  }
}

/**
 * The state a stored row holds, when it can be trusted as the state of `ledgerFile` for
 * `portfolioId`: the row's format is {@link LEDGER_STATE_FORMAT}, its bytes hash to its
 * `stateSha256`, inflate, and their text decodes in full (every field of the expected type, every number a valid
 * decimal) and names the same portfolio, file and digest. Null otherwise — the caller
 * then parses the ledger. (Whether the ledger's files still hold those bytes is checked
 * separately, with `fingerprintIfUnchanged`.)
 */
export function trustedLedgerState(
  row: StoredLedgerState,
  portfolioId: string,
  ledgerFile: string,
): LedgerState | null {
  if (row.format !== LEDGER_STATE_FORMAT || row.portfolioId !== portfolioId) return null;
  if (sha256(row.state) !== row.stateSha256) return null;
  const text = inflatedLedgerStateText(row.state);
  const state = text === null ? null : decodeLedgerState(text);
  if (state === null) return null;
  if (state.portfolioId !== portfolioId || state.ledgerFile !== ledgerFile) return null;
  return state.digest === row.ledgerDigest ? state : null;
}

/** Big.js text that reads back to the same value and sign (big.js prints −0 as `0`). */
const bigText = (b: Big) => (b.c[0] === 0 && b.s === -1 ? '-0' : b.toString());

type AmountPairs = [string, string][];
type EncodedMovement = [string, string, number, string, boolean, AmountPairs, AmountPairs];
type EncodedLot = [
  string, // date
  string, // account
  string, // commodity
  string, // units
  string, // costNumber
  string, // costCurrency
  string, // acquired
  string | null, // label
  string, // costBasis
  string, // proceeds
  string, // gain
  string, // file
  number, // line
];
interface EncodedState {
  format: number;
  portfolioId: string;
  ledgerFile: string;
  digest: string;
  files: [string, string][];
  absent: string[];
  errors: string[];
  movements: EncodedMovement[];
  closedLots: EncodedLot[];
}

/**
 * JSON text of `state`: movements and lots as tuples, Big and Decimal values as their exact
 * text (a Decimal with its scale, `-0.50`), so decoding gives equal values that print and
 * compute the same.
 */
export function encodeLedgerState(state: LedgerState): string {
  const pairs = (map: ReadonlyMap<string, Big>): AmountPairs =>
    [...map].map(([k, v]) => [k, bigText(v)]);
  const encoded: EncodedState = {
    format: LEDGER_STATE_FORMAT,
    portfolioId: state.portfolioId,
    ledgerFile: state.ledgerFile,
    digest: state.digest,
    files: state.files.map((f) => [f.path, f.sha256]),
    absent: [...state.absent],
    errors: [...state.errors],
    movements: state.movements.map((m) => [
      m.date,
      m.file,
      m.line,
      m.narration,
      m.converted,
      pairs(m.cash),
      pairs(m.units),
    ]),
    closedLots: state.closedLots.map((l) => [
      l.date,
      l.account,
      l.commodity,
      l.units.toString(),
      l.costNumber.toString(),
      l.costCurrency,
      l.acquired,
      l.label,
      l.costBasis.toString(),
      l.proceeds.toString(),
      l.gain.toString(),
      l.file,
      l.line,
    ]),
  };
  return JSON.stringify(encoded);
}

/** The state {@link encodeLedgerState} wrote, or null when `text` is not one, in any detail. */
export function decodeLedgerState(text: string): LedgerState | null {
  try {
    const s = JSON.parse(text) as Partial<EncodedState> | null;
    if (typeof s !== 'object' || s === null || s.format !== LEDGER_STATE_FORMAT) return null;
    if (!isText(s.portfolioId) || !isText(s.ledgerFile) || !isText(s.digest)) return null;
    if (!Array.isArray(s.files) || !s.files.every((f) => isTuple(f, 2) && f.every(isText)))
      return null;
    if (!isTextList(s.absent) || !isTextList(s.errors)) return null;
    if (!Array.isArray(s.movements) || !Array.isArray(s.closedLots)) return null;
    const movements = s.movements.map(decodeMovement);
    const closedLots = s.closedLots.map(decodeLot);
    if (movements.includes(null) || closedLots.includes(null)) return null;
    return {
      portfolioId: s.portfolioId,
      ledgerFile: s.ledgerFile,
      digest: s.digest,
      files: s.files.map(([path, sha256]) => ({ path, sha256 })),
      absent: s.absent,
      errors: s.errors,
      movements: movements as LedgerMovement[],
      closedLots: closedLots as ClosedLot[],
    };
  } catch {
    return null; // not JSON, or a number that is not a decimal
  }
}

function decodeMovement(m: unknown): LedgerMovement | null {
  if (!isTuple(m, 7)) return null;
  const [date, file, line, narration, converted, cash, units] = m as unknown[];
  if (!isText(date) || !isText(file) || !isLine(line) || !isText(narration)) return null;
  if (typeof converted !== 'boolean') return null;
  const cashMap = amounts(cash);
  const unitsMap = amounts(units);
  if (cashMap === null || unitsMap === null) return null;
  return { date, file, line, narration, cash: cashMap, units: unitsMap, converted };
}

function decodeLot(l: unknown): ClosedLot | null {
  if (!isTuple(l, 13)) return null;
  const [date, account, commodity, units, costNumber, costCurrency, acquired, label] =
    l as unknown[];
  const [costBasis, proceeds, gain, file, line] = (l as unknown[]).slice(8);
  const texts = [date, account, commodity, costCurrency, acquired, file];
  if (!texts.every(isText) || !(label === null || isText(label)) || !isLine(line)) return null;
  const numbers = [units, costNumber, costBasis, proceeds, gain];
  if (!numbers.every(isDecimalText)) return null;
  const [u, c, b, p, g] = (numbers as string[]).map((n) => Decimal.parse(n));
  return {
    date: date as string,
    account: account as string,
    commodity: commodity as string,
    units: u!,
    costNumber: c!,
    costCurrency: costCurrency as string,
    acquired: acquired as string,
    label: label as string | null,
    costBasis: b!,
    proceeds: p!,
    gain: g!,
    file: file as string,
    line: line as number,
  };
}

/** `[[key, big text], …]` as a map (throws from big.js on a malformed number). */
function amounts(pairs: unknown): Map<string, Big> | null {
  if (!Array.isArray(pairs)) return null;
  const map = new Map<string, Big>();
  for (const pair of pairs) {
    if (!isTuple(pair, 2) || !isText(pair[0]) || !isText(pair[1]) || map.has(pair[0])) return null;
    map.set(pair[0], new Big(pair[1]));
  }
  return map;
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);
const isLine = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isTuple = (v: unknown, n: number): v is unknown[] => Array.isArray(v) && v.length === n;
/** What Decimal's toString prints: optional minus, digits, optional point and digits. */
const isDecimalText = (v: unknown): v is string => isText(v) && /^-?\d+(\.\d+)?$/.test(v);
