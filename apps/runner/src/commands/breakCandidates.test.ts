import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCopy, type DemoCopy, type RunReport } from '@truth-spine/orchestrator';
import { openDatabase } from '@truth-spine/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTimeoutMs } from './dbTestSupport.js';
import { runRunner } from './testing/runnerProcess.js';

const D = '2024-03-08';
const FEE_HEADER = '2019-01-03 * "Commission on AAPL trade"\n  external_id: "P-USD-GROWTH-0003"\n';

describe('a reconciliation break names where to look (processes)', () => {
  let demo: DemoCopy;
  let dir: string;
  beforeAll(async () => {
    demo = await demoCopy(['P-USD-GROWTH']);
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-break-'));
  });
  afterAll(async () => {
    await demo.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'a fee of 9.95 in the ledger against 4.95 in the books names both, with the size in USD and bp',
    async () => {
      const ledgerFile = join(demo.ledgerDir, 'P-USD-GROWTH.beancount');
      await demo.edit('ledgers/P-USD-GROWTH.beancount', (text) => {
        const at = text.indexOf(FEE_HEADER);
        expect(at).toBeGreaterThan(0);
        const end = text.indexOf('\n\n', at);
        const entry = text.slice(at, end).replaceAll('4.95 USD', '9.95 USD');
        return text.slice(0, at) + entry + text.slice(end);
      });
      const text = await readFile(ledgerFile, 'utf8');
      const line = text.slice(0, text.indexOf(FEE_HEADER)).split('\n').length;
      const url = `pglite://${join(dir, 'db')}`;
      const child = await runRunner(['nightly', '--date', D, '--json'], {
        BOOKS_DIR: demo.booksDir,
        LEDGER_DIR: demo.ledgerDir,
        OFFLINE_DATA_DIR: demo.marketDir,
        DATABASE_URL: url,
      });
      expect(child.code, child.stderr).toBe(2);
      const report = JSON.parse(child.stdout) as RunReport;
      const error = report.steps[1]?.error ?? '';
      expect(error).toContain(
        `USD cash: the ledger transaction of 2019-01-03 "Commission on AAPL trade" ` +
          `(${ledgerFile}:${line}) moves -9.95, the books row P-USD-GROWTH-0003 of 2019-01-03 ` +
          `"Commission on AAPL trade" -4.95: they differ by exactly the break, -5`,
      );
      expect(error).toMatch(/size 5\.00 USD = \d+\.\d{4} bp of the portfolio/);

      // the stored break keeps full precision: size 5 USD and bp = 5 / books value × 10 000
      const db = await openDatabase(url);
      try {
        const [stored] = await db.query<{
          kind: string;
          size_base: string;
          size_bp: number;
          platform_value: string;
          reason: string;
        }>(
          `select b.kind, b.size_base::text as size_base, b.size_bp, r.platform_value::text as platform_value, b.reason
             from reconciliation_breaks b
             join reconciliation_results r using (pack_id, portfolio_id)
            where b.pack_id = $1`,
          [report.pack?.id],
        );
        expect(stored?.kind).toBe('cash');
        expect(Number(stored?.size_base)).toBe(5);
        expect(stored?.size_bp).toBeCloseTo((5 / Number(stored?.platform_value)) * 10_000, 9);
        expect(stored?.reason).toContain('P-USD-GROWTH-0003');
      } finally {
        await db.close();
      }
    },
    dbTimeoutMs,
  );
});
