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
 * All real roots v of f(v) = Σ cᵢ·e^(−v·tᵢ), for times 0 = t₀ < t₁ < … (ascending) and
 * non-zero coefficients, found rigorously by branch and bound rather than by guessing
 * a start. Write f = P − N with P = Σ_{c>0} c·e^(−vt), N = Σ_{c<0} |c|·e^(−vt): both fall
 * as v rises, so on [a, b] f > 0 if P(b) > N(a) and f < 0 if N(b) > P(a) (no root); the
 * same bounds on f′ = N₁ − P₁ (N₁, P₁ weighted by t) prove f monotone, and a monotone
 * interval with a sign change holds exactly one root, refined by Brent's method.
 * Otherwise the interval is halved. Outside [v_lo, v_hi] one term dominates the rest
 * (v_hi = ln(Σ_{i≥1}|cᵢ| / |c₀|) / t₁, v_lo from the last term alike), so no root lies
 * there. The search is also kept to [minRoot, maxRoot] (default ±700) and |v·t| ≤ 700 so
 * nothing overflows; roots outside are not reported.
 *
 * @example exponentialSumRoots(Float64Array.of(-100, 110), Float64Array.of(0, 1)).roots
 *   // [0.0953101798043249] (= ln 1.1)
 */
export function exponentialSumRoots(
  coefficients: Float64Array,
  times: Float64Array,
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

  const f = (v: number): number => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += coefficients[i]! * Math.exp(-v * times[i]!);
    return sum;
  };
  const roots: number[] = [];
  let complete = true;
  const addRoot = (v: number): void => {
    if (roots.length === 0 || roots[roots.length - 1] !== v) roots.push(v);
  };

  // Depth-first stack of intervals, each frame: a, b, depth, then P, N, P₁, N₁ at a and at b.
  const stack: number[] = new Array<number>(FRAME * (MAX_DEPTH + 2)).fill(0);
  let top = 0;
  let p = 0;
  let m = 0;
  let p1 = 0;
  let m1 = 0;
  const evaluate = (v: number): void => {
    p = m = p1 = m1 = 0;
    for (let i = 0; i < n; i++) {
      const t = times[i]!;
      const term = coefficients[i]! * Math.exp(-v * t);
      if (term > 0) {
        p += term;
        p1 += term * t;
      } else {
        m -= term;
        m1 -= term * t;
      }
    }
  };
  const push = (a: number, b: number, depth: number, at: readonly number[]): void => {
    stack[top] = a;
    stack[top + 1] = b;
    stack[top + 2] = depth;
    for (let k = 0; k < 8; k++) stack[top + 3 + k] = at[k]!;
    top += FRAME;
  };
  evaluate(lo);
  const atLo = [p, m, p1, m1];
  evaluate(hi);
  push(lo, hi, 0, [...atLo, p, m, p1, m1]);

  while (top > 0) {
    top -= FRAME;
    const a = stack[top]!;
    const b = stack[top + 1]!;
    const depth = stack[top + 2]!;
    const [pa, na, p1a, n1a, pb, nb, p1b, n1b] = stack.slice(top + 3, top + FRAME) as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (pb > na || nb > pa) continue;
    const fa = pa - na;
    const fb = pb - nb;
    if (n1b > p1a || p1b > n1a) {
      if (fa === 0) addRoot(a);
      if ((fa < 0 && fb > 0) || (fa > 0 && fb < 0)) addRoot(brentRoot(f, a, b, fa, fb, 1e-18));
      if (fb === 0) addRoot(b);
      continue;
    }
    const mid = 0.5 * (a + b);
    if (depth >= MAX_DEPTH || mid <= a || mid >= b) {
      complete = false;
      continue;
    }
    evaluate(mid);
    push(mid, b, depth + 1, [p, m, p1, m1, pb, nb, p1b, n1b]);
    push(a, mid, depth + 1, [pa, na, p1a, n1a, p, m, p1, m1]);
  }
  return { roots, complete };
}
