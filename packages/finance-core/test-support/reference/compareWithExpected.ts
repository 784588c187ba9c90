/**
 * Test support: compares a computed document with a reference document key by key.
 * Every key of `expected` must exist in `actual` unless it is a peer value or an
 * alternative convention we deliberately do not report (listed below).
 */

/** Keys of the reference that hold other libraries' values or alternative conventions. */
const NOT_REPORTED = [
  /^empyrical/,
  /^alt_/,
  /^PA_/,
  /^quantstats$/,
  /^annualized_years$/,
  /^annualized_252_nobs$/,
  /^population_ddof0_annualized$/,
  /^beta_raw_returns_cov_over_var$/,
  /^adj_r_squared_formula_check$/,
  /^raw_external_flows_in_window$/,
  /^note$/,
];

/** Relative tolerance for a value at `path` (CONVENTIONS.md), or an absolute one for numerical zeros. */
export interface Tolerance {
  readonly relative: number;
  readonly absolute: number;
}

/** The CONVENTIONS.md tolerances: 1e-10 for OLS and XIRR outputs, 1e-9 rolling correlations, 1e-12 the rest. */
export function conventionTolerance(path: readonly string[]): Tolerance {
  const leaf = path[path.length - 1]!;
  if (leaf === 'npv_at_xirr') return { relative: 0, absolute: 1e-6 };
  if (
    path[0] === 'factor_model' &&
    /residual/.test(leaf) &&
    path.includes('attribution_arithmetic')
  ) {
    // Σ of OLS residuals is exactly 0 in theory; both sides hold rounding noise (~1e-12).
    return { relative: 0, absolute: 1e-10 };
  }
  if (['factor_model', 'capm', 'mwr_xirr'].includes(path[0]!))
    return { relative: 1e-10, absolute: 0 };
  if (path[0] === 'rolling_corr30_at_as_of' || path[0]?.startsWith('factor_momentum')) {
    return { relative: 1e-9, absolute: 0 };
  }
  return { relative: 1e-12, absolute: 0 };
}

/** Every difference between `actual` and `expected`, as readable lines; [] when they agree. */
export function compareWithExpected(
  actual: unknown,
  expected: unknown,
  path: readonly string[] = [],
): string[] {
  const where = path.join('.');
  if (typeof expected === 'number') {
    if (typeof actual !== 'number')
      return [`${where}: expected ${expected}, got ${String(actual)}`];
    const { relative, absolute } = conventionTolerance(path);
    const allowed = Math.max(relative * Math.abs(expected), absolute);
    return Math.abs(actual - expected) <= allowed
      ? []
      : [
          `${where}: expected ${expected}, got ${actual} (|Δ| ${Math.abs(actual - expected)} > ${allowed})`,
        ];
  }
  if (expected === null || typeof expected !== 'object') {
    return actual === expected
      ? []
      : [`${where}: expected ${String(expected)}, got ${String(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [
        `${where}: expected ${expected.length} items, got ${JSON.stringify(actual)?.slice(0, 200)}`,
      ];
    }
    return expected.flatMap((e, i) => compareWithExpected(actual[i], e, [...path, String(i)]));
  }
  if (actual === null || typeof actual !== 'object') return [`${where}: missing record`];
  const record = actual as Record<string, unknown>;
  return Object.entries(expected).flatMap(([key, e]) => {
    if (NOT_REPORTED.some((pattern) => pattern.test(key))) return [];
    if (!(key in record)) return [`${[...path, key].join('.')}: missing`];
    return compareWithExpected(record[key], e, [...path, key]);
  });
}
