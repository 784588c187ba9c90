import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Edits a Beancount ledger without changing any balance: inserts a comment line after the
 * header comments and appends ` (reviewed)` to the narration of the first transaction. The
 * file's bytes (and so its fingerprint) change; its postings, accounts and balances do
 * not. Returns the edited narration's old and new text; throws when the ledger has no
 * transaction.
 */
export function editLedgerCosmetically(ledgerFile: string): { before: string; after: string } {
  const lines = readFileSync(ledgerFile, 'utf8').split('\n');
  const narration = /^(\d{4}-\d{2}-\d{2} \* )"([^"]*)"$/;
  const at = lines.findIndex((line) => narration.test(line));
  if (at < 0) throw new Error(`${ledgerFile}: no transaction to edit`);
  const before = narration.exec(lines[at]!)![2]!;
  const after = `${before} (reviewed)`;
  lines[at] = lines[at]!.replace(narration, (_, head: string) => `${head}"${after}"`);
  const headerEnd = lines.findIndex((line) => !line.startsWith(';'));
  lines.splice(headerEnd, 0, '; Reviewed against the custodian statement; no amounts changed.');
  writeFileSync(ledgerFile, lines.join('\n'));
  return { before, after };
}
