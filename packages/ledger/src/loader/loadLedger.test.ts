import { describe, expect, it } from 'vitest';
import { LedgerFileError } from '../core/errors.js';
import { loadLedgerFile, loadLedgerText } from './loadLedger.js';

const OPEN = `
2024-01-01 open Assets:Cash USD
2024-01-01 open Equity:Open USD
2024-01-02 * "fund"
  Assets:Cash  10.004 USD
  Equity:Open
`;

describe('loadLedgerText: options that change checking', () => {
  it('balance tolerance is 2 × multiplier × last digit: 10.00 vs 10.004 passes at 0.5, not at 0.1', () => {
    // Default: 2 × 0.5 × 0.01 = 0.01 ≥ |10.004 − 10.00| = 0.004 → passes.
    const passes = loadLedgerText(
      `${OPEN}2024-01-03 balance Assets:Cash 10.00 USD\n`,
      'a.beancount',
    );
    expect(passes.errors).toEqual([]);
    // With multiplier 0.1: 2 × 0.1 × 0.01 = 0.002 < 0.004 → fails, difference reported.
    const strict = loadLedgerText(
      `option "inferred_tolerance_multiplier" "0.1"\n${OPEN}2024-01-03 balance Assets:Cash 10.00 USD\n`,
      'a.beancount',
    );
    expect(strict.errors.map((e) => [e.line, e.message])).toEqual([
      [
        8,
        "Balance failed for 'Assets:Cash': expected 10.00 USD != accumulated 10.004 USD (0.004 too much)",
      ],
    ]);
  });

  it('option booking_method sets the default for accounts without one', () => {
    const text = `option "booking_method" "FIFO"
2024-01-01 open Assets:Stock HOOL
2024-01-01 open Assets:Cash USD
2024-01-02 * "a"
  Assets:Stock 1 HOOL {10 USD}
  Assets:Cash
2024-01-03 * "b"
  Assets:Stock 1 HOOL {20 USD}
  Assets:Cash
2024-01-04 * "sell"
  Assets:Stock -1 HOOL {}
  Assets:Cash
`;
    const ledger = loadLedgerText(text, 'b.beancount');
    expect(ledger.errors).toEqual([]);
    const sell = ledger.entries.at(-1);
    expect(sell?.type === 'Transaction' && sell.postings[0]?.cost?.number.toString()).toBe('10');
  });
});

describe('loadLedgerText: text encoding', () => {
  it('ignores a byte-order mark and Windows line ends', () => {
    const ledger = loadLedgerText(
      '\uFEFF2024-01-01 open Assets:Cash USD\r\n2024-01-02 balance Assets:Cash 0 USD\r\n',
      'w.beancount',
    );
    expect(ledger.errors).toEqual([]);
    expect(ledger.entries.map((e) => [e.type, e.line])).toEqual([
      ['Open', 1],
      ['Balance', 2],
    ]);
  });
});

describe('loadLedgerFile: includes and files', () => {
  const files: Record<string, string> = {
    'books/main.beancount':
      'include "sub/more.beancount"\ninclude "missing.beancount"\n2024-01-01 open Assets:Cash USD\n',
    'books/sub/more.beancount': '2024-01-01 open Equity:Open USD\n',
  };
  const read = (path: string) => files[path] ?? null;

  it('reads includes relative to the including file and reports a missing one by line', () => {
    const ledger = loadLedgerFile('books/main.beancount', read);
    expect(ledger.entries.map((e) => [e.file, e.line])).toEqual([
      ['books/sub/more.beancount', 1],
      ['books/main.beancount', 3],
    ]);
    expect(ledger.errors).toEqual([
      {
        type: 'LoadError',
        file: 'books/main.beancount',
        line: 2,
        message: 'File "books/missing.beancount" does not exist',
      },
    ]);
  });

  it('throws a typed error naming the file when the ledger itself cannot be read', () => {
    expect(() => loadLedgerFile('nope.beancount', read)).toThrow(LedgerFileError);
    expect(() => loadLedgerFile('nope.beancount', read)).toThrow(/nope\.beancount/);
  });
});
