import { describe, expect, it } from 'vitest';
import {
  referenceFactors,
  referenceReturns,
} from '../../test-support/factors/referenceFactorData.js';
import { attributeFactorReturns } from './attributeFactorReturns.js';
import { FactorWindowCache } from './factorWindowCache.js';
import { factorMomentumZ } from './factorMomentumZ.js';
import { fitFactorModel, type FactorModelFit } from './fitFactorModel.js';

const market = referenceFactors();
const window = (start: number, end: number) => market.factors.map((f) => f.subarray(start, end));

describe('FactorWindowCache', () => {
  it('gives results identical to the uncached computation, for complete and gappy portfolios', () => {
    const cache = new FactorWindowCache();
    const p1 = referenceReturns('P1', market.dates);
    const p2 = referenceReturns('P2', market.dates);
    const gappy = p2.slice();
    gappy[1200] = Number.NaN;
    for (const y of [p1, p2, gappy]) {
      for (const [start, end] of [
        [1305, 1566],
        [784, 1566],
        [0, 1566],
        [0, 712],
      ] as const) {
        const ys = y.subarray(start, end);
        const plain = fitFactorModel(ys, window(start, end), market.names) as FactorModelFit;
        const cached = fitFactorModel(
          ys,
          window(start, end),
          market.names,
          cache,
        ) as FactorModelFit;
        expect(cached).toEqual(plain);
        expect(attributeFactorReturns(ys, window(start, end), market.names, cached, cache)).toEqual(
          attributeFactorReturns(ys, window(start, end), market.names, plain),
        );
      }
    }
  });

  it('computes a window once, recognising new views of the same rows', () => {
    const cache = new FactorWindowCache();
    const first = cache.statistics(window(10, 300));
    expect(cache.statistics(window(10, 300))).toBe(first);
    expect(cache.statistics(window(11, 300))).not.toBe(first);
    expect(cache.statistics(window(10, 299))).not.toBe(first);
    expect(cache.statistics(window(10, 299)).n).toBe(289);
    expect(cache.statistics(window(10, 300).slice(0, 3))).not.toBe(first);
    expect(cache.statistics(market.factors.map((f) => f.slice(10, 300)))).not.toBe(first);
    expect(first.n).toBe(290);
    expect(first.complete).toBe(true);
    expect(first.sums[0]).toBeCloseTo(
      market.factors[0]!.subarray(10, 300).reduce((s, v) => s + v, 0),
      14,
    );
  });

  it('marks a window with a missing factor value incomplete (the fit then filters rows itself)', () => {
    const gap = market.factors.map((f) => f.slice(0, 100));
    gap[2]![50] = Number.NaN;
    const cache = new FactorWindowCache();
    expect(cache.statistics(gap).complete).toBe(false);
    const y = referenceReturns('P1', market.dates).subarray(0, 100);
    const fit = fitFactorModel(y, gap, market.names, cache) as FactorModelFit;
    expect(fit.n_obs).toBe(99);
    expect(fit).toEqual(fitFactorModel(y, gap, market.names));
  });

  it('memoises factor momentum z-scores per series, row, window and variant, equal to the direct ones', () => {
    const cache = new FactorWindowCache();
    const mkt = market.factors[0]!;
    for (const row of [89, 90, 500, mkt.length - 1]) {
      for (const excludeCurrent of [false, true]) {
        const z = cache.momentumZ(mkt, row, 90, excludeCurrent);
        expect(z).toEqual(factorMomentumZ(mkt, row, 90, { excludeCurrent }));
        expect(cache.momentumZ(mkt, row, 90, excludeCurrent)).toBe(z);
      }
    }
    expect(cache.momentumZ(mkt, 500, 60, false)).toEqual(factorMomentumZ(mkt, 500, 60));
    expect(cache.momentumZ(market.factors[1]!, 500, 90, false)).toEqual(
      factorMomentumZ(market.factors[1]!, 500, 90),
    );
    expect(() => cache.momentumZ(mkt, 0.5, 90, true)).toThrow();
  });

  it('hands out the same view objects per series and bounds, recognised without a recomputation', () => {
    const cache = new FactorWindowCache();
    const views = cache.windowViews(market.factors, 10, 300);
    expect(cache.windowViews(market.factors, 10, 300)).toBe(views);
    expect(cache.windowViews([...market.factors], 10, 300)).toBe(views); // same series objects
    expect(cache.windowViews(market.factors, 10, 299)).not.toBe(views);
    expect(cache.windowViews(market.factors, 11, 300)).not.toBe(views);
    expect(views.map((v) => [v.length, v[0]])).toEqual(market.factors.map((f) => [290, f[10]]));
    const copies = market.factors.map((f) => f.slice());
    expect(cache.windowViews(copies, 10, 300)).not.toBe(views);
    const statistics = cache.statistics(views);
    expect(cache.statistics(views)).toBe(statistics); // by identity
    expect(cache.statistics(window(10, 300))).toBe(statistics); // new views of the same rows
    expect(cache.statistics(cache.windowViews(copies, 10, 300))).not.toBe(statistics);
    expect(cache.statistics(cache.windowViews(copies, 10, 300))).toEqual(statistics);
  });
});
