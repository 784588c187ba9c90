import { brentRoot } from './brentRoot.js';

/** Every real root of an exponential sum, and whether they were all isolated. */
export interface ExponentialSumRoots {
  /** Roots in ascending order. */
  readonly roots: number[];
  /** False when some interval could be neither excluded nor proven monotone (a repeated or clustered root). */
  readonly complete: boolean;
}

const MAX_DEPTH = 64;
const MAX_EXPONENT = 700;
const FRAME = 11;
/**
 * Relative slack on every bound comparison: the running products of the fast evaluation
 * carry up to n·ε of rounding (n ≤ MAX_GAP_TERMS), far below this.
 */
const BOUND_MARGIN = 1e-12;
/** Above this many terms every discount factor is computed directly. */
const MAX_GAP_TERMS = 4096;

/**
 * All real roots v of f(v) = Σ cᵢ·e^(−v·tᵢ), for times 0 = t₀ < t₁ < … (ascending) and
 * non-zero coefficients, found rigorously by branch and bound rather than by guessing
 * a start. Write f = P − N with P = Σ_{c>0} c·e^(−vt), N = Σ_{c<0} |c|·e^(−vt): both fall
 * as v rises, so on [a, b] f > 0 if P(b) > N(a) and f < 0 if N(b) > P(a) (no root); the
 * same bounds on f′ = N₁ − P₁ (N₁, P₁ weighted by t) prove f monotone, and a monotone
 * interval with a sign change holds exactly one root, refined by Brent's method (narrowed
 * on the fast sum, finished on the exact one). When the time gaps repeat (monthly flows),
 * the bounds use e^(−v·tᵢ) as running products of one e^(−v·gap) per distinct gap, and
 * every comparison allows 1e-12 of slack for their rounding. Before any subdivision,
 * Laguerre's rule of signs for partial sums bounds the roots on each side of v = 0 (at most
 * the sign changes of the partial sums from the first term for v > 0, from the last term
 * for v < 0); when both bounds are ≤ 1 — the usual investment history — each side is
 * settled by the sign of f at its ends and one refinement.
 * Otherwise the interval is halved. Outside [v_lo, v_hi] one term dominates the rest
 * (v_hi = ln(Σ_{i≥1}|cᵢ| / |c₀|) / t₁, v_lo from the last term alike), so no root lies
 * there. The search is also kept to [minRoot, maxRoot] (default ±700) and |v·t| ≤ 700 so
 * nothing overflows; roots outside are not reported.
 *
 * @example exponentialSumRoots([-100, 110], [0, 1]).roots
 *   // [0.0953101798043249] (= ln 1.1)
 */
export function exponentialSumRoots(
  coefficients: ArrayLike<number>,
  times: ArrayLike<number>,
  minRoot = -MAX_EXPONENT,
  maxRoot = MAX_EXPONENT,
): ExponentialSumRoots {
  const n = coefficients.length;
  const last = n - 1;
  let absAfterFirst = 0;
  for (let i = 1; i < n; i++) absAfterFirst += Math.abs(coefficients[i]!);
  const absBeforeLast = absAfterFirst - Math.abs(coefficients[last]!) + Math.abs(coefficients[0]!);
  const hiBound = Math.log(absAfterFirst / Math.abs(coefficients[0]!)) / times[1]!;
  const loBound =
    Math.log(Math.abs(coefficients[last]!) / absBeforeLast) / (times[last]! - times[last - 1]!);
  const lo = Math.max(Math.min(0, loBound) - 1e-3, minRoot, -MAX_EXPONENT / times[last]!);
  const hi = Math.min(Math.max(0, hiBound) + 1e-3, maxRoot, MAX_EXPONENT);

  const exact = (v: number): number => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += coefficients[i]! * Math.exp(-v * times[i]!);
    return sum;
  };
  const gaps = distinctGaps(times);
  const gapValues = gaps === null ? [] : gaps.values;
  const gapIndex = gaps === null ? [] : gaps.index;
  const gapFactors = gapValues.slice();
  const useGaps = gaps !== null;
  let p = 0;
  let m = 0;
  let p1 = 0;
  let m1 = 0;
  /** P, N, P₁, N₁ at v; each e^(−v·tᵢ) as a running product of e^(−v·gap) when gaps repeat. */
  const evaluate = (v: number): void => {
    let sp = 0;
    let sm = 0;
    let sp1 = 0;
    let sm1 = 0;
    for (let g = 0; g < gapFactors.length; g++) gapFactors[g] = Math.exp(-v * gapValues[g]!);
    let discount = 1;
    for (let i = 0; i < n; i++) {
      const t = times[i]!;
      if (!useGaps) discount = Math.exp(-v * t);
      else if (i > 0) discount *= gapFactors[gapIndex[i]!]!;
      const term = coefficients[i]! * discount;
      if (term > 0) {
        sp += term;
        sp1 += term * t;
      } else {
        sm -= term;
        sm1 -= term * t;
      }
    }
    p = sp;
    m = sm;
    p1 = sp1;
    m1 = sm1;
  };
  const fast = (v: number): number => {
    evaluate(v);
    return p - m;
  };
  const roots: number[] = [];
  let complete = true;
  const addRoot = (v: number): void => {
    if (roots.length === 0 || roots[roots.length - 1] !== v) roots.push(v);
  };
  /** The root in a monotone [a, b] with a sign change: narrowed on the fast sum, finished on the exact one. */
  const refine = (a: number, b: number, fa: number, fb: number): number => {
    const near = brentRoot(fast, a, b, fa, fb, 1e-9 * (1 + Math.abs(a) + Math.abs(b)));
    const width = 4e-9 * (1 + Math.abs(near));
    const left = Math.max(a, near - width);
    const right = Math.min(b, near + width);
    const fl = exact(left);
    const fr = exact(right);
    if ((fl < 0 && fr > 0) || (fl > 0 && fr < 0))
      return brentRoot(exact, left, right, fl, fr, 1e-18);
    if (fl === 0) return left;
    if (fr === 0) return right;
    return brentRoot(exact, a, b, exact(a), exact(b), 1e-18);
  };

  // Laguerre's rule of signs for partial sums (Pólya–Szegő, Problems and Theorems in
  // Analysis II, Part V, no. 77): with z = e^(−v), the roots with v > 0 are at most the sign
  // changes of c₀, c₀+c₁, …; those with v < 0 at most the sign changes of the partial sums
  // taken from the last term. With at most one on each side (the usual investment history),
  // each side holds a root exactly when f changes sign across it: no subdivision needed.
  const { total, changes: forward } = partialSumSignChanges(coefficients, true);
  const backward = partialSumSignChanges(coefficients, false).changes;
  if (total !== 0 && forward <= 1 && backward <= 1) {
    const fLo = exact(lo);
    const fHi = exact(hi);
    if (lo < 0 && ((fLo < 0 && total > 0) || (fLo > 0 && total < 0))) {
      addRoot(refine(lo, Math.min(0, hi), fLo, hi < 0 ? fHi : total));
    }
    if (hi > 0 && ((fHi < 0 && total > 0) || (fHi > 0 && total < 0))) {
      addRoot(refine(Math.max(0, lo), hi, lo > 0 ? fLo : total, fHi));
    }
    return { roots, complete };
  }

  // Depth-first stack of intervals, each frame: a, b, depth, then P, N, P₁, N₁ at a and at b.
  const stack: number[] = [];
  let top = 0;
  const push = (
    a: number,
    b: number,
    depth: number,
    pa: number,
    na: number,
    p1a: number,
    n1a: number,
    pb: number,
    nb: number,
    p1b: number,
    n1b: number,
  ): void => {
    stack[top] = a;
    stack[top + 1] = b;
    stack[top + 2] = depth;
    stack[top + 3] = pa;
    stack[top + 4] = na;
    stack[top + 5] = p1a;
    stack[top + 6] = n1a;
    stack[top + 7] = pb;
    stack[top + 8] = nb;
    stack[top + 9] = p1b;
    stack[top + 10] = n1b;
    top += FRAME;
  };
  evaluate(lo);
  const [pLo, mLo, p1Lo, m1Lo] = [p, m, p1, m1];
  evaluate(hi);
  push(lo, hi, 0, pLo, mLo, p1Lo, m1Lo, p, m, p1, m1);

  const safe = 1 + BOUND_MARGIN;
  while (top > 0) {
    top -= FRAME;
    const a = stack[top]!;
    const b = stack[top + 1]!;
    const depth = stack[top + 2]!;
    const pa = stack[top + 3]!;
    const na = stack[top + 4]!;
    const p1a = stack[top + 5]!;
    const n1a = stack[top + 6]!;
    const pb = stack[top + 7]!;
    const nb = stack[top + 8]!;
    const p1b = stack[top + 9]!;
    const n1b = stack[top + 10]!;
    if (pb > na * safe || nb > pa * safe) continue;
    const fa = pa - na;
    const fb = pb - nb;
    if (n1b > p1a * safe || p1b > n1a * safe) {
      if (fa === 0) addRoot(a);
      if ((fa < 0 && fb > 0) || (fa > 0 && fb < 0)) addRoot(refine(a, b, fa, fb));
      if (fb === 0) addRoot(b);
      continue;
    }
    const mid = 0.5 * (a + b);
    if (depth >= MAX_DEPTH || mid <= a || mid >= b) {
      complete = false;
      continue;
    }
    evaluate(mid);
    const [pm, mm, p1m, m1m] = [p, m, p1, m1];
    push(mid, b, depth + 1, pm, mm, p1m, m1m, pb, nb, p1b, n1b);
    push(a, mid, depth + 1, pa, na, p1a, n1a, pm, mm, p1m, m1m);
  }
  return { roots, complete };
}

/** Distinct successive time gaps, when few enough to be worth a table (dates repeat their spacing). */
function distinctGaps(times: ArrayLike<number>): { values: number[]; index: number[] } | null {
  const n = times.length;
  if (n > MAX_GAP_TERMS) return null;
  const values: number[] = [];
  const index: number[] = [0];
  for (let i = 1; i < n; i++) {
    const gap = times[i]! - times[i - 1]!;
    let g = 0;
    while (g < values.length && Math.abs(values[g]! - gap) > 1e-12 * gap) g++;
    if (g === values.length) {
      if (values.length * 4 > n) return null;
      values.push(gap);
    }
    index.push(g);
  }
  return { values, index };
}

/**
 * Sign changes (zeros skipped) of the partial sums of `c`, from the first term
 * (`fromStart`) or from the last, and the full sum.
 */
function partialSumSignChanges(
  c: ArrayLike<number>,
  fromStart: boolean,
): { changes: number; total: number } {
  let sum = 0;
  let sign = 0;
  let changes = 0;
  for (let k = 0; k < c.length; k++) {
    sum += c[fromStart ? k : c.length - 1 - k]!;
    const s = sum > 0 ? 1 : sum < 0 ? -1 : 0;
    if (s !== 0) {
      if (sign !== 0 && s !== sign) changes++;
      sign = s;
    }
  }
  return { changes, total: sum };
}
