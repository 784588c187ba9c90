import { Decimal } from '../core/decimal.js';
import type { LedgerDiagnostic } from '../core/errors.js';
import type { Directive } from '../core/types.js';
import type { LedgerOptions } from '../parser/options.js';
import { balanceTolerance } from './balanceTolerance.js';
import { isSameOrChild } from './entryOrder.js';

/**
 * Beancount's `balance` check: each `balance A amount` compares the units of that
 * currency held by A and all its sub-accounts before any entry of its date (entries are
 * sorted so) with the expected amount, within {@link balanceTolerance}. A failure reads
 * "Balance failed for 'A': expected X != accumulated Y (D too much|too little)" and the
 * returned entry carries `diffAmount` = accumulated − expected.
 */
export function checkBalances(
  entries: readonly Directive[],
  options: LedgerOptions,
): { entries: Directive[]; errors: LedgerDiagnostic[] } {
  const asserted = new Set<string>();
  const opened = new Map<string, readonly string[] | null>();
  for (const e of entries) {
    if (e.type === 'Balance') asserted.add(e.account);
    else if (e.type === 'Open' && !opened.has(e.account)) opened.set(e.account, e.currencies);
  }
  if (asserted.size === 0) return { entries: [...entries], errors: [] };
  /** Units per tracked account and currency. */
  const held = new Map<string, Map<string, Decimal>>();
  /** Tracked accounts under each asserted account (itself included). */
  const subtrees = new Map<string, string[]>();
  const track = (account: string): Map<string, Decimal> | undefined => {
    const known = held.get(account);
    if (known !== undefined) return known;
    let units: Map<string, Decimal> | undefined;
    for (const parent of asserted) {
      if (!isSameOrChild(account, parent)) continue;
      units ??= new Map();
      const list = subtrees.get(parent);
      if (list === undefined) subtrees.set(parent, [account]);
      else list.push(account);
    }
    if (units !== undefined) held.set(account, units);
    return units;
  };
  const untracked = new Set<string>();
  const out: Directive[] = [];
  const errors: LedgerDiagnostic[] = [];
  for (const entry of entries) {
    if (entry.type === 'Transaction') {
      for (const p of entry.postings) {
        if (untracked.has(p.account)) continue;
        const units = track(p.account);
        if (units === undefined) {
          untracked.add(p.account);
          continue;
        }
        const before = units.get(p.units.currency);
        units.set(
          p.units.currency,
          before === undefined ? p.units.number : before.add(p.units.number),
        );
      }
      out.push(entry);
      continue;
    }
    if (entry.type !== 'Balance') {
      out.push(entry);
      continue;
    }
    const fail = (message: string) =>
      errors.push({ type: 'BalanceError', file: entry.file, line: entry.line, message });
    if (!opened.has(entry.account)) {
      fail(`Account '${entry.account}' does not exist: `);
      out.push(entry);
      continue;
    }
    const { currency, number: expected } = entry.amount;
    const allowed = opened.get(entry.account);
    if (allowed && allowed.length > 0 && !allowed.includes(currency)) {
      fail(`Invalid currency '${currency}' for Balance directive: `);
    }
    track(entry.account);
    let accumulated = Decimal.ZERO;
    for (const account of subtrees.get(entry.account) ?? []) {
      const n = held.get(account)?.get(currency);
      if (n !== undefined) accumulated = accumulated.add(n);
    }
    const diff = accumulated.sub(expected);
    if (diff.abs().cmp(balanceTolerance(entry, options)) > 0) {
      fail(
        `Balance failed for '${entry.account}': expected ${expected.toString()} ${currency} != ` +
          `accumulated ${accumulated.toString()} ${currency} ` +
          `(${diff.abs().toString()} ${diff.sign() > 0 ? 'too much' : 'too little'})`,
      );
      out.push({ ...entry, diffAmount: { number: diff, currency } });
    } else out.push(entry);
  }
  return { entries: out, errors };
}
