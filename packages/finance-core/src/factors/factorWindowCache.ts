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
 * without a cache. A look-up compares the views directly (no key string is built); views
 * from `windowViews` are recognised by identity alone (reading a view's `buffer` is a
 * runtime call in V8, several per look-up otherwise).
 *
 * @example const cache = new FactorWindowCache(); fitFactorModel(y, factors, names, cache)
 */
export class FactorWindowCache {
  /** First view's buffer → its byte offset → the windows starting there. */
  readonly #entries = new WeakMap<ArrayBufferLike, Map<number, Entry[]>>();
  /** First view object → the views it was looked up with and their statistics. */
  readonly #byView = new WeakMap<
    Float64Array,
    { readonly views: readonly Float64Array[]; readonly statistics: FactorWindowStatistics }
  >();
  /** First series object → window start → the views handed out (`windowViews`). */
  readonly #views = new WeakMap<
    Float64Array,
    Map<
      number,
      {
        readonly end: number;
        readonly series: readonly Float64Array[];
        readonly views: readonly Float64Array[];
      }[]
    >
  >();
  /** Series → window → endIndex · 2 + excludeCurrent → momentum z. */
  readonly #momentum = new WeakMap<
    Float64Array,
    Map<number, Map<number, MomentumValue | UndefinedValue>>
  >();

  /** The statistics of `factors` (views of one window), computed on first use. */
  statistics(factors: readonly Float64Array[]): FactorWindowStatistics {
    const first = factors[0];
    if (first === undefined) return factorWindowStatistics(factors);
    // Fast path: the very view objects seen before (see `windowViews`): identity only.
    const seen = this.#byView.get(first);
    if (seen !== undefined && sameObjects(seen.views, factors)) return seen.statistics;
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
    let statistics: FactorWindowStatistics | undefined;
    for (const entry of entries) {
      if (sameViews(entry, factors)) {
        statistics = entry.statistics;
        break;
      }
    }
    if (statistics === undefined) {
      statistics = factorWindowStatistics(factors);
      entries.push({
        length: first.length,
        buffers: factors.map((f) => f.buffer),
        offsets: factors.map((f) => f.byteOffset),
        statistics,
      });
    }
    this.#byView.set(first, { views: factors.slice(), statistics });
    return statistics;
  }

  /**
   * Views `series[j].subarray(start, end)` of one window, the same view objects every time
   * for the same series objects and bounds — so that {@link FactorWindowCache.statistics}
   * recognises them by identity, without inspecting their buffers.
   */
  windowViews(
    series: readonly Float64Array[],
    start: number,
    end: number,
  ): readonly Float64Array[] {
    const first = series[0];
    if (first === undefined) return [];
    let byStart = this.#views.get(first);
    if (byStart === undefined) {
      byStart = new Map();
      this.#views.set(first, byStart);
    }
    let candidates = byStart.get(start);
    if (candidates === undefined) {
      candidates = [];
      byStart.set(start, candidates);
    }
    for (const c of candidates) {
      if (c.end === end && sameObjects(c.series, series)) return c.views;
    }
    const views = series.map((f) => f.subarray(start, end));
    candidates.push({ end, series: series.slice(), views });
    return views;
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

/** True when both lists hold the same objects in the same order. */
function sameObjects(a: readonly Float64Array[], b: readonly Float64Array[]): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
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
