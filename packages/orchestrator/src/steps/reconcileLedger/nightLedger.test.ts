import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBooks } from '@truth-spine/books';
import {
  formatDiagnostic,
  ledgerPortfolio,
  loadFingerprintedLedger,
  realisedGains,
} from '@truth-spine/ledger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDemoDir } from '../../config/loadConfig.js';
import { LEDGER_STATE_FORMAT, type StoredLedgerState } from './ledgerState.js';
import { nightLedger } from './nightLedger.js';
import { packPricingOf, type PackPricing } from './packPricing.js';
import type { BooksTransaction } from './portfolioBooks.js';
import {
  reconcilePortfolio,
  type ReconcileJob,
  type ReconcileOutcome,
  type SplitRow,
} from './reconcilePortfolio.js';
import { generatedLedger } from './testing/generatedLedger.js';

/** A portfolio to reconcile on many dates: its ledger file, books and the dates to try. */
interface Case {
  readonly id: string;
  readonly baseCurrency: string;
  readonly inception: string;
  readonly ledgerFile: string;
  readonly books: readonly BooksTransaction[];
  readonly dates: readonly string[];
  readonly splits: readonly SplitRow[];
}

const DEMO_DATES = [
  '2018-12-31',
  '2019-01-02',
  '2020-08-31',
  '2021-06-30',
  '2022-12-30',
  '2024-02-16',
  '2024-03-08',
  '2024-03-09',
  '2030-01-01',
];

const withoutNightFields = ({ ledgerSource, ledgerState, ...rest }: ReconcileOutcome) => {
  void ledgerSource;
  void ledgerState;
  return rest;
};

describe('a carried ledger state gives exactly what a full parse gives', () => {
  let dir: string;
  let pricing: PackPricing;
  const cases: Case[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'night-ledger-'));
    const demo = await readBooks(bundledDemoDir, { today: '2024-03-08' });
    // an arbitrary but exact pricing (these tests compare two ways of computing, not values)
    pricing = packPricingOf({
      prices: [
        ...demo.securities.map((s, i) => ({
          symbol: s.symbol,
          close: `${100 + i}.${String(17 * i)
            .padStart(2, '0')
            .slice(0, 2)}`,
          currency: s.currency,
        })),
        { symbol: 'GA', close: '50.25', currency: 'USD' },
        { symbol: 'GB', close: '120.10', currency: 'USD' },
      ],
      fx: [
        { base: 'EUR', quote: 'USD', rate: '1.0850' },
        { base: 'GBP', quote: 'USD', rate: '1.2650' },
        { base: 'EUR', quote: 'GBP', rate: '0.8577' },
      ],
    });
    for (const p of demo.portfolios) {
      cases.push({
        id: p.id,
        baseCurrency: p.baseCurrency,
        inception: p.inception,
        ledgerFile: join(bundledDemoDir, 'ledgers', `${p.id}.beancount`),
        books: demo.transactions
          .filter((t) => t.portfolioId === p.id)
          .sort((a, b) => (a.tradeDate < b.tradeDate ? -1 : a.tradeDate > b.tradeDate ? 1 : 0)),
        dates: DEMO_DATES,
        // AAPL's 4-for-1 split of 2020-08-31, as the splits source gives it
        splits: [{ symbol: 'AAPL', date: '2020-08-31', numerator: '4', denominator: '1' }],
      });
    }
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const g = generatedLedger(seed);
      const ledgerFile = join(dir, `${g.portfolioId}.beancount`);
      writeFileSync(ledgerFile, g.top);
      writeFileSync(join(dir, `${g.portfolioId}-more.beancount`), g.included);
      const at = (i: number) => g.dates[Math.min(g.dates.length - 1, i)]!;
      cases.push({
        id: g.portfolioId,
        baseCurrency: 'USD',
        inception: '2021-01-04',
        ledgerFile,
        books: g.books,
        dates: ['2020-12-31', at(0), at(7), at(20), at(33), at(47), at(59), '2099-12-31'],
        splits: [],
      });
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const job = (c: Case, asOf: string, storedLedger: StoredLedgerState | null): ReconcileJob => ({
    portfolio: { id: c.id, baseCurrency: c.baseCurrency, inception: c.inception },
    transactions: c.books.filter((t) => t.tradeDate <= asOf),
    asOf,
    ledgerFile: c.ledgerFile,
    splits: c.splits,
    storedLedger,
  });

  it('for the demo and generated ledgers on every date: breaks, values, trading lots, errors', () => {
    const seen = { breaks: 0, reconciled: 0, errors: 0, lots: 0, carried: 0 };
    for (const c of cases) {
      const first = reconcilePortfolio(pricing, job(c, c.dates[0]!, null));
      expect(first.ledgerSource).toBe('parsed');
      const state = first.ledgerState!;
      expect(state.format).toBe(LEDGER_STATE_FORMAT);
      for (const asOf of c.dates) {
        const full = reconcilePortfolio(pricing, job(c, asOf, null));
        const carried = reconcilePortfolio(pricing, job(c, asOf, state));
        expect(carried.ledgerSource).toBe('carried');
        expect(carried.ledgerState).toBeNull();
        // the parse of the same bytes makes the same state, whatever the date
        expect(full.ledgerState).toEqual(state);
        expect(withoutNightFields(carried)).toEqual(withoutNightFields(full));
        seen.carried++;
        if ((full.stored?.breaks.length ?? 0) > 0) seen.breaks++;
        if (full.verdict === 'reconciled') seen.reconciled++;
        if (full.verdict === 'ledger_errors') seen.errors++;
        if ((full.stored?.tradingLots ?? []).some((r) => r.value !== null)) seen.lots++;
      }
    }
    // the comparison covered every kind of outcome
    expect(seen.carried).toBe(4 * DEMO_DATES.length + 6 * 8);
    expect(seen.breaks).toBeGreaterThan(10);
    expect(seen.reconciled).toBeGreaterThan(3);
    expect(seen.errors).toBeGreaterThan(5);
    expect(seen.lots).toBeGreaterThan(10);
  });

  it('its movements and lots are the parsed ones: ledgerPortfolio and realisedGains on each date', () => {
    for (const c of cases) {
      const { ledger } = loadFingerprintedLedger(c.ledgerFile);
      const stored = nightLedger(c.ledgerFile, c.id, null).toStore!;
      const carried = nightLedger(c.ledgerFile, c.id, stored);
      expect(carried.source).toBe('carried');
      expect(carried.errors).toEqual(ledger.errors.map(formatDiagnostic));
      for (const asOf of c.dates) {
        expect(carried.portfolioAt(asOf)).toEqual(ledgerPortfolio(ledger.entries, c.id, asOf));
        // decimals compared as their exact text with scale (what every consumer reads)
        expect(JSON.stringify(carried.closedLotsThrough(asOf))).toBe(
          JSON.stringify(realisedGains(ledger.entries, asOf)),
        );
      }
    }
  });
});

describe('a stored ledger state is used only when it can be trusted', () => {
  let dir: string;
  let file: string;
  const g = generatedLedger(3);
  const id = g.portfolioId;
  /** The row with `bytes` as its stored state and a checksum that matches them. */
  const resignedBytes = (row: StoredLedgerState, bytes: Uint8Array): StoredLedgerState => ({
    ...row,
    state: bytes,
    stateSha256: createHash('sha256').update(bytes).digest('hex'),
  });
  /** The row storing `text` as its state, compressed as the step does, with a matching checksum. */
  const resigned = (row: StoredLedgerState, text: string): StoredLedgerState =>
    resignedBytes(row, new Uint8Array(deflateRawSync(text)));
  /** The JSON text a row stores (inflated independently of the code under test). */
  const textOf = (row: StoredLedgerState) => inflateRawSync(row.state).toString('utf8');
  /** `bytes` with one bit of byte `at` flipped (a stored byte gone bad). */
  const flipBit = (bytes: Uint8Array, at: number) => {
    const copy = Uint8Array.from(bytes);
    copy[at] = copy[at]! ^ 0x10;
    return copy;
  };
  /** `text` with the last digit of its first `"d.dd"` number changed. */
  const flipDigit = (text: string) =>
    text.replace(
      /"(-?\d+\.\d)(\d)"/,
      (_, head: string, d: string) => `"${head}${(Number(d) + 1) % 10}"`,
    );
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'night-ledger-trust-'));
    file = join(dir, `${id}.beancount`);
    writeFileSync(file, g.top);
    writeFileSync(join(dir, `${id}-more.beancount`), g.included);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects another format, a bad checksum, undecodable text, another portfolio, file or digest', () => {
    const row = nightLedger(file, id, null).toStore!;
    expect(nightLedger(file, id, row).source).toBe('carried');
    const text = textOf(row);
    expect(row.state.length).toBeLessThan(Buffer.byteLength(text) / 2); // stored compressed
    expect(nightLedger(file, id, resigned(row, text)).source).toBe('carried');
    expect(flipDigit(text)).not.toBe(text);
    const middle = Math.floor(row.state.length / 2);
    const parsed = nightLedger(file, id, null);
    const untrusted: StoredLedgerState[] = [
      { ...row, format: LEDGER_STATE_FORMAT + 1 },
      { ...row, format: 1, state: new TextEncoder().encode(text) }, // the previous (text) format
      { ...row, state: resigned(row, flipDigit(text)).state }, // amounts altered: checksum fails
      { ...row, state: flipBit(row.state, middle) }, // corrupted in storage: checksum fails
      // corrupt blob, re-signed: its first block's type set to the reserved 11, so it cannot inflate
      resignedBytes(
        row,
        Uint8Array.from(row.state, (b, i) => (i === 0 ? b | 0b110 : b)),
      ),
      resignedBytes(row, row.state.subarray(0, middle)), // truncated blob, re-signed
      resignedBytes(row, new TextEncoder().encode(text)), // uncompressed text, re-signed
      resigned(row, 'not json'),
      resigned(row, text.replace(/"-?\d+\.\d\d"/, '"12x.00"')), // not a number
      resigned(row, text.replace('"movements":[[', '"movements":[[1,')), // wrong shape
      resigned(row, text.replace(`"portfolioId":"${id}"`, '"portfolioId":"P-OTHER"')),
      { ...row, ledgerDigest: '0'.repeat(64) },
    ];
    for (const stored of untrusted) {
      const ledger = nightLedger(file, id, stored);
      expect(ledger.source).toBe('untrusted');
      expect(ledger.errors).toEqual(parsed.errors);
      expect(ledger.portfolioAt('2099-12-31')).toEqual(parsed.portfolioAt('2099-12-31'));
      expect(ledger.toStore).toEqual(row); // parsed again: the good state replaces the bad one
    }
    // asked for another portfolio, or for another file: not this state
    expect(nightLedger(file, 'P-OTHER', { ...row, portfolioId: 'P-OTHER' }).source).toBe(
      'untrusted',
    );
    writeFileSync(join(dir, 'copy.beancount'), g.top);
    expect(nightLedger(join(dir, 'copy.beancount'), id, row).source).toBe('untrusted');
  });

  it('re-parses when a file changed at the same size, or a missing include appeared', () => {
    const row = nightLedger(file, id, null).toStore!;
    const edited = g.top.replace(/(\d)\.(\d\d) USD/, (m, a: string) =>
      m.replace(a, String((Number(a) + 1) % 10)),
    );
    expect(edited).not.toBe(g.top);
    expect(edited.length).toBe(g.top.length);
    writeFileSync(file, edited);
    const changed = nightLedger(file, id, row);
    expect(changed.source).toBe('changed');
    expect(changed.toStore?.ledgerDigest).not.toBe(row.ledgerDigest);
    writeFileSync(file, g.top);
    expect(nightLedger(file, id, row).source).toBe('carried');
    // the include that was missing now exists: its transaction counts
    writeFileSync(
      join(dir, `${id}-missing.beancount`),
      `2021-01-05 * "Late deposit"\n  Assets:${id}:Cash:USD 7.00 USD\n  Equity:${id}:Contributions\n`,
    );
    const appeared = nightLedger(file, id, row);
    expect(appeared.source).toBe('changed');
    const reparsed = loadFingerprintedLedger(file).ledger.entries;
    expect(appeared.portfolioAt('2099-12-31')).toEqual(ledgerPortfolio(reparsed, id, '2099-12-31'));
    expect(appeared.portfolioAt('2021-01-05').movements.map((m) => m.narration)).toContain(
      'Late deposit',
    );
  });
});
