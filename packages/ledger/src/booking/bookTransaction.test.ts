import { describe, expect, it } from 'vitest';
import { loadLedgerText } from '../loader/loadLedger.js';
import type { Transaction } from '../core/types.js';

/**
 * Booking tests in Beancount's `booking_full_test.py` style: ledger text in, the booked
 * postings of the last transaction out (account, units, cost, price), hand-derived.
 */
function book(body: string, method = 'STRICT') {
  const text = `
2020-01-01 open Assets:Cash USD
2020-01-01 open Assets:Stock HOOL "${method}"
2020-01-01 open Income:PnL USD
2020-01-01 open Equity:Open
${body}`;
  const ledger = loadLedgerText(text, 'test.beancount');
  const txns = ledger.entries.filter((e): e is Transaction => e.type === 'Transaction');
  const last = txns[txns.length - 1] as Transaction;
  return {
    errors: ledger.errors.map((e) => `${e.line}: ${e.message}`),
    postings: last.postings.map((p) => {
      const cost = p.cost
        ? ` {${p.cost.number} ${p.cost.currency}, ${p.cost.date}${p.cost.label ? `, "${p.cost.label}"` : ''}}`
        : '';
      const price = p.price ? ` @ ${p.price.number} ${p.price.currency}` : '';
      return `${p.account} ${p.units.number} ${p.units.currency}${cost}${price}`;
    }),
  };
}

const BUYS = `
2020-01-02 * "buy"
  Assets:Stock   10 HOOL {100.00 USD}
  Assets:Cash
2020-02-02 * "buy"
  Assets:Stock   10 HOOL {110.00 USD, "second"}
  Assets:Cash
`;

describe('booking: augmentations', () => {
  it('dates a lot with the transaction date and fills the elided cash leg', () => {
    expect(book(BUYS).postings).toEqual([
      'Assets:Stock 10 HOOL {110.00 USD, 2020-02-02, "second"}',
      'Assets:Cash -1100.00 USD',
    ]);
  });

  it('turns a total cost {{…}} into a per-unit cost', () => {
    expect(
      book(`2020-01-02 * "buy"\n  Assets:Stock 4 HOOL {{410.00 USD}}\n  Assets:Cash`).postings,
    ).toEqual(['Assets:Stock 4 HOOL {102.50 USD, 2020-01-02}', 'Assets:Cash -410.00 USD']);
  });

  it('turns a total price @@ into a per-unit price', () => {
    const r = book(`2020-01-02 * "fx"\n  Assets:Cash -8 USD @@ 10.00 EUR\n  Equity:Open 10.00 EUR`);
    expect(r.postings).toEqual(['Assets:Cash -8 USD @ 1.25 EUR', 'Equity:Open 10.00 EUR']);
  });
});

describe('booking: reductions', () => {
  it('FIFO takes the oldest lots first and interpolates the gain', () => {
    const r = book(
      `${BUYS}2020-03-02 * "sell"\n  Assets:Stock -15 HOOL {} @ 120.00 USD\n  Assets:Cash 1800.00 USD\n  Income:PnL`,
      'FIFO',
    );
    expect(r.errors).toEqual([]);
    // gain = 1800.00 − (10 × 100.00 + 5 × 110.00) = 250.00
    expect(r.postings).toEqual([
      'Assets:Stock -10 HOOL {100.00 USD, 2020-01-02} @ 120.00 USD',
      'Assets:Stock -5 HOOL {110.00 USD, 2020-02-02, "second"} @ 120.00 USD',
      'Assets:Cash 1800.00 USD',
      'Income:PnL -250.00 USD',
    ]);
  });

  it('LIFO takes the newest lots first', () => {
    const r = book(
      `${BUYS}2020-03-02 * "sell"\n  Assets:Stock -15 HOOL {} @ 120.00 USD\n  Assets:Cash 1800.00 USD\n  Income:PnL`,
      'LIFO',
    );
    // gain = 1800.00 − (10 × 110.00 + 5 × 100.00) = 200.00
    expect(r.postings.slice(0, 2)).toEqual([
      'Assets:Stock -10 HOOL {110.00 USD, 2020-02-02, "second"} @ 120.00 USD',
      'Assets:Stock -5 HOOL {100.00 USD, 2020-01-02} @ 120.00 USD',
    ]);
    expect(r.postings[3]).toBe('Income:PnL -200.00 USD');
  });

  it('STRICT selects by label and refuses an ambiguous {}', () => {
    const byLabel = book(
      `${BUYS}2020-03-02 * "sell"\n  Assets:Stock -2 HOOL {"second"}\n  Assets:Cash`,
    );
    expect(byLabel.postings).toEqual([
      'Assets:Stock -2 HOOL {110.00 USD, 2020-02-02, "second"}',
      'Assets:Cash 220.00 USD',
    ]);
    const ambiguous = book(`${BUYS}2020-03-02 * "sell"\n  Assets:Stock -2 HOOL {}\n  Assets:Cash`);
    expect(ambiguous.errors).toEqual([
      '13: Ambiguous matches for "-2 HOOL {}": 10 HOOL {100.00 USD, 2020-01-02}, 10 HOOL {110.00 USD, 2020-02-02, "second"}',
    ]);
    expect(ambiguous.postings).toEqual([]);
  });

  it('STRICT accepts {} that takes every matching lot exactly', () => {
    const r = book(`${BUYS}2020-03-02 * "sell all"\n  Assets:Stock -20 HOOL {}\n  Assets:Cash`);
    expect(r.errors).toEqual([]);
    expect(r.postings.at(-1)).toBe('Assets:Cash 2100.00 USD');
  });

  it('reports reducing more than a lot holds', () => {
    const r = book(
      `${BUYS}2020-03-02 * "sell"\n  Assets:Stock -11 HOOL {100.00 USD}\n  Assets:Cash`,
    );
    expect(r.errors).toEqual([
      '13: Not enough lots to reduce "-11 HOOL {100.00 USD}": 10 HOOL {100.00 USD, 2020-01-02}',
    ]);
  });

  it('refuses AVERAGE reductions like Beancount 2.3.5', () => {
    const r = book(
      `${BUYS}2020-03-02 * "sell"\n  Assets:Stock -1 HOOL {}\n  Assets:Cash`,
      'AVERAGE',
    );
    expect(r.errors).toEqual(['13: AVERAGE method is not supported']);
  });
});

describe('booking: interpolation', () => {
  it('splits one elided posting per currency, grouped by currency', () => {
    const r = book(
      `2020-01-02 * "open"\n  Assets:Cash 1.50 USD\n  Assets:Cash 3 EUR\n  Equity:Open`,
    );
    expect(r.postings).toEqual([
      'Assets:Cash 1.50 USD',
      'Equity:Open -1.50 USD',
      'Assets:Cash 3 EUR',
      'Equity:Open -3 EUR',
    ]);
  });

  it('rounds an interpolated amount to the precision of the written ones', () => {
    // −(3 × 33.333 − 1.00) = −98.999 USD, quantized to the 0.01 of `-1.00` → −99.00.
    const r = book(
      `2020-01-02 * "buy"\n  Assets:Stock 3 HOOL {33.333 USD}\n  Assets:Cash -1.00 USD\n  Equity:Open`,
    );
    expect(r.postings.at(-1)).toBe('Equity:Open -99.00 USD');
  });

  it('keeps the elided posting where it was written within its group', () => {
    const r = book(`2020-01-02 * "open"\n  Equity:Open\n  Assets:Cash 1.50 USD`);
    expect(r.postings).toEqual(['Equity:Open -1.50 USD', 'Assets:Cash 1.50 USD']);
  });

  it('drops an elided posting whose amount would be zero', () => {
    // USD balances on its own, so the elided posting only takes the EUR residual.
    const r = book(
      `2020-01-02 * "x"\n  Assets:Cash 1.00 USD\n  Income:PnL -1.00 USD\n  Assets:Cash 2 EUR\n  Equity:Open`,
    );
    expect(r.postings).toEqual([
      'Assets:Cash 1.00 USD',
      'Income:PnL -1.00 USD',
      'Assets:Cash 2 EUR',
      'Equity:Open -2 EUR',
    ]);
  });

  it('drops only the currency group that fails to book', () => {
    const r = book(
      `${BUYS}2020-03-02 * "two groups"\n  Assets:Stock -1 HOOL {99.00 USD}\n  Assets:Cash 99.00 USD\n  Equity:Open 5 EUR\n  Equity:Open -5 EUR`,
    );
    expect(r.errors).toHaveLength(1);
    expect(r.postings).toEqual(['Equity:Open 5 EUR', 'Equity:Open -5 EUR']);
  });

  it('refuses two missing numbers in one currency group', () => {
    const r = book(`2020-01-02 * "two"\n  Assets:Cash USD\n  Equity:Open\n  Income:PnL 1.00 USD`);
    expect(r.errors).toEqual(["7: Too many missing numbers for currency group 'USD'"]);
  });
});
