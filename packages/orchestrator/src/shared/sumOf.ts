import type { StepDetails } from '../pipeline/stepBody.js';

/**
 * Σ of the numeric detail `key` over a batched step's partial details (one per batch).
 *
 * @example sumOf([{ portfolios: 500 }, { portfolios: 120 }], 'portfolios') // 620
 */
export function sumOf(partials: readonly StepDetails[], key: string): number {
  let sum = 0;
  for (const p of partials) sum += p[key] as number;
  return sum;
}
