import { compoundedGrowthAndSum } from './compoundedGrowthAndSum.js';
import { centredCrossProducts } from './ols/centredCrossProducts.js';

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
  readonly buffers: readonly ArrayBufferLike[];
  readonly statistics: FactorWindowStatistics;
}

/**
 * Memo of {@link FactorWindowStatistics} per factor window, to share across the portfolios
 * of one market: every portfolio's 1Y and 3Y windows (and inceptions that coincide) regress
 * on the same factor rows, so the factor-by-factor cross-products, means, compounded
 * returns and sums are computed once; each portfolio then adds only its own column.
 *
 * A window is identified by its factor views (buffer, offset, length), so pass `subarray`
 * views of the same market arrays. The factor arrays must not be written while the cache
 * is in use (a pricing pack is immutable). Pure memoisation: results are identical with or
 * without a cache.
 *
 * @example const cache = new FactorWindowCache(); fitFactorModel(y, factors, names, cache)
 */
export class FactorWindowCache {
  readonly #entries = new WeakMap<ArrayBufferLike, Map<string, Entry>>();

  /** The statistics of `factors` (views of one window), computed on first use. */
  statistics(factors: readonly Float64Array[]): FactorWindowStatistics {
    const first = factors[0];
    if (first === undefined) return factorWindowStatistics(factors);
    let byWindow = this.#entries.get(first.buffer);
    if (byWindow === undefined) {
      byWindow = new Map();
      this.#entries.set(first.buffer, byWindow);
    }
    const key = `${first.length}@${factors.map((f) => f.byteOffset).join(',')}`;
    const entry = byWindow.get(key);
    if (entry !== undefined && entry.buffers.every((b, j) => b === factors[j]!.buffer)) {
      return entry.statistics;
    }
    const statistics = factorWindowStatistics(factors);
    byWindow.set(key, { buffers: factors.map((f) => f.buffer), statistics });
    return statistics;
  }
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
