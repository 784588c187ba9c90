/** Seconds of one step (or the total) at each measured size. */
export interface StepSeries {
  readonly name: string;
  /** Same length and order as the sizes. */
  readonly seconds: readonly number[];
}

/** How a step's time grows with the number of portfolios. */
export interface StepGrowth {
  readonly name: string;
  /** log-log slope between consecutive sizes: 1 = linear, 2 = quadratic; null if a time is 0. */
  readonly exponents: readonly (number | null)[];
  /** Slope from the smallest to the largest size. */
  readonly overall: number | null;
  readonly shape: 'linear' | 'sublinear' | 'superlinear' | 'negligible' | 'unknown';
  readonly why: string;
}

/** Slopes within [0.8, 1.2] count as linear (timing noise on a shared machine is ±10–20 %). */
export const linearBand = { low: 0.8, high: 1.2 } as const;

/** A step under this many seconds at every size is below timing resolution: not classified. */
export const negligibleSeconds = 0.05;

/**
 * The growth exponent of each step: slope = ln(t₂/t₁) / ln(n₂/n₁) between consecutive
 * sizes and overall, classified with {@link linearBand}. A sublinear step is dominated
 * by a fixed per-night cost (reading market data, the universe, per-run setup) that the
 * portfolios have not yet outgrown; a superlinear one does more work per portfolio as N
 * grows (a query or scan over a table that grows with N, per portfolio).
 */
export function growthExponents(
  sizes: readonly number[],
  series: readonly StepSeries[],
): StepGrowth[] {
  if (sizes.length < 2) throw new RangeError('growth needs at least two sizes');
  const slope = (n1: number, n2: number, t1: number, t2: number): number | null =>
    t1 > 0 && t2 > 0 && n1 > 0 && n2 > 0 && n1 !== n2
      ? Math.log(t2 / t1) / Math.log(n2 / n1)
      : null;
  return series.map(({ name, seconds }) => {
    const exponents = sizes
      .slice(1)
      .map((n, i) => slope(sizes[i] as number, n, seconds[i] as number, seconds[i + 1] as number));
    const overall = slope(
      sizes[0] as number,
      sizes.at(-1) as number,
      seconds[0] as number,
      seconds.at(-1) as number,
    );
    const shape = seconds.every((t) => t < negligibleSeconds)
      ? 'negligible'
      : overall === null
        ? 'unknown'
        : overall < linearBand.low
          ? 'sublinear'
          : overall > linearBand.high
            ? 'superlinear'
            : 'linear';
    const why = {
      linear: 'cost per portfolio is constant',
      sublinear:
        'a fixed per-night cost (market data, universe, setup) dominates at these sizes; it becomes linear once per-portfolio work outweighs it',
      superlinear:
        'work per portfolio grows with N — look for a per-portfolio query or scan over a table that grows with N, or memory pressure',
      negligible: `under ${negligibleSeconds} s at every size: below timing resolution`,
      unknown: 'a time of 0 s cannot be placed on a log scale',
    }[shape];
    return { name, exponents, overall, shape, why };
  });
}
