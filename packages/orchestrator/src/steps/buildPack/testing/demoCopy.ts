import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledDemoDir } from '../../../config/loadConfig.js';

/** A temporary copy of (part of) the bundled demo data set, for tests. */
export interface DemoCopy {
  /** Books directory (portfolios.json, securities.csv, transactions/). */
  readonly booksDir: string;
  readonly ledgerDir: string;
  /** Offline market data directory (docs/DATA-FORMATS.md#market-data). */
  readonly marketDir: string;
  /** Rewrites one file of the copy (path relative to the copy's root) with `edit`. */
  edit(relativePath: string, edit: (text: string) => string): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Copies `data/demo` into a temporary directory keeping only `portfolioIds` (their
 * transactions and ledgers; securities and the whole market directory as they are), so a
 * test can tamper with a ledger or a close without touching the bundled files. Built
 * from the repository's data at test time — no second copy is committed.
 */
export async function demoCopy(portfolioIds: readonly string[]): Promise<DemoCopy> {
  const root = await mkdtemp(join(tmpdir(), 'truth-spine-demo-'));
  const all = JSON.parse(await readFile(join(bundledDemoDir, 'portfolios.json'), 'utf8')) as {
    portfolios: { id: string }[];
  };
  const kept = all.portfolios.filter((p) => portfolioIds.includes(p.id));
  await writeFile(join(root, 'portfolios.json'), JSON.stringify({ portfolios: kept }, null, 2));
  await cp(join(bundledDemoDir, 'securities.csv'), join(root, 'securities.csv'));
  await mkdir(join(root, 'transactions'));
  await mkdir(join(root, 'ledgers'));
  for (const id of portfolioIds) {
    await cp(
      join(bundledDemoDir, 'transactions', `${id}.csv`),
      join(root, 'transactions', `${id}.csv`),
    );
    await cp(
      join(bundledDemoDir, 'ledgers', `${id}.beancount`),
      join(root, 'ledgers', `${id}.beancount`),
    );
  }
  await cp(join(bundledDemoDir, 'market'), join(root, 'market'), { recursive: true });
  return {
    booksDir: root,
    ledgerDir: join(root, 'ledgers'),
    marketDir: join(root, 'market'),
    edit: async (relativePath, edit) => {
      const path = join(root, relativePath);
      await writeFile(path, edit(await readFile(path, 'utf8')));
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

/** The close column of `date`'s row in a `prices/<SYMBOL>.csv` text; null when absent. */
export function closeInCsv(text: string, date: string): string | null {
  const row = text.split('\n').find((line) => line.startsWith(`${date},`));
  return row === undefined ? null : (row.split(',')[4] ?? null);
}

/** The CSV text with `date`'s close replaced by `close`. */
export function withClose(text: string, date: string, close: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.startsWith(`${date},`)) return line;
      const cells = line.split(',');
      cells[4] = close;
      return cells.join(',');
    })
    .join('\n');
}

/** The ledger text without the transaction that starts with `header` (up to the blank line). */
export function withoutTransaction(text: string, header: string): string {
  const start = text.indexOf(header);
  if (start < 0) throw new Error(`no transaction ${header} in the ledger`);
  const end = text.indexOf('\n\n', start);
  return text.slice(0, start) + text.slice(end + 2);
}
