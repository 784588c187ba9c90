import { brentRootOf, type RootTarget } from './brentRoot.js';

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

  const sum = new ExponentialSum(coefficients, times);
  const roots: number[] = [];
  let complete = true;

  // Laguerre's rule of signs for partial sums (Pólya–Szegő, Problems and Theorems in
  // Analysis II, Part V, no. 77): with z = e^(−v), the roots with v > 0 are at most the sign
  // changes of c₀, c₀+c₁, …; those with v < 0 at most the sign changes of the partial sums
  // taken from the last term. With at most one on each side (the usual investment history),
  // each side holds a root exactly when f changes sign across it: no subdivision needed.
  const forward = partialSumSignChanges(coefficients, true);
  const backward = partialSumSignChanges(coefficients, false);
  const total = forwardSum(coefficients);
  if (total !== 0 && forward <= 1 && backward <= 1) {
    const fLo = sum.exact(lo);
    const fHi = sum.exact(hi);
    if (lo < 0 && ((fLo < 0 && total > 0) || (fLo > 0 && total < 0))) {
      addRoot(roots, refine(sum, lo, Math.min(0, hi), fLo, hi < 0 ? fHi : total));
    }
    if (hi > 0 && ((fHi < 0 && total > 0) || (fHi > 0 && total < 0))) {
      addRoot(roots, refine(sum, Math.max(0, lo), hi, lo > 0 ? fLo : total, fHi));
    }
    return { roots, complete };
  }

  // Depth-first stack of intervals, each frame: a, b, depth, then P, N, P₁, N₁ at a and at b.
  const stack: number[] = [];
  let top = 0;
  sum.evaluate(lo);
  const [pLo, mLo, p1Lo, m1Lo] = [sum.p, sum.m, sum.p1, sum.m1];
  sum.evaluate(hi);
  top = push(stack, top, lo, hi, 0, pLo, mLo, p1Lo, m1Lo, sum.p, sum.m, sum.p1, sum.m1);

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
      if (fa === 0) addRoot(roots, a);
      if ((fa < 0 && fb > 0) || (fa > 0 && fb < 0)) addRoot(roots, refine(sum, a, b, fa, fb));
      if (fb === 0) addRoot(roots, b);
      continue;
    }
    const mid = 0.5 * (a + b);
    if (depth >= MAX_DEPTH || mid <= a || mid >= b) {
      complete = false;
      continue;
    }
    sum.evaluate(mid);
    const { p: pm, m: mm, p1: p1m, m1: m1m } = sum;
    top = push(stack, top, mid, b, depth + 1, pm, mm, p1m, m1m, pb, nb, p1b, n1b);
    top = push(stack, top, a, mid, depth + 1, pa, na, p1a, n1a, pm, mm, p1m, m1m);
  }
  return { roots, complete };
}

/**
 * f(v) = Σ cᵢ·e^(−v·tᵢ) evaluated two ways: `exact` (one exponential per term) and
 * `evaluate`, which also splits it into P, N, P₁, N₁ (see {@link exponentialSumRoots}) and,
 * when the time gaps repeat, forms each e^(−v·tᵢ) as a running product of one e^(−v·gap)
 * per distinct gap. As a {@link RootTarget} it gives the fast sum P − N, or the exact one
 * while `exactMode` is set. One object per search: no closure, no allocation per evaluation.
 */
class ExponentialSum implements RootTarget {
  p = 0;
  m = 0;
  p1 = 0;
  m1 = 0;
  exactMode = false;
  readonly #gapValues: number[];
  readonly #gapIndex: number[];
  readonly #gapFactors: number[];
  readonly #useGaps: boolean;

  constructor(
    readonly coefficients: ArrayLike<number>,
    readonly times: ArrayLike<number>,
  ) {
    const gaps = distinctGaps(times);
    this.#useGaps = gaps !== null;
    this.#gapValues = gaps === null ? [] : gaps.values;
    this.#gapIndex = gaps === null ? [] : gaps.index;
    this.#gapFactors = this.#gapValues.slice();
  }

  valueAt(v: number): number {
    if (this.exactMode) return this.exact(v);
    this.evaluate(v);
    return this.p - this.m;
  }

  exact(v: number): number {
    const { coefficients, times } = this;
    let sum = 0;
    for (let i = 0; i < coefficients.length; i++)
      sum += coefficients[i]! * Math.exp(-v * times[i]!);
    return sum;
  }

  /** P, N, P₁, N₁ at v into `p`, `m`, `p1`, `m1`. */
  evaluate(v: number): void {
    const { coefficients, times } = this;
    const gapValues = this.#gapValues;
    const gapIndex = this.#gapIndex;
    const gapFactors = this.#gapFactors;
    const useGaps = this.#useGaps;
    let sp = 0;
    let sm = 0;
    let sp1 = 0;
    let sm1 = 0;
    for (let g = 0; g < gapFactors.length; g++) gapFactors[g] = Math.exp(-v * gapValues[g]!);
    let discount = 1;
    for (let i = 0; i < coefficients.length; i++) {
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
    this.p = sp;
    this.m = sm;
    this.p1 = sp1;
    this.m1 = sm1;
  }
}

/** The root in a monotone [a, b] with a sign change: narrowed on the fast sum, finished on the exact one. */
function refine(sum: ExponentialSum, a: number, b: number, fa: number, fb: number): number {
  sum.exactMode = false;
  const near = brentRootOf(sum, a, b, fa, fb, 1e-9 * (1 + Math.abs(a) + Math.abs(b)));
  const width = 4e-9 * (1 + Math.abs(near));
  const left = Math.max(a, near - width);
  const right = Math.min(b, near + width);
  const fl = sum.exact(left);
  const fr = sum.exact(right);
  sum.exactMode = true;
  if ((fl < 0 && fr > 0) || (fl > 0 && fr < 0)) return brentRootOf(sum, left, right, fl, fr, 1e-18);
  if (fl === 0) return left;
  if (fr === 0) return right;
  return brentRootOf(sum, a, b, sum.exact(a), sum.exact(b), 1e-18);
}

/** Appends v unless it repeats the last root (an endpoint shared by two intervals). */
function addRoot(roots: number[], v: number): void {
  if (roots.length === 0 || roots[roots.length - 1] !== v) roots.push(v);
}

/** Writes one frame (a, b, depth, P, N, P₁, N₁ at a, then at b) at `top`; returns the new top. */
function push(
  stack: number[],
  top: number,
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
): number {
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
  return top + FRAME;
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
 * (`fromStart`) or from the last.
 */
function partialSumSignChanges(c: ArrayLike<number>, fromStart: boolean): number {
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
  return changes;
}

/** Σ cᵢ in index order (the last forward partial sum). */
function forwardSum(c: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < c.length; k++) sum += c[k]!;
  return sum;
}
