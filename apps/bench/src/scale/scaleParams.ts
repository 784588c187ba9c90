/** The parameters that fix a generated data set; the same parameters give the same bytes. */
export interface ScaleParams {
  readonly portfolios: number;
  /** Securities held by each portfolio (distinct equities). */
  readonly holdings: number;
  /** Equities in the universe (benchmarks come on top: one ETF per currency). */
  readonly securities: number;
  /** Years of portfolio history; the market data starts one year earlier. */
  readonly years: number;
  /** Currencies of securities and portfolio bases, e.g. USD, EUR, GBP (USD first is the calendar's). */
  readonly currencies: readonly string[];
  readonly seed: number;
  /** Portfolios whose ledger gets one injected cash break (0 = every ledger agrees). */
  readonly breaks: number;
}

/** Bad generator parameters; the message names the option. */
export class ScaleParamsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaleParamsError';
  }
}

/** Currencies the generator knows a minor unit, country and starting USD rate for. */
export const knownCurrencies = ['USD', 'EUR', 'GBP', 'CHF', 'JPY'] as const;

/** Default universe size: one equity per 20 portfolios, at least 150 and at most 5,000. */
export function defaultSecurities(portfolios: number, holdings: number): number {
  return Math.min(5000, Math.max(150, holdings * 5, Math.ceil(portfolios / 20)));
}

/**
 * Checks `params`: positive integers, holdings ≤ securities, breaks ≤ portfolios,
 * currencies from {@link knownCurrencies} without repeats and starting with USD (the
 * calendar symbol SPY trades in USD). Throws {@link ScaleParamsError} naming the option.
 */
export function validateScaleParams(params: ScaleParams): ScaleParams {
  const positive = (name: string, value: number, max: number): void => {
    if (!Number.isInteger(value) || value < 1 || value > max)
      throw new ScaleParamsError(
        `--${name} must be a whole number from 1 to ${max} (was ${value})`,
      );
  };
  positive('portfolios', params.portfolios, 1_000_000);
  positive('holdings', params.holdings, 500);
  positive('securities', params.securities, 50_000);
  positive('years', params.years, 30);
  if (!Number.isInteger(params.seed) || params.seed < 0 || params.seed > 0xffffffff)
    throw new ScaleParamsError(
      `--seed must be a whole number from 0 to 4294967295 (was ${params.seed})`,
    );
  if (params.holdings > params.securities)
    throw new ScaleParamsError(
      `--holdings (${params.holdings}) must not exceed --securities (${params.securities})`,
    );
  if (!Number.isInteger(params.breaks) || params.breaks < 0 || params.breaks > params.portfolios)
    throw new ScaleParamsError(
      `--breaks must be a whole number from 0 to --portfolios (${params.portfolios}) (was ${params.breaks})`,
    );
  const seen = new Set<string>();
  for (const c of params.currencies) {
    if (!(knownCurrencies as readonly string[]).includes(c) || seen.has(c))
      throw new ScaleParamsError(
        `--currencies must list distinct codes from ${knownCurrencies.join(',')} (bad: ${c})`,
      );
    seen.add(c);
  }
  if (params.currencies[0] !== 'USD')
    throw new ScaleParamsError(
      '--currencies must start with USD (the calendar symbol SPY is in USD)',
    );
  return params;
}

/**
 * Version of what the generator writes for given parameters: raise it whenever a change to
 * the generator changes its output, so a cached set from an older generator is not reused.
 */
export const SCALE_GENERATOR_VERSION = 1;

/**
 * The cache directory name of a data set, e.g. `g1-p1000-h30-s150-y5-USD.EUR.GBP-x1-b0`
 * (`g` = {@link SCALE_GENERATOR_VERSION}).
 */
export function scaleKey(params: ScaleParams): string {
  return [
    `g${SCALE_GENERATOR_VERSION}`,
    `p${params.portfolios}`,
    `h${params.holdings}`,
    `s${params.securities}`,
    `y${params.years}`,
    params.currencies.join('.'),
    `x${params.seed}`,
    `b${params.breaks}`,
  ].join('-');
}
