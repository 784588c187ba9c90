/** A fraction as a percentage with one decimal: 0.3821 → "38.2%". */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A ratio with two decimals and a multiplication sign: 1.7295 → "1.73×". */
export function formatMultiple(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}
