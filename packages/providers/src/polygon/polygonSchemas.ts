import { type } from 'arktype';

/** arktype schemas of the Polygon/Massive responses we read (used fields only). */
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const optionalNumber = 'number | null';

const aggregateBar = {
  t: 'number',
  c: 'number',
  'o?': optionalNumber,
  'h?': optionalNumber,
  'l?': optionalNumber,
  'v?': optionalNumber,
} as const;

/** `/v2/aggs/ticker/{ticker}/range/1/day/{from}/{to}`; `results` is absent when empty. */
export const polygonAggregates = type({
  status: 'string',
  'results?': type(aggregateBar).array(),
  'next_url?': 'string',
});

/** `/v2/aggs/grouped/locale/us/market/stocks/{date}`. */
export const polygonGroupedDaily = type({
  status: 'string',
  'results?': type({ ...aggregateBar, T: 'string' }).array(),
});

/** `/v3/reference/dividends`. */
export const polygonDividends = type({
  status: 'string',
  'results?': type({
    ticker: 'string',
    cash_amount: 'number',
    ex_dividend_date: isoDate,
    'currency?': 'string',
    'record_date?': 'string',
    'pay_date?': 'string',
  }).array(),
  'next_url?': 'string',
});

/** `/v3/reference/splits`: `split_to` new shares for `split_from` old. */
export const polygonSplits = type({
  status: 'string',
  'results?': type({
    ticker: 'string',
    execution_date: isoDate,
    split_from: 'number > 0',
    split_to: 'number > 0',
  }).array(),
  'next_url?': 'string',
});
