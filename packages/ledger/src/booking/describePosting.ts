import type { Decimal } from '../core/decimal.js';
import type { Amount, MetaValue } from '../core/types.js';
import type { CostSpec, IncompletePosting } from '../parser/parsedTypes.js';

/** `100.00 # 5.00 USD, 2020-01-15, "lot-a"` — Beancount's `cost_to_str` for a spec. */
export function describeCostSpec(spec: CostSpec): string {
  const parts: string[] = [];
  if (spec.numberPer !== null || spec.numberTotal !== null) {
    const amount: string[] = [];
    if (spec.numberPer !== null) amount.push(spec.numberPer.toString());
    if (spec.numberTotal !== null) amount.push('#', spec.numberTotal.toString());
    if (spec.currency !== null) amount.push(spec.currency);
    parts.push(amount.join(' '));
  }
  if (spec.date !== null) parts.push(spec.date);
  if (spec.label !== null) parts.push(`"${spec.label}"`);
  if (spec.merge) parts.push('*');
  return parts.join(', ');
}

const PY_MISSING = "<class 'beancount.core.number.MISSING'>";

const pyDecimal = (n: Decimal | null) => (n === null ? PY_MISSING : `Decimal('${n.toString()}')`);
const pyString = (s: string | null) => (s === null ? 'None' : `'${s}'`);
const pyDate = (d: string | null) =>
  d === null ? 'None' : `datetime.date(${d.split('-').map(Number).join(', ')})`;

function pyMetaValue(value: MetaValue): string {
  switch (value.type) {
    case 'number':
      return `Decimal('${value.value.toString()}')`;
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'null':
      return 'None';
    case 'amount':
      return `${value.value.number.toString()} ${value.value.currency}`;
    case 'date':
      return pyDate(value.value);
    default:
      return `'${value.value}'`;
  }
}

/**
 * The Python `repr` of a reducing posting, as Beancount 2.3.5 puts it in its
 * "No position matches" message, so our message is the one users search for.
 */
export function describePostingRepr(
  source: IncompletePosting,
  spec: CostSpec,
  units: Amount,
  priceNumber: Decimal | null,
  priceCurrency: string | null,
): string {
  const cost =
    `CostSpec(number_per=${pyDecimal(spec.numberPer)}, ` +
    `number_total=${spec.numberTotal === null ? 'None' : pyDecimal(spec.numberTotal)}, ` +
    `currency=${spec.currency === null ? PY_MISSING : pyString(spec.currency)}, ` +
    `date=${pyDate(spec.date)}, label=${pyString(spec.label)}, merge=${spec.merge ? 'True' : 'False'})`;
  const price =
    priceNumber !== null && priceCurrency !== null
      ? `${priceNumber.toString()} ${priceCurrency}`
      : 'None';
  const meta = [`'filename': '${source.file}'`, `'lineno': ${source.line}`];
  for (const [key, value] of source.meta) meta.push(`'${key}': ${pyMetaValue(value)}`);
  return (
    `Posting(account='${source.account}', units=${units.number.toString()} ${units.currency}, ` +
    `cost=${cost}, price=${price}, flag=${pyString(source.flag)}, meta={${meta.join(', ')}})`
  );
}
