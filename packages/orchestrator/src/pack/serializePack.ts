import { canonicalDecimal } from './canonicalDecimal.js';
import type { PackRow } from './packRow.js';

const kindOrder: Record<PackRow['kind'], number> = { price: 0, fx: 1, macro: 2 };

function compareRows(a: PackRow, b: PackRow): number {
  return (
    kindOrder[a.kind] - kindOrder[b.kind] ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
    (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)
  );
}

function line(row: PackRow): string {
  return [
    row.kind,
    row.key,
    row.date,
    row.value === null ? '.' : canonicalDecimal(row.value),
    row.currency ?? '-',
    row.provider,
    row.fallbackUsed ? 'fallback' : 'primary',
    row.carriedForwardFrom ?? '-',
  ].join('\t');
}

/**
 * The canonical serialisation of a pack that its SHA-256 is computed over (docs/ARCHITECTURE.md#the-pricing-pack):
 * a header line `truth-spine-pack/1\t<as_of>`, then one tab-separated line per row —
 * `kind key date value currency provider primary|fallback carried_forward_from` — sorted by
 * kind (price, fx, macro), key and date, decimals in {@link canonicalDecimal} form, a missing
 * macro value as `.`, each line ending in `\n`. Row order and decimal spelling in the input
 * therefore never change the result; any change of a value or its provenance does.
 * Throws when two rows share kind, key and date (a pack holds one value per fact).
 */
export function serializePack(asOf: string, rows: readonly PackRow[]): string {
  const sorted = [...rows].sort(compareRows);
  const lines = [`truth-spine-pack/1\t${asOf}`];
  for (let i = 0; i < sorted.length; i++) {
    const row = sorted[i]!;
    const previous = sorted[i - 1];
    if (previous !== undefined && compareRows(previous, row) === 0) {
      throw new DuplicatePackRowError(row);
    }
    lines.push(line(row));
  }
  return lines.join('\n') + '\n';
}

/** Two rows of one pack describe the same (kind, key, date). */
export class DuplicatePackRowError extends Error {
  readonly code = 'duplicate_pack_row' as const;
  constructor(readonly row: PackRow) {
    super(`pack has two ${row.kind} values for ${row.key} on ${row.date}`);
    this.name = 'DuplicatePackRowError';
  }
}
