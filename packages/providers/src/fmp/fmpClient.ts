import type { ProviderConfig } from '../config/providerConfig.js';
import { ProviderHttpError } from '../errors/providerHttpError.js';
import { ProviderResponseError } from '../errors/providerResponseError.js';
import type { Type } from 'arktype';
import { ProviderHttpClient, type ClientOverrides } from '../http/providerHttpClient.js';
import { fxSeriesPerPair, rateOfBar } from '../model/fxSeriesPerPair.js';
import { decimalFromNumber, decimalOrNull } from '../model/decimal.js';
import { inRange, isIsoDate } from '../model/isoDate.js';
import type {
  DailyBar,
  Dividend,
  FundamentalPeriod,
  Fundamentals,
  FxSeries,
  PriceSeries,
  Split,
} from '../model/marketData.js';
import type {
  CorporateActionSource,
  DailyBarSource,
  DateRange,
  FundamentalsSource,
  FxRateSource,
  SymbolsRange,
} from '../model/sources.js';
import { fmpProtocol } from './fmpProtocol.js';
import {
  fmpBalanceSheetRows,
  fmpCashFlowRows,
  fmpDividendRows,
  fmpEodRows,
  fmpIncomeStatementRows,
  fmpKeyMetricsRows,
  fmpQuoteRows,
  fmpSplitRows,
} from './fmpSchemas.js';

/** Annual periods requested; FMP's free plan answers 402 above 5. */
const fundamentalsYears = 5;

/** A last-trade quote. */
export interface Quote {
  readonly symbol: string;
  readonly price: string;
  /** Exchange timestamp as ISO instant, or null when FMP omits it. */
  readonly as_of: string | null;
}

/**
 * Financial Modeling Prep on its current `/stable` API (the legacy `/api/v3` answers
 * 403 to keys issued after August 2025): end-of-day bars (stocks and FX symbols such as
 * `EURUSD`), quotes, dividends, splits and annual fundamentals.
 */
export class FmpClient
  implements DailyBarSource, CorporateActionSource, FxRateSource, FundamentalsSource
{
  readonly http: ProviderHttpClient;

  constructor(config: ProviderConfig, overrides: ClientOverrides = {}) {
    this.http = new ProviderHttpClient({
      protocol: fmpProtocol,
      settings: config.providers.fmp,
      resilience: config.resilience,
      ...overrides,
    });
  }

  /** Raw daily bars from `/stable/historical-price-eod/full`, ascending. */
  async dailyBars(request: SymbolsRange, signal?: AbortSignal): Promise<PriceSeries[]> {
    return Promise.all(
      request.symbols.map(async (symbol) => ({
        symbol,
        provider: 'fmp' as const,
        bars: await this.eodBars(symbol, request, signal),
      })),
    );
  }

  /** Daily FX closes from the same endpoint with the pair as symbol (`EURUSD`). */
  async fxRates(
    request: DateRange & { readonly pairs: readonly string[] },
    signal?: AbortSignal,
  ): Promise<FxSeries[]> {
    return fxSeriesPerPair(request.pairs, 'fmp', async (pair) =>
      (await this.eodBars(pair.pair, request, signal)).map(rateOfBar),
    );
  }

  /** Latest quotes from `/stable/quote`. */
  async quotes(symbols: readonly string[], signal?: AbortSignal): Promise<Quote[]> {
    const rows = await this.perSymbol(fmpQuoteRows, '/stable/quote', symbols, signal);
    return rows.map((row) => ({
      symbol: row.symbol,
      price: decimalFromNumber(row.price),
      as_of: row.timestamp === undefined ? null : new Date(row.timestamp * 1000).toISOString(),
    }));
  }

  /** Cash dividends from `/stable/dividends` with ex-date in range (FMP states no currency). */
  async dividends(request: SymbolsRange, signal?: AbortSignal): Promise<Dividend[]> {
    const rows = await this.perSymbol(
      fmpDividendRows,
      '/stable/dividends',
      request.symbols,
      signal,
    );
    return rows
      .filter((row) => inRange(row.date, request.from, request.to))
      .map((row) => ({
        symbol: row.symbol,
        ex_date: row.date,
        record_date: optionalDate(row.recordDate),
        pay_date: optionalDate(row.paymentDate),
        amount: decimalFromNumber(row.dividend),
        currency: null,
        provider: 'fmp' as const,
      }))
      .sort(byExDateThenSymbol);
  }

  /** Splits from `/stable/splits` effective in range. */
  async splits(request: SymbolsRange, signal?: AbortSignal): Promise<Split[]> {
    const rows = await this.perSymbol(fmpSplitRows, '/stable/splits', request.symbols, signal);
    return rows
      .filter((row) => inRange(row.date, request.from, request.to))
      .map((row) => ({
        symbol: row.symbol,
        date: row.date,
        numerator: decimalFromNumber(row.numerator),
        denominator: decimalFromNumber(row.denominator),
        provider: 'fmp' as const,
      }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.symbol.localeCompare(b.symbol));
  }

  /**
   * Annual fundamentals: income statement (revenue … diluted shares) and key metrics
   * (return on equity) are required; balance sheet (debt, equity) and cash flow
   * (operating cash flow, capex, free cash flow) are used when available; when either
   * answers with a non-retryable error (404, 402, 403, …) or an unreadable body, its
   * fields are null rather than failing the whole request.
   */
  async fundamentals(symbols: readonly string[], signal?: AbortSignal): Promise<Fundamentals[]> {
    return Promise.all(symbols.map((symbol) => this.companyFundamentals(symbol, signal)));
  }

  private async companyFundamentals(symbol: string, signal?: AbortSignal): Promise<Fundamentals> {
    const query = { symbol, period: 'annual', limit: fundamentalsYears };
    const get = <T>(schema: Type<T>, endpoint: string): Promise<T> =>
      this.http.get(schema, { endpoint, path: endpoint, query }, signal);
    const optional = async <T>(schema: Type<T[]>, endpoint: string): Promise<T[]> => {
      try {
        return await get(schema, endpoint);
      } catch (error) {
        const unavailable =
          (error instanceof ProviderHttpError && !error.retryable) ||
          error instanceof ProviderResponseError;
        if (unavailable) return [];
        throw error;
      }
    };
    const [income, metrics, balance, cashFlow] = await Promise.all([
      get(fmpIncomeStatementRows, '/stable/income-statement'),
      get(fmpKeyMetricsRows, '/stable/key-metrics'),
      optional(fmpBalanceSheetRows, '/stable/balance-sheet-statement'),
      optional(fmpCashFlowRows, '/stable/cash-flow-statement'),
    ]);
    const byYear = <T extends { fiscalYear: string }>(rows: readonly T[]) =>
      new Map(rows.map((row) => [row.fiscalYear, row]));
    const metricsByYear = byYear(metrics);
    const balanceByYear = byYear(balance);
    const cashFlowByYear = byYear(cashFlow);
    const periods: FundamentalPeriod[] = [...income]
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((row) => {
        const m = metricsByYear.get(row.fiscalYear);
        const b = balanceByYear.get(row.fiscalYear);
        const c = cashFlowByYear.get(row.fiscalYear);
        return {
          fiscal_year: row.fiscalYear,
          period_end: row.date,
          revenue: decimalOrNull(row.revenue),
          gross_profit: decimalOrNull(row.grossProfit),
          operating_income: decimalOrNull(row.operatingIncome),
          net_income: decimalOrNull(row.netIncome),
          eps_diluted: decimalOrNull(row.epsDiluted),
          interest_expense: decimalOrNull(row.interestExpense),
          total_debt: decimalOrNull(b?.totalDebt),
          total_equity: decimalOrNull(b?.totalStockholdersEquity),
          operating_cash_flow: decimalOrNull(c?.operatingCashFlow),
          capital_expenditure: decimalOrNull(c?.capitalExpenditure),
          free_cash_flow: decimalOrNull(c?.freeCashFlow),
          shares_diluted: decimalOrNull(row.weightedAverageShsOutDil),
          return_on_equity: decimalOrNull(m?.returnOnEquity),
        };
      });
    const currency = income.find(
      (row) => typeof row.reportedCurrency === 'string',
    )?.reportedCurrency;
    return { symbol, currency: currency ?? null, provider: 'fmp', periods };
  }

  private async eodBars(
    symbol: string,
    range: DateRange,
    signal?: AbortSignal,
  ): Promise<DailyBar[]> {
    const endpoint = '/stable/historical-price-eod/full';
    const rows = await this.http.get(
      fmpEodRows,
      { endpoint, path: endpoint, query: { symbol, from: range.from, to: range.to } },
      signal,
    );
    return rows
      .map((row) => ({
        date: row.date,
        open: decimalOrNull(row.open),
        high: decimalOrNull(row.high),
        low: decimalOrNull(row.low),
        close: decimalFromNumber(row.close),
        volume: decimalOrNull(row.volume),
      }))
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  /** One GET per symbol (`?symbol=`), rows of all symbols concatenated. */
  private async perSymbol<T>(
    schema: Type<T[]>,
    endpoint: string,
    symbols: readonly string[],
    signal?: AbortSignal,
  ): Promise<T[]> {
    const rows = await Promise.all(
      symbols.map((symbol) =>
        this.http.get(schema, { endpoint, path: endpoint, query: { symbol } }, signal),
      ),
    );
    return rows.flat();
  }
}

/** FMP writes unknown dates as "" or null. */
function optionalDate(text: string | null | undefined): string | null {
  return text !== null && text !== undefined && isIsoDate(text) ? text : null;
}

function byExDateThenSymbol(a: Dividend, b: Dividend): number {
  return a.ex_date.localeCompare(b.ex_date) || a.symbol.localeCompare(b.symbol);
}
