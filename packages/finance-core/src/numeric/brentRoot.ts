/** A function of one variable as an object: lets a solver keep its state without a closure. */
export interface RootTarget {
  /** f(x). */
  valueAt(x: number): number;
}

/**
 * Brent's method (R. P. Brent, "Algorithms for Minimization without Derivatives", 1973,
 * ch. 4 — the `zeroin` algorithm): a root of `f` in `[a, b]` given `fa = f(a)` and
 * `fb = f(b)` of opposite signs. Combines bisection, secant and inverse quadratic
 * interpolation; converges to within 2·ε·|x| + `tolerance`. If a sign change is not
 * bracketed the result is meaningless: callers guarantee it.
 *
 * @example brentRoot((x) => x * x - 2, 0, 2, -2, 2, 0) // 1.414213562373095 (one ulp below √2)
 */
export function brentRoot(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fb: number,
  tolerance: number,
): number {
  return brentRootOf({ valueAt: f }, a, b, fa, fb, tolerance);
}

/**
 * {@link brentRoot} on a {@link RootTarget}: the same iterations and result, for callers
 * that evaluate through an object (no closure per call).
 *
 * @example brentRootOf({ valueAt: (x) => x * x - 2 }, 0, 2, -2, 2, 0) // 1.414213562373095 (one ulp below √2)
 */
export function brentRootOf(
  f: RootTarget,
  a: number,
  b: number,
  fa: number,
  fb: number,
  tolerance: number,
): number {
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < 200; iteration++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolerance;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) < tol || Math.abs(fa) <= Math.abs(fb)) {
      d = m;
      e = m;
    } else {
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f.valueAt(b);
  }
  return b;
}
