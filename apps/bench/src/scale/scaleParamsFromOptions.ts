import { integerOption, UsageError } from './commandOptions.js';
import {
  defaultSecurities,
  ScaleParamsError,
  validateScaleParams,
  type ScaleParams,
} from './scaleParams.js';

/** The generator options every scale command accepts. */
export const scaleParamOptions = [
  'portfolios',
  'holdings',
  'securities',
  'years',
  'currencies',
  'seed',
  'breaks',
] as const;

/**
 * {@link ScaleParams} from command options; defaults: 30 holdings, 5 years, USD,EUR,GBP,
 * seed 1, no breaks, securities = {@link defaultSecurities}. `--portfolios` is required
 * unless `portfolios` is given. Bad values → {@link UsageError} naming the option.
 */
export function scaleParamsFromOptions(
  options: ReadonlyMap<string, string>,
  portfolios?: number,
): ScaleParams {
  const n = portfolios ?? integerOption(options, 'portfolios', 0);
  if (n === 0) throw new UsageError('--portfolios N is required (a whole number ≥ 1)');
  const holdings = integerOption(options, 'holdings', 30);
  try {
    return validateScaleParams({
      portfolios: n,
      holdings,
      securities: integerOption(options, 'securities', defaultSecurities(n, holdings)),
      years: integerOption(options, 'years', 5),
      currencies: (options.get('currencies') ?? 'USD,EUR,GBP').split(',').map((c) => c.trim()),
      seed: integerOption(options, 'seed', 1),
      breaks: integerOption(options, 'breaks', 0),
    });
  } catch (error) {
    if (error instanceof ScaleParamsError) throw new UsageError(error.message);
    throw error;
  }
}
