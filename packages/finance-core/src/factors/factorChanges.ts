import { FactorInputError } from './factorInputError.js';

/** How a level series becomes a daily factor change. */
export type FactorChangeKind = 'difference' | 'logReturn';

/**
 * Daily factor changes from a FRED level series on the master calendar (docs/FACTORS.md).
 *
 * `difference`: Δ_t = L_t − L_p — yields and spreads quoted in percent give changes in
 * percentage points. `logReturn`: Δ_t = ln(L_t / L_p) — for an index such as DTWEXBGS.
 *
 * Missing observations (NaN levels, e.g. FRED's "." on a bond-market holiday): p is the
 * last earlier row with a level, so a change spans the gap and the changes still telescope
 * (Σ Δ = L_last − L_first); a row without a level, and the first row with one, get NaN
 * (no change observed), which the factor kernels drop pairwise.
 *
 * Throws {@link FactorInputError} `non_positive_level` for a level ≤ 0 under `logReturn`.
 *
 * @example factorChanges(Float64Array.of(4.1, NaN, 4.3), 'difference') // → [NaN, NaN, 0.2]
 */
export function factorChanges(levels: Float64Array, kind: FactorChangeKind): Float64Array {
  const changes = new Float64Array(levels.length).fill(NaN);
  let previous = NaN;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    if (Number.isNaN(level)) continue;
    if (kind === 'logReturn' && !(level > 0)) {
      throw new FactorInputError(
        'non_positive_level',
        `level ${level} on row ${i} has no log return; an index level must be positive`,
      );
    }
    if (!Number.isNaN(previous)) {
      changes[i] = kind === 'difference' ? level - previous : Math.log(level / previous);
    }
    previous = level;
  }
  return changes;
}
