const ROOTS = /\b(Assets|Liabilities|Equity|Income|Expenses):/g;

/**
 * A bigger ledger for the speed benchmark, made deterministically from a real one:
 * `copies` copies of its text, copy k (k ≥ 2) with every account moved under a
 * sub-tree `C<k>` (`Assets:US:Cash` → `Assets:C2:US:Cash`) so the copies book and
 * balance independently; `option`, `commodity`, `plugin` and `include` lines appear
 * only once. Commodities, prices and dates are unchanged, so the result is as valid as
 * the source (same errors per copy).
 */
export function scaleLedger(text: string, copies: number): string {
  if (!Number.isInteger(copies) || copies < 1)
    throw new RangeError(`copies must be a positive integer, got ${copies}`);
  const parts = [text];
  const once = /^(option|plugin|include|\d{4}-\d{2}-\d{2}\s+commodity)\b/;
  for (let k = 2; k <= copies; k++) {
    const lines = text.split('\n').filter((line) => !once.test(line));
    parts.push(lines.join('\n').replace(ROOTS, `$1:C${k}:`));
  }
  return parts.join('\n');
}
