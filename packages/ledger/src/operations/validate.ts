import type { Decimal } from '../core/decimal.js';
import type { LedgerDiagnostic } from '../core/errors.js';
import { Inventory } from '../core/inventory.js';
import type { Directive, Open, Transaction } from '../core/types.js';
import { inferTolerances, isSmall, tolerancePosting } from '../booking/tolerances.js';
import { postingWeight } from '../booking/weight.js';
import type { LedgerOptions } from '../parser/options.js';

type Report = (entry: Directive, message: string) => void;

/**
 * Beancount 2.3.5's validations, in its order: open/close consistency, references to
 * unknown or inactive accounts, currency constraints of `open`, duplicate balances and
 * commodities, and transactions that do not balance within their inferred tolerances.
 * `entries` must be sorted.
 */
export function validateEntries(
  entries: readonly Directive[],
  options: LedgerOptions,
): LedgerDiagnostic[] {
  const errors: LedgerDiagnostic[] = [];
  const report: Report = (entry, message) =>
    errors.push({ type: 'ValidationError', file: entry.file, line: entry.line, message });
  const opens = validateOpenClose(entries, report);
  validateActiveAccounts(entries, report);
  validateCurrencyConstraints(entries, opens, report);
  validateDuplicates(entries, report);
  for (const entry of entries) {
    if (entry.type === 'Transaction') validateTransactionBalances(entry, options, report);
  }
  return errors;
}

function validateOpenClose(entries: readonly Directive[], report: Report): Map<string, Open> {
  const opens = new Map<string, Open>();
  const closed = new Set<string>();
  for (const entry of entries) {
    if (entry.type === 'Open') {
      if (opens.has(entry.account)) report(entry, `Duplicate open directive for ${entry.account}`);
      else opens.set(entry.account, entry);
    } else if (entry.type === 'Close') {
      if (closed.has(entry.account)) {
        report(entry, `Duplicate close directive for ${entry.account}`);
        continue;
      }
      const open = opens.get(entry.account);
      if (open === undefined) report(entry, `Unopened account ${entry.account} is being closed`);
      else if (entry.date < open.date) {
        report(
          entry,
          `Internal error: closing date for ${entry.account} appears before opening date`,
        );
      }
      closed.add(entry.account);
    }
  }
  return opens;
}

const NO_ACCOUNTS: readonly string[] = [];

/** Accounts a non-transaction entry refers to (Beancount `get_entry_accounts`). */
function entryAccounts(entry: Directive): readonly string[] {
  switch (entry.type) {
    case 'Pad':
      return [entry.account, entry.sourceAccount];
    case 'Balance':
    case 'Note':
    case 'Document':
      return [entry.account];
    default:
      return NO_ACCOUNTS;
  }
}

function validateActiveAccounts(entries: readonly Directive[], report: Report): void {
  const active = new Set<string>();
  const opened = new Set<string>();
  for (const entry of entries) {
    if (entry.type === 'Open') {
      active.add(entry.account);
      opened.add(entry.account);
    } else if (entry.type === 'Close') active.delete(entry.account);
    else {
      let reported: Set<string> | null = null;
      const accounts =
        entry.type === 'Transaction'
          ? entry.postings
          : entryAccounts(entry).map((account) => ({ account }));
      for (const { account } of accounts) {
        if (active.has(account) || reported?.has(account)) continue;
        (reported ??= new Set()).add(account);
        const wasOpened = opened.has(account);
        if (wasOpened && (entry.type === 'Note' || entry.type === 'Document')) continue;
        report(
          entry,
          `Invalid reference to ${wasOpened ? 'inactive' : 'unknown'} account '${account}'`,
        );
      }
    }
  }
}

function validateCurrencyConstraints(
  entries: readonly Directive[],
  opens: Map<string, Open>,
  report: Report,
): void {
  for (const entry of entries) {
    if (entry.type !== 'Transaction') continue;
    for (const p of entry.postings) {
      const allowed = opens.get(p.account)?.currencies;
      if (allowed && allowed.length > 0 && !allowed.includes(p.units.currency)) {
        report(entry, `Invalid currency ${p.units.currency} for account '${p.account}'`);
      }
    }
  }
}

function validateDuplicates(entries: readonly Directive[], report: Report): void {
  const balances = new Map<string, string>();
  const commodities = new Set<string>();
  for (const entry of entries) {
    if (entry.type === 'Balance') {
      const key = `${entry.account} ${entry.amount.currency} ${entry.date}`;
      const amount = entry.amount.number.canonical();
      const previous = balances.get(key);
      if (previous === undefined) balances.set(key, amount);
      else if (previous !== amount)
        report(entry, 'Duplicate balance assertion with different amounts');
    } else if (entry.type === 'Commodity') {
      if (commodities.has(entry.currency)) {
        report(entry, `Duplicate commodity directives for '${entry.currency}'`);
      }
      commodities.add(entry.currency);
    }
  }
}

function validateTransactionBalances(
  entry: Transaction,
  options: LedgerOptions,
  report: Report,
): void {
  // Sum weights per currency in small arrays: most transactions balance exactly.
  const currencies: string[] = [];
  const sums: Decimal[] = [];
  for (const p of entry.postings) {
    const weight = postingWeight(p);
    const at = currencies.indexOf(weight.currency);
    if (at < 0) {
      currencies.push(weight.currency);
      sums.push(weight.number);
    } else sums[at] = (sums[at] as Decimal).add(weight.number);
  }
  let balanced = true;
  for (const n of sums) if (!n.isZero()) balanced = false;
  if (balanced) return;
  const residual = new Inventory();
  sums.forEach((number, i) => residual.add({ number, currency: currencies[i] as string }, null));
  if (!isSmall(residual, inferTolerances(entry.postings.map(tolerancePosting), options))) {
    report(entry, `Transaction does not balance: ${residual.toString()}`);
  }
}
