/** An anchor point `[x, score]` of a piecewise-linear scoring curve. */
export type ScoreAnchor = readonly [x: number, score: number];

/**
 * Scores `x` on the piecewise-linear curve through `anchors` (ascending in x): linear
 * interpolation between neighbouring anchors, clamped to the first/last anchor's score
 * outside their range. Scores may rise or fall along the curve.
 *
 * score(x) = s_i + (x − x_i)·(s_{i+1} − s_i)/(x_{i+1} − x_i) for x_i ≤ x ≤ x_{i+1}
 *
 * @example piecewiseLinear(0.125, [[0.1, 40], [0.15, 70]]) // 55
 * @example piecewiseLinear(5, [[0, 0], [1, 100]]) // 100
 */
export function piecewiseLinear(x: number, anchors: readonly ScoreAnchor[]): number {
  const first = anchors[0];
  const last = anchors[anchors.length - 1];
  if (first === undefined || last === undefined) {
    throw new RangeError('piecewiseLinear needs at least one anchor');
  }
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < anchors.length; i++) {
    const right = anchors[i] as ScoreAnchor;
    if (x <= right[0]) {
      const left = anchors[i - 1] as ScoreAnchor;
      const t = (x - left[0]) / (right[0] - left[0]);
      return left[1] + t * (right[1] - left[1]);
    }
  }
  return last[1];
}
