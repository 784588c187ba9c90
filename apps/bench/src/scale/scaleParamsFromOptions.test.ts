import { describe, expect, it } from 'vitest';
import { commandOptions, UsageError } from './commandOptions.js';
import { scaleKey } from './scaleParams.js';
import { scaleParamsFromOptions } from './scaleParamsFromOptions.js';

const parse = (...args: string[]) =>
  scaleParamsFromOptions(
    commandOptions(
      args,
      ['portfolios', 'holdings', 'securities', 'years', 'currencies', 'seed', 'breaks'],
      ['json'],
    ),
  );

describe('scale command options', () => {
  it('fills the defaults: 30 holdings, 5 years, USD,EUR,GBP, seed 1, one security per 20 portfolios (150–5,000)', () => {
    expect(parse('--portfolios', '10000')).toEqual({
      portfolios: 10_000,
      holdings: 30,
      securities: 500,
      years: 5,
      currencies: ['USD', 'EUR', 'GBP'],
      seed: 1,
      breaks: 0,
    });
    expect(parse('--portfolios', '200').securities).toBe(150);
    expect(parse('--portfolios', '1000000').securities).toBe(5000);
    expect(scaleKey(parse('--portfolios', '200', '--breaks', '3'))).toBe(
      'g1-p200-h30-s150-y5-USD.EUR.GBP-x1-b3',
    );
  });
  it('names the option that is wrong', () => {
    expect(() => parse('--holdings', '3')).toThrow('--portfolios N is required');
    expect(() => parse('--portfolios', '10', '--holdings', '40', '--securities', '30')).toThrow(
      '--holdings (40) must not exceed --securities (30)',
    );
    expect(() => parse('--portfolios', '10', '--breaks', '11')).toThrow(
      /--breaks must be a whole number from 0 to --portfolios \(10\)/,
    );
    expect(() => parse('--portfolios', '10', '--currencies', 'EUR,USD')).toThrow(
      '--currencies must start with USD',
    );
    expect(() => parse('--portfolios', '10', '--currencies', 'USD,XYZ')).toThrow(/bad: XYZ/);
    expect(() => parse('--portfolios', '1.5')).toThrow(
      '--portfolios must be a whole number (was "1.5")',
    );
    expect(() => parse('--portfolio', '10')).toThrow(UsageError);
    expect(() => parse('--portfolios')).toThrow('option --portfolios needs a value');
  });
});
