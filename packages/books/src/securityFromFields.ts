import { blankToNull } from './blankToNull.js';
import type { securityColumns } from './bookColumns.js';
import type { BookSecurity } from './bookRecords.js';

/** The fields of a securities.csv row, each already valid for its column type. */
export type SecurityFields = Record<keyof typeof securityColumns, string>;

/**
 * Builds a security from fields that passed {@link securityColumns}, checking the rules
 * across fields: the ADR fields (a positive adr_ratio, underlying, underlying_currency)
 * are required for an ADR and must be blank otherwise. Problems go to `problem`.
 */
export function securityFromFields(
  values: SecurityFields,
  problem: (column: keyof SecurityFields, message: string) => void,
): BookSecurity {
  const isAdr = values.kind === 'adr';
  const adrFields = ['adr_ratio', 'underlying', 'underlying_currency'] as const;
  for (const name of adrFields) {
    if (isAdr && values[name] === '') problem(name, 'is required for an ADR');
    if (!isAdr && values[name] !== '')
      problem(name, `must be blank unless kind is adr (kind is ${values.kind})`);
  }
  if (isAdr && values.adr_ratio !== '' && Number(values.adr_ratio) <= 0)
    problem('adr_ratio', 'must be positive');
  return {
    symbol: values.symbol,
    name: values.name,
    currency: values.currency,
    kind: values.kind as BookSecurity['kind'],
    country: blankToNull(values.country),
    adrRatio: blankToNull(values.adr_ratio),
    underlying: blankToNull(values.underlying),
    underlyingCurrency: blankToNull(values.underlying_currency),
  };
}
