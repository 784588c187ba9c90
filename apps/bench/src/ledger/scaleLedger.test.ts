import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLedgerText } from '@truth-spine/ledger';
import { median } from './median.js';
import { scaleLedger } from './scaleLedger.js';

const SOURCE = `option "operating_currency" "USD"
2020-01-01 commodity HOOL
2020-01-01 open Assets:Cash USD
2020-01-01 open Equity:Opening USD
2020-01-02 * "Fund"
  Assets:Cash   10.00 USD
  Equity:Opening
2020-01-03 balance Assets:Cash 10.00 USD
`;

describe('scaleLedger', () => {
  it('moves each extra copy under its own sub-tree and keeps option/commodity once', () => {
    const scaled = scaleLedger(SOURCE, 3);
    expect(scaled).toContain('open Assets:C2:Cash USD');
    expect(scaled).toContain('balance Assets:C3:Cash 10.00 USD');
    expect(scaled.match(/^option/gm)).toHaveLength(1);
    expect(scaled.match(/commodity HOOL/g)).toHaveLength(1);
  });

  it('yields a ledger that loads without errors, with three times the transactions', () => {
    const ledger = loadLedgerText(scaleLedger(SOURCE, 3), 'scaled.beancount');
    expect(ledger.errors).toEqual([]);
    expect(ledger.entries.filter((e) => e.type === 'Transaction')).toHaveLength(3);
  });

  it('keeps a real ledger valid (the example ledger used by the benchmark)', () => {
    const example = fileURLToPath(
      new URL(
        '../../../../packages/ledger/src/__fixtures__/beancount/ledgers/example-1.beancount',
        import.meta.url,
      ),
    );
    const ledger = loadLedgerText(
      scaleLedger(readFileSync(example, 'utf8'), 2),
      'scaled.beancount',
    );
    expect(ledger.errors).toEqual([]);
  });

  it('rejects a non-positive copy count', () => {
    expect(() => scaleLedger(SOURCE, 0)).toThrow(RangeError);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});
