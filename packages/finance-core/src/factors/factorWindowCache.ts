import { compoundedGrowthAndSum } from './compoundedGrowthAndSum.js';
import { centredCrossProducts } from './ols/centredCrossProducts.js';
import { factorMomentumZ, type MomentumValue } from './factorMomentumZ.js';
import type { UndefinedValue } from '../result/undefinedValue.js';

/** Statistics of the factor series alone over one window — the same for every portfolio. */
export interface FactorWindowStatistics {
  /** No factor has a NaN in the window (the cached numbers apply only then). */
  readonly complete: boolean;
  /** Rows in the window. */
  readonly n: number;
  /** Mean of each factor. */
  readonly means: Float64Array;
  /** Centred cross-products of the factors, upper triangle, row-major k × k. */
  readonly gram: Float64Array;
  /** ∏(1 + fₖ) of each factor. */
  readonly growth: Float64Array;
  /** Σ fₖ of each factor. */
  readonly sums: Float64Array;
}

interface Entry {
  /** Rows of every view. */
  readonly length: number;
  readonly buffers: readonly ArrayBufferLike[];
  readonly offsets: readonly number[];
  readonly statistics: FactorWindowStatistics;
}

/**
 * Memo of {@link FactorWindowStatistics} per factor window, to share across the portfolios
 * of one market: every portfolio's 1Y and 3Y windows (and inceptions that coincide) regress
 * on the same factor rows, so the factor-by-factor cross-products, means, compounded
 * returns and sums are computed once; each portfolio then adds only its own column.
 * Factor momentum z-scores at a row (`momentumZ`) are memoised the same way.
 *
 * A window is identified by its factor views (buffer, offset, length), so pass `subarray`
 * views of the same market arrays. The factor arrays must not be written while the cache
 * is in use (a pricing pack is immutable). Pure memoisation: results are identical with or
 * without a cache. A look-up compares the views directly (no key string is built).
 *
 * @example const cache = new FactorWindowCache(); fitFactorModel(y, factors, names, cache)
 */
export class FactorWindowCache {
  /** First view's buffer → its byte offset → the windows starting there. */
  readonly #entries = new WeakMap<ArrayBufferLike, Map<number, Entry[]>>();
  /** Series → window → endIndex · 2 + excludeCurrent → momentum z. */
  readonly #momentum = new WeakMap<
    Float64Array,
    Map<number, Map<number, MomentumValue | UndefinedValue>>
  >();

  /** The statistics of `factors` (views of one window), computed on first use. */
  statistics(factors: readonly Float64Array[]): FactorWindowStatistics {
    const first = factors[0];
    if (first === undefined) return factorWindowStatistics(factors);
    let byOffset = this.#entries.get(first.buffer);
    if (byOffset === undefined) {
      byOffset = new Map();
      this.#entries.set(first.buffer, byOffset);
    }
    let entries = byOffset.get(first.byteOffset);
    if (entries === undefined) {
      entries = [];
      byOffset.set(first.byteOffset, entries);
    }
    for (const entry of entries) if (sameViews(entry, factors)) return entry.statistics;
    const statistics = factorWindowStatistics(factors);
    entries.push({
      length: first.length,
      buffers: factors.map((f) => f.buffer),
      offsets: factors.map((f) => f.byteOffset),
      statistics,
    });
    return statistics;
  }

  /**
   * {@link factorMomentumZ} of `series` at `endIndex` (a factor of the shared market: the
   * same for every portfolio), computed on first use; keyed by the series object itself.
   */
  momentumZ(
    series: Float64Array,
    endIndex: number,
    window: number,
    excludeCurrent: boolean,
  ): MomentumValue | UndefinedValue {
    if (!Number.isInteger(endIndex) || !Number.isInteger(window)) {
      return factorMomentumZ(series, endIndex, window, { excludeCurrent });
    }
    let byWindow = this.#momentum.get(series);
    if (byWindow === undefined) {
      byWindow = new Map();
      this.#momentum.set(series, byWindow);
    }
    let byRow = byWindow.get(window);
    if (byRow === undefined) {
      byRow = new Map();
      byWindow.set(window, byRow);
    }
    const key = endIndex * 2 + (excludeCurrent ? 1 : 0);
    let z = byRow.get(key);
    if (z === undefined) {
      z = factorMomentumZ(series, endIndex, window, { excludeCurrent });
      byRow.set(key, z);
    }
    return z;
  }
}

/** True when `factors` are the views the entry was computed for. */
function sameViews(entry: Entry, factors: readonly Float64Array[]): boolean {
  if (entry.buffers.length !== factors.length) return false;
  for (let j = 0; j < factors.length; j++) {
    const f = factors[j]!;
    if (
      f.length !== entry.length ||
      f.buffer !== entry.buffers[j] ||
      f.byteOffset !== entry.offsets[j]
    ) {
      return false;
    }
  }
  return true;
}

/** The statistics of one window, computed. */
function factorWindowStatistics(factors: readonly Float64Array[]): FactorWindowStatistics {
  const k = factors.length;
  const n = k === 0 ? 0 : factors[0]!.length;
  const growth = new Float64Array(k);
  const sums = new Float64Array(k);
  factors.forEach((f, j) => compoundedGrowthAndSum(f, growth, sums, j));
  const complete = sums.every((s) => !Number.isNaN(s));
  const means = sums.map((s) => s / n);
  return {
    complete,
    n,
    means,
    gram: complete ? centredCrossProducts(factors, means, n) : new Float64Array(k * k),
    growth,
    sums,
  };
}
