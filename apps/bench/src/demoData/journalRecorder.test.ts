import { describe, expect, it } from 'vitest';
import { JournalRecorder } from './journalRecorder.js';

describe('JournalRecorder', () => {
  it('numbers rows per portfolio, keeps cash per currency and matches each entry to its first row', () => {
    const journal = new JournalRecorder('P1', (currency) => `Assets:P1:Cash:${currency}`);
    const deposit = journal.row('deposit', '2024-01-02', {
      amount: '1000.00',
      currency: 'USD',
      description: 'Deposit USD 1000.00',
    });
    expect(deposit).toEqual({
      externalId: 'P1-0001',
      tradeDate: '2024-01-02',
      settleDate: '2024-01-02',
      type: 'deposit',
      symbol: '',
      quantity: '',
      price: '',
      exDate: '',
      payDate: '',
      amount: '1000.00',
      currency: 'USD',
      description: 'Deposit USD 1000.00',
    });
    journal.record(
      [deposit],
      [journal.cashPosting('USD', '1000.00')],
      [{ key: 'note', value: 'x', kind: 'string' }],
    );
    const sold = journal.row('fx', '2024-01-03', {
      amount: '-100.00',
      currency: 'USD',
      description: 'FX',
    });
    const bought = journal.row('fx', '2024-01-03', {
      amount: '90.00',
      currency: 'EUR',
      description: 'FX',
    });
    journal.record([sold, bought], []);

    expect([sold.externalId, bought.externalId]).toEqual(['P1-0002', 'P1-0003']);
    expect(journal.cashBalance('USD')?.toFixed()).toBe('900');
    expect(journal.cashBalance('EUR')?.toFixed()).toBe('90');
    expect(journal.cashBalance('GBP')).toBeUndefined();
    expect([...journal.cashBalances().keys()]).toEqual(['USD', 'EUR']);
    const [first, second] = journal.journal();
    expect(first?.transaction).toEqual({
      date: '2024-01-02',
      narration: 'Deposit USD 1000.00',
      meta: [
        { key: 'external_id', value: 'P1-0001', kind: 'string' },
        { key: 'note', value: 'x', kind: 'string' },
      ],
      postings: [{ account: 'Assets:P1:Cash:USD', units: '1000.00', commodity: 'USD' }],
    });
    expect(second?.transaction.meta).toEqual([
      { key: 'external_id', value: 'P1-0002 P1-0003', kind: 'string' },
    ]);
  });
});
