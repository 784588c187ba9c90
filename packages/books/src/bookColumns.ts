import { type, type Type } from 'arktype';
import { transactionTypes } from '@truth-spine/store/schema';
import { isCurrencyCode } from './currencyCodes.js';

/*
 * The field types of the books files (docs/DATA-FORMATS.md#books), as arktype types of a
 * field's text: dates YYYY-MM-DD that exist, decimals like 12.50, ISO 4217 currencies,
 * symbols; a blank optional field is ''.
 */
const isoDate = type(/^\d{4}-\d{2}-\d{2}$/)
  .describe('a date YYYY-MM-DD')
  .narrow(
    (s, ctx) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s) || ctx.mustBe('a real date'),
  );
const optionalDate = type("''").or(isoDate);
const decimal = type(/^-?\d+(\.\d+)?$/).describe('a decimal like 12.50');
const optionalDecimal = type("''").or(decimal);
const currency = type('string').narrow(
  (s, ctx) => isCurrencyCode(s) || ctx.mustBe('an ISO 4217 currency code like USD'),
);
const symbol = type(/^[A-Z0-9][A-Z0-9.'_/-]*$/).describe('a symbol like AAPL or BRK-B');
const anyText = type('string');
const required = type('string > 0').describe('present');

/** The columns of securities.csv, in order, each with the type of its text. */
export const securityColumns = {
  symbol,
  name: required,
  currency,
  kind: type("'equity' | 'etf' | 'adr' | 'fund' | 'cash'"),
  country: type("''").or(type(/^[A-Z]{2}$/).describe('an ISO 3166 code like US')),
  adr_ratio: optionalDecimal,
  underlying: type("''").or(symbol),
  underlying_currency: type("''").or(currency),
} satisfies Record<string, Type<string>>;

/** The columns of transactions/<ID>.csv, in order, each with the type of its text. */
export const transactionColumns = {
  external_id: required,
  trade_date: isoDate,
  settle_date: optionalDate,
  type: type.enumerated(...transactionTypes),
  symbol: type("''").or(symbol),
  quantity: optionalDecimal,
  price: optionalDecimal,
  amount: decimal,
  currency,
  ex_date: optionalDate,
  pay_date: optionalDate,
  description: anyText,
} satisfies Record<string, Type<string>>;

/** One entry of portfolios.json (docs/DATA-FORMATS.md#portfoliosjson). */
export const portfolioEntry = type({
  id: type(/^[A-Za-z0-9][A-Za-z0-9_-]*$/).describe('an id of letters, digits, - and _'),
  name: 'string > 0',
  base_currency: currency,
  benchmark: symbol,
  inception: isoDate,
});

/** The whole of portfolios.json. */
export const portfoliosJson = type({ portfolios: portfolioEntry.array() });
