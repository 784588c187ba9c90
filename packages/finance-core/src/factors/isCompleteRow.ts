/**
 * True when row `i` has a number in `y` and in every factor series: the pairwise-complete
 * rule of the factor kernels (a NaN anywhere drops the row from every statistic).
 */
export function isCompleteRow(
  y: Float64Array,
  factors: readonly Float64Array[],
  i: number,
): boolean {
  if (Number.isNaN(y[i])) return false;
  for (let j = 0; j < factors.length; j++) if (Number.isNaN(factors[j]![i])) return false;
  return true;
}
