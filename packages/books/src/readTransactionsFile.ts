import { blankToNull } from './blankToNull.js';
import { transactionColumns } from './bookColumns.js';
import type { BookTransaction } from './bookRecords.js';
import type { BookProblem } from './booksError.js';
import { readCheckedCsv } from './readCheckedCsv.js';
import { checkTransactionMarket, type BooksMarketFacts } from './transactionMarketRules.js';

/** Which transaction types need a security, and the sign their amount must have. */
const typeRules: Record<BookTransaction['type'], { security: boolean; sign: -1 | 0 | 1 | null }> = {
  buy: { security: true, sign: -1 },
  sell: { security: true, sign: 1 },
  dividend: { security: true, sign: 1 },
  interest: { security: false, sign: null },
  fee: { security: false, sign: -1 },
  deposit: { security: false, sign: 1 },
  withdrawal: { security: false, sign: -1 },
  split: { security: true, sign: 0 },
  fx: { security: false, sign: null },
};

/**
 * Reads and validates one `transactions/<ID>.csv` file (docs/TRANSACTIONS-CSV.md) of portfolio
 * `portfolioId`: every field's type, the rules of its transaction type (security,
 * quantity and price where needed, positive quantity on buys and sells, ex and pay dates
 * on dividends, the amount's sign), unique external ids, and each row against the market
 * it describes ({@link checkTransactionMarket} with `facts`: known security, its
 * currency, convertible to the portfolio's base, dates, amount = quantity × price).
 * Problems go to `report`; rows with a bad field are left out of the result.
 */
export async function readTransactionsFile(
  dir: string,
  file: string,
  portfolio: { readonly id: string; readonly baseCurrency: string },
  facts: BooksMarketFacts,
  report: (p: BookProblem) => void,
): Promise<BookTransaction[]> {
  const seen = new Map<string, number>();
  const portfolioId = portfolio.id;
  return readCheckedCsv(dir, file, transactionColumns, report, (values, record, at) => {
    const rules = typeRules[values.type as BookTransaction['type']];
    if (rules.security && values.symbol === '')
      report(at('symbol', `is required for a ${values.type}`));
    if (
      (values.type === 'buy' || values.type === 'sell') &&
      values.quantity !== '' &&
      Number(values.quantity) <= 0
    ) {
      report(at('quantity', `must be positive for a ${values.type} (was ${values.quantity})`));
    }
    if (
      (values.type === 'buy' || values.type === 'sell') &&
      (values.quantity === '' || values.price === '')
    ) {
      report(at(values.quantity === '' ? 'quantity' : 'price', `is required for a ${values.type}`));
    }
    if (values.type === 'split' && values.quantity === '')
      report(at('quantity', 'is required for a split (shares added)'));
    if (values.type === 'dividend') {
      if (values.ex_date === '') report(at('ex_date', 'is required for a dividend'));
      if (values.pay_date === '') report(at('pay_date', 'is required for a dividend'));
    }
    if (rules.sign !== null && values.amount !== '') {
      const sign = Math.sign(Number(values.amount));
      if (rules.sign === 0 ? sign !== 0 : sign === -rules.sign) {
        const wanted =
          rules.sign === 0
            ? 'zero'
            : rules.sign < 0
              ? 'negative (cash paid)'
              : 'positive (cash received)';
        report(at('amount', `must be ${wanted} for a ${values.type} (was ${values.amount})`));
      }
    }
    const previous = seen.get(values.external_id);
    if (previous !== undefined)
      report(at('external_id', `${values.external_id} repeats line ${previous}`));
    seen.set(values.external_id, record.line);
    const row: BookTransaction = {
      portfolioId,
      externalId: values.external_id,
      tradeDate: values.trade_date,
      settleDate: blankToNull(values.settle_date),
      type: values.type as BookTransaction['type'],
      symbol: blankToNull(values.symbol),
      quantity: blankToNull(values.quantity),
      price: blankToNull(values.price),
      amount: values.amount,
      currency: values.currency,
      exDate: blankToNull(values.ex_date),
      payDate: blankToNull(values.pay_date),
      description: values.description,
    };
    checkTransactionMarket(row, portfolio.baseCurrency, facts, (column, message) =>
      report(at(column, message)),
    );
    return row;
  });
}
