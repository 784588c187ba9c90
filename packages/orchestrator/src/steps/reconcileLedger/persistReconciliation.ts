import { sql } from 'drizzle-orm';
import type { Executor } from '@truth-spine/store';
import { insertRows } from '@truth-spine/store';
import type { StoredReconciliation } from './reconcilePortfolio.js';

const RESULT_COLUMNS = [
  'pack_id',
  'portfolio_id',
  'run_id',
  'ok',
  'platform_value',
  'ledger_value',
  'difference_bp',
  'break_count',
  'trading_lots',
] as const;

const BREAK_COLUMNS = [
  'pack_id',
  'portfolio_id',
  'kind',
  'subject',
  'platform',
  'ledger',
  'size_base',
  'size_bp',
  'reason',
] as const;

/**
 * Replaces the (pack, portfolio) results and breaks of a batch of portfolios with three
 * bulk statements, whatever the batch size: delete the batch's old breaks, upsert the
 * results (`checked_at = now()` on a re-run), insert the new breaks. Call inside a
 * transaction so a batch is written whole or not at all.
 */
export async function persistReconciliation(
  tx: Executor,
  packId: string,
  runId: string,
  results: readonly StoredReconciliation[],
): Promise<void> {
  if (results.length === 0) return;
  const ids = results.map((r) => r.portfolioId);
  await tx.execute(
    sql`delete from reconciliation_breaks
         where pack_id = ${packId}
           and portfolio_id in (${sql.join(
             ids.map((id) => sql`${id}`),
             sql`, `,
           )})`,
  );
  await insertRows(
    tx,
    'reconciliation_results',
    RESULT_COLUMNS,
    results.map((result) => [
      packId,
      result.portfolioId,
      runId,
      result.ok,
      result.platformValue,
      result.ledgerValue,
      result.differenceBp,
      result.breaks.length,
      result.tradingLots === null ? null : JSON.stringify(result.tradingLots),
    ]),
    sql.raw(
      ` on conflict (pack_id, portfolio_id) do update set
          run_id = excluded.run_id, ok = excluded.ok, platform_value = excluded.platform_value,
          ledger_value = excluded.ledger_value, difference_bp = excluded.difference_bp,
          break_count = excluded.break_count, trading_lots = excluded.trading_lots,
          checked_at = now()`,
    ),
  );
  await insertRows(
    tx,
    'reconciliation_breaks',
    BREAK_COLUMNS,
    results.flatMap((result) =>
      result.breaks.map((b) => [
        packId,
        result.portfolioId,
        b.kind,
        b.subject,
        b.platform,
        b.ledger,
        b.sizeBase,
        b.sizeBp,
        b.reason,
      ]),
    ),
  );
}
