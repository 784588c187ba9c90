import Big from 'big.js';
import { type CsvTable, readCsvTable } from './csv.js';
import { DemoDataError } from './demoDataError.js';
import type { FundamentalsSource } from './types.js';

/** One annual period of `fundamentals/<SYMBOL>.json` (offline format); numbers as decimal strings. */
export interface FundamentalsPeriod {
  /** The year as a decimal string, like every number of the offline format. */
  readonly fiscal_year: string;
  readonly period_end: string;
  readonly revenue: string | null;
  readonly gross_profit: string | null;
  readonly operating_income: string | null;
  readonly net_income: string | null;
  readonly eps_diluted: string | null;
  readonly interest_expense: string | null;
  readonly total_debt: string | null;
  readonly total_equity: string | null;
  readonly operating_cash_flow: string | null;
  readonly capital_expenditure: string | null;
  readonly free_cash_flow: string | null;
  readonly shares_diluted: string | null;
  readonly return_on_equity: string | null;
}

/** `fundamentals/<SYMBOL>.json`. */
export interface FundamentalsFile {
  readonly symbol: string;
  readonly currency: string;
  readonly periods: readonly FundamentalsPeriod[];
}

const emptyPeriod = {
  revenue: null,
  gross_profit: null,
  operating_income: null,
  net_income: null,
  eps_diluted: null,
  interest_expense: null,
  total_debt: null,
  total_equity: null,
  operating_cash_flow: null,
  capital_expenditure: null,
  free_cash_flow: null,
  shares_diluted: null,
  return_on_equity: null,
} as const;

/**
 * Builds a company's annual fundamentals from the recent-years file (columns Total Revenue,
 * Gross Profit, Net Income, EPS, Operating Income, Year) and/or its rows of the Kaggle-style
 * table (2012–2016, full statements). Values keep their exact value, written in plain
 * notation (`1.71E+11` → `171000000000`); blank → null. Derived fields (labelled in
 * SOURCES.md): period_end = fiscal year + the company's year-end day; total_debt = long-term
 * + short-term debt; free_cash_flow = operating cash flow + capital expenditure (negative in
 * the source); return_on_equity = net income / total equity (6 decimals). Periods ending
 * after `lastDate` are dropped: they were not known on the data's last day.
 */
export function buildFundamentals(
  source: FundamentalsSource,
  recentText: string | undefined,
  kaggle: CsvTable | undefined,
  lastDate: string,
): FundamentalsFile {
  const periods = [
    ...(kaggle !== undefined && source.kaggleTicker !== undefined
      ? kagglePeriods(kaggle, source.kaggleTicker)
      : []),
    ...(recentText !== undefined && source.recent !== undefined
      ? recentPeriods(readCsvTable(recentText, source.recent.path), source.fiscalYearEnd)
      : []),
  ]
    .filter((p) => p.period_end <= lastDate)
    .sort((a, b) => (a.period_end < b.period_end ? -1 : 1));
  return { symbol: source.symbol, currency: source.currency, periods };
}

function recentPeriods(table: CsvTable, fiscalYearEnd: string): FundamentalsPeriod[] {
  const col = {
    revenue: table.column('total revenue'),
    gross: table.column('gross profit'),
    net: table.column('net income'),
    eps: table.column('eps'),
    operating: table.column('operating income'),
    year: table.column('year'),
  };
  return table.rows
    .map(({ line, fields }) => {
      const value = (index: number): string | null =>
        decimalOrNull(fields[index], table.file, line);
      const year = fields[col.year]?.trim() ?? '';
      if (!/^\d{4}$/.test(year)) {
        throw new DemoDataError(
          'DEMO_SOURCE_MALFORMED',
          `${table.file}:${line}: expected a four-digit Year, found "${year}"`,
        );
      }
      return {
        fiscal_year: year,
        period_end: `${year}-${fiscalYearEnd}`,
        ...emptyPeriod,
        revenue: value(col.revenue),
        gross_profit: value(col.gross),
        operating_income: value(col.operating),
        net_income: value(col.net),
        eps_diluted: value(col.eps),
      };
    })
    .filter((p) => p.revenue !== null || p.net_income !== null);
}

function kagglePeriods(table: CsvTable, ticker: string): FundamentalsPeriod[] {
  const col = {
    ticker: table.column('ticker symbol'),
    periodEnding: table.column('period ending'),
    forYear: table.column('for year'),
    revenue: table.column('total revenue'),
    gross: table.column('gross profit'),
    operating: table.column('operating income'),
    net: table.column('net income'),
    interest: table.column('interest expense'),
    longDebt: table.column('long-term debt'),
    shortDebt: table.column('short-term debt / current portion of long-term debt'),
    equity: table.column('total equity'),
    cashFlow: table.column('net cash flow-operating'),
    capex: table.column('capital expenditures'),
    eps: table.column('earnings per share'),
    shares: table.column('estimated shares outstanding'),
  };
  return table.rows
    .filter(({ fields }) => fields[col.ticker] === ticker)
    .map(({ line, fields }) => {
      const value = (index: number): string | null =>
        decimalOrNull(fields[index], table.file, line);
      const periodEnd = usDate(fields[col.periodEnding] ?? '', table.file, line);
      const net = value(col.net);
      const equity = value(col.equity);
      const cashFlow = value(col.cashFlow);
      const capex = value(col.capex);
      return {
        fiscal_year: fields[col.forYear]?.trim() || periodEnd.slice(0, 4),
        period_end: periodEnd,
        revenue: value(col.revenue),
        gross_profit: value(col.gross),
        operating_income: value(col.operating),
        net_income: net,
        eps_diluted: value(col.eps),
        interest_expense: value(col.interest),
        total_debt: sum(value(col.longDebt), value(col.shortDebt)),
        total_equity: equity,
        operating_cash_flow: cashFlow,
        capital_expenditure: capex,
        free_cash_flow: sum(cashFlow, capex),
        shares_diluted: value(col.shares),
        return_on_equity:
          net === null || equity === null || new Big(equity).lte(0)
            ? null
            : new Big(net).div(equity).round(6, Big.roundHalfEven).toFixed(),
      };
    });
}

function sum(a: string | null, b: string | null): string | null {
  return a === null || b === null ? null : new Big(a).plus(b).toFixed();
}

function decimalOrNull(raw: string | undefined, file: string, line: number): string | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  try {
    return new Big(text).toFixed();
  } catch {
    throw new DemoDataError(
      'DEMO_SOURCE_MALFORMED',
      `${file}:${line}: expected a number, found "${text}"`,
    );
  }
}

function usDate(text: string, file: string, line: number): string {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (match === null) {
    throw new DemoDataError(
      'DEMO_SOURCE_MALFORMED',
      `${file}:${line}: expected a date M/D/YYYY, found "${text}"`,
    );
  }
  const [, m, d, y] = match as unknown as [string, string, string, string];
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}
