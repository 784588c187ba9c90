import { computeMetricSet } from '@truth-spine/finance-core';
import { describe, expect, it } from 'vitest';
import { kernelsBenchmark } from './kernelsBenchmark.js';
import { syntheticMarket, syntheticPortfolio } from './syntheticPortfolios.js';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await kernelsBenchmark.run(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  });
  return { code, out: out.join(''), err: err.join('') };
}

describe('bench kernels', () => {
  it('prints one JSON report with the per-portfolio time, and the same checksum every run', async () => {
    const first = await run(['--portfolios', '3', '--days', '400', '--json']);
    const second = await run(['--portfolios', '3', '--days', '400', '--json']);
    const report = JSON.parse(first.out);
    expect(report).toMatchObject({ portfolios: 3, days: 400, target_us: 80 });
    expect(report.us_per_portfolio).toBeGreaterThan(0);
    expect(first.code).toBe(report.target_met ? 0 : 1);
    expect(JSON.parse(second.out).checksum).toBe(report.checksum);
    expect(first.err).toMatch(/kernels: .* µs per portfolio/);
  });
  it('rejects bad options', async () => {
    await expect(run(['--portfolios', '0'])).rejects.toThrow(/positive integer/);
    await expect(run(['--fast'])).rejects.toThrow(/unknown argument/);
  });
  it('builds portfolios whose every metric is defined (real work is timed)', () => {
    const market = syntheticMarket(1500, 1);
    const input = syntheticPortfolio(market, 0, 1);
    const set = computeMetricSet(input, market.calendar[1499]!);
    expect(set.twr['5Y']).toHaveProperty('annualized_act365');
    expect(set.mwr_xirr.inception.xirr).toBeTypeOf('number');
    expect(set.factor_model['3Y']).toHaveProperty('loadings');
    expect(input.flows.filter((f) => f !== 0).length).toBeGreaterThan(60);
  });
});
