import { describe, expect, it } from 'vitest';
import { bundledDemoDir } from '../../config/loadConfig.js';
import { join } from 'node:path';
import { closedLots } from './closedLots.js';
import { tradingLotRows } from './tradingLotRows.js';
import { TradingLots, type TradingLotsJob } from './tradingLotsOf.js';

const ledgerDir = join(bundledDemoDir, 'ledgers');
const jobs: TradingLotsJob[] = ['P-EUR-GLOBAL', 'P-GBP-UK', 'P-USD-GROWTH', 'P-USD-INCOME'].map(
  (portfolioId) => ({ ledgerDir, portfolioId, asOf: '2024-03-08', inception: '2019-01-02' }),
);

describe('TradingLots', () => {
  it('gives on two worker threads exactly the rows computed inline, per portfolio', async () => {
    const threaded = new TradingLots(jobs, 2);
    const inline = new TradingLots(jobs, 0);
    try {
      for (const job of [...jobs].reverse()) {
        const expected = tradingLotRows(
          closedLots(ledgerDir, job.portfolioId, job.asOf),
          job.asOf,
          job.inception,
        );
        // every demo portfolio sells once: each has closed lots and a non-null win rate
        expect(expected.some((r) => r.value !== null)).toBe(true);
        expect(await threaded.rowsOf(job.portfolioId)).toEqual(expected);
        expect(await inline.rowsOf(job.portfolioId)).toEqual(expected);
      }
    } finally {
      await threaded.close();
      await inline.close();
    }
  }, 60_000);

  it('a job whose ledger cannot be read fails only when its rows are asked for', async () => {
    const missing = { ...jobs[0]!, portfolioId: 'P-NO-LEDGER' };
    const threaded = new TradingLots([missing, jobs[1]!], 2);
    try {
      expect((await threaded.rowsOf('P-GBP-UK')).length).toBeGreaterThan(0);
      await expect(threaded.rowsOf('P-NO-LEDGER')).rejects.toThrow(/P-NO-LEDGER\.beancount/);
    } finally {
      await threaded.close();
    }
  }, 60_000);
});
