import type { DeliveryResult } from '@truth-spine/alerts';

/** Counts of a delivery pass for a step's details: pairs delivered and dead-lettered. */
export function deliverySummary(results: readonly DeliveryResult[]): {
  delivered: number;
  dead_lettered: number;
} {
  const delivered = results.filter((r) => r.outcome === 'delivered').length;
  return { delivered, dead_lettered: results.length - delivered };
}
