import type { transactionTypes } from '@truth-spine/store/schema';

/** A portfolio from portfolios.json. */
export interface BookPortfolio {
  readonly id: string;
  readonly name: string;
  readonly baseCurrency: string;
  readonly benchmark: string;
  readonly inception: string;
}

/** A row of securities.csv (decimals stay strings). */
export interface BookSecurity {
  readonly symbol: string;
  readonly name: string;
  readonly currency: string;
  readonly kind: 'equity' | 'etf' | 'adr' | 'fund' | 'cash';
  readonly country: string | null;
  readonly adrRatio: string | null;
  readonly underlying: string | null;
  readonly underlyingCurrency: string | null;
}

/** A row of transactions/<ID>.csv (decimals stay strings; blanks are null). */
export interface BookTransaction {
  readonly portfolioId: string;
  readonly externalId: string;
  readonly tradeDate: string;
  readonly settleDate: string | null;
  readonly type: (typeof transactionTypes)[number];
  readonly symbol: string | null;
  readonly quantity: string | null;
  readonly price: string | null;
  readonly amount: string;
  readonly currency: string;
  readonly exDate: string | null;
  readonly payDate: string | null;
  readonly description: string;
}

/** A validated books directory. */
export interface Books {
  readonly portfolios: readonly BookPortfolio[];
  readonly securities: readonly BookSecurity[];
  readonly transactions: readonly BookTransaction[];
}
