import { join } from 'node:path';
import { loadLedgerFile, realisedGains, type ClosedLot } from '@truth-spine/ledger';

/**
 * The lots closed through `asOf` in portfolio `portfolioId`'s Beancount ledger
 * (`<ledgerDir>/<ID>.beancount`, the ledger package's `realisedGains`). A ledger that cannot
 * be read throws — reconcile_ledger, which runs first and is critical, already rejects that.
 */
export function closedLots(ledgerDir: string, portfolioId: string, asOf: string): ClosedLot[] {
  const ledger = loadLedgerFile(join(ledgerDir, `${portfolioId}.beancount`));
  return realisedGains(ledger.entries, asOf);
}
