import { factorChanges, type FactorChangeKind } from './factorChanges.js';
import { FactorInputError } from './factorInputError.js';

/** One macro factor of the factor model (docs/FACTORS.md): its FRED series and how its daily change is taken. */
export interface MacroFactor {
  readonly id: string;
  readonly description: string;
  readonly change: FactorChangeKind;
}

/**
 * The five macro factors of docs/FACTORS.md, in model order: yields and spreads (percent) change by
 * difference in percentage points, the broad dollar index by log return.
 */
export const MACRO_FACTORS: readonly MacroFactor[] = [
  { id: 'DFII10', description: 'real rate: 10-year TIPS yield', change: 'difference' },
  {
    id: 'T10YIE',
    description: 'inflation expectations: 10-year breakeven inflation',
    change: 'difference',
  },
  {
    id: 'BAMLC0A0CM',
    description: 'credit spread: ICE BofA US corporate option-adjusted spread',
    change: 'difference',
  },
  { id: 'DTWEXBGS', description: 'US dollar: nominal broad dollar index', change: 'logReturn' },
  { id: 'DGS10', description: 'nominal risk-free: 10-year Treasury yield', change: 'difference' },
];

/**
 * Daily changes of the five macro factors from their FRED levels, each by its
 * {@link MACRO_FACTORS} rule and the missing-observation policy of {@link factorChanges}.
 * `levels` maps FRED series id → levels on one calendar (NaN = missing). Returns the
 * changes in {@link MACRO_FACTORS} order with their ids, ready for `fitFactorModel`.
 * Throws {@link FactorInputError} `missing_series` when a series is absent.
 *
 * @example const { names, changes } = macroFactorChanges({ DFII10, T10YIE, BAMLC0A0CM, DTWEXBGS, DGS10 })
 */
export function macroFactorChanges(levels: Readonly<Record<string, Float64Array>>): {
  readonly names: readonly string[];
  readonly changes: readonly Float64Array[];
} {
  const names = MACRO_FACTORS.map((factor) => factor.id);
  const changes = MACRO_FACTORS.map((factor) => {
    const series = levels[factor.id];
    if (series === undefined) {
      throw new FactorInputError(
        'missing_series',
        `macro factor ${factor.id} (${factor.description}) has no level series`,
      );
    }
    return factorChanges(series, factor.change);
  });
  return { names, changes };
}
