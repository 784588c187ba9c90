/**
 * Test support: the correctly rounded sum of doubles (Shewchuk's exact partials, as
 * Python's `math.fsum`), an independent yardstick for means that cancel heavily.
 */
export function exactSum(values: Iterable<number>): number {
  const partials: number[] = [];
  for (let x of values) {
    let kept = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const high = x + y;
      const low = y - (high - x);
      if (low !== 0) partials[kept++] = low;
      x = high;
    }
    partials.length = kept;
    partials.push(x);
  }
  return partials.reduce((a, b) => a + b, 0);
}
