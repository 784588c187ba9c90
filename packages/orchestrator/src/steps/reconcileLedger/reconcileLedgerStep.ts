import { join } from 'node:path';
import Big from 'big.js';
import {
  formatDiagnostic,
  ledgerPortfolio,
  loadLedgerFile,
  reconcile,
  type ReconciliationBreak,
  type ReconciliationResult,
} from '@truth-spine/ledger';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.js';
import { insertRows } from '../../db/insertRows.js';
import { StepContractError } from '../../pipeline/pipelineErrors.js';
import type { StepBody, StepOutcome } from '../../pipeline/stepBody.js';
import type { StepDependencies } from '../stepDependencies.js';
import { fxToBase, readPackPricing } from './packPricing.js';
import { portfolioBooks, type BooksTransaction } from './portfolioBooks.js';
import { activePortfolioSql } from '../../books/activePortfolios.js';

/** reconciliation_breaks.kind for each of the ledger package's break reasons. */
const breakKind: Record<ReconciliationBreak['reason'], string> = {
  missing_transaction: 'missing_transaction',
  quantity_mismatch: 'quantity',
  cash_mismatch: 'cash',
  fx_mismatch: 'fx',
  corporate_action: 'corporate_action',
  unknown_security: 'value',
};

/**
 * reconcile_ledger (step 2, critical, SPEC §5): for every portfolio, the books on D
 * ({@link portfolioBooks}) against its Beancount ledger `<ledgerDir>/<ID>.beancount`
 * (`@truth-spine/ledger`'s `reconcile`), both valued with the run's pack. Results and
 * breaks are persisted per (pack, portfolio) — replaced on a re-run of the same pack.
 * A ledger with errors (e.g. a failed `balance` check) is still reconciled, so its breaks
 * are recorded too. A ledger that cannot be read, has errors, or any portfolio not
 * `reconciled` makes the step `failed` (the engine then blocks the run and leaves the
 * pack warming); the error names the portfolio, file:line and the breaks.
 */
export function reconcileLedgerStep(deps: StepDependencies): StepBody {
  return async (ctx): Promise<StepOutcome> => {
    const packId = ctx.packId;
    if (packId === null) throw new StepContractError(ctx.step, 'the run has no pack to value with');
    const pricing = await readPackPricing(ctx.db, packId);
    const portfolios = await ctx.db.query<{ id: string; base_currency: string; inception: string }>(
      `select id, base_currency, inception::text as inception from portfolios where ${activePortfolioSql} order by id`,
    );
    const problems: string[] = [];
    const verdicts: Record<string, string> = {};
    for (const p of portfolios) {
      const transactions = await booksTransactions(ctx.db.query.bind(ctx.db), p.id);
      const rates = fxToBase(pricing, p.base_currency);
      const cashRate = (currency: string) =>
        currency === p.base_currency ? new Big(1) : (rates.get(currency) ?? null);
      const books = portfolioBooks(p.id, p.base_currency, transactions, ctx.asOf, {
        cashRate,
        unitValue: (symbol) => {
          const quote = pricing.prices.get(symbol);
          const rate = quote === undefined ? null : cashRate(quote.currency);
          return quote === undefined || rate === null ? null : quote.price.times(rate);
        },
      });
      const file = join(deps.ledgerDir, `${p.id}.beancount`);
      let ledger;
      try {
        ledger = loadLedgerFile(file);
      } catch (error) {
        problems.push(`${p.id}: ${error instanceof Error ? error.message : String(error)}`);
        verdicts[p.id] = 'ledger_unreadable';
        continue;
      }
      if (ledger.errors.length > 0) {
        const shown = ledger.errors.slice(0, 5).map(formatDiagnostic).join('; ');
        problems.push(`${p.id}: ${ledger.errors.length} ledger error(s): ${shown}`);
      }
      const held = [...books.positions.keys()];
      const splits =
        held.length === 0
          ? []
          : await deps.market.splits(
              { symbols: held, from: p.inception, to: ctx.asOf },
              ctx.signal,
            );
      const result = reconcile(books, ledgerPortfolio(ledger.entries, p.id, ctx.asOf), {
        prices: pricing.prices,
        fxToBase: rates,
        splits: splits.map((s) => ({
          symbol: s.symbol,
          date: s.date,
          numerator: new Big(s.numerator),
          denominator: new Big(s.denominator),
        })),
      });
      await ctx.db.drizzle.transaction((tx: Executor) => persist(tx, packId, ctx.runId, result));
      verdicts[p.id] = ledger.errors.length > 0 ? 'ledger_errors' : result.verdict;
      if (result.verdict !== 'reconciled') {
        const first = result.breaks
          .slice(0, 3)
          .map((b) => b.explanation)
          .join('; ');
        problems.push(
          `${p.id}: ${result.breaks.length} break(s)` +
            (result.valueWithinTolerance
              ? ''
              : `, value difference ${result.valueDifferenceBp?.toFixed(4) ?? 'unknown'} bp`) +
            (first === '' ? '' : `: ${first}`),
        );
      }
    }
    const details = { portfolios: portfolios.length, verdicts };
    if (problems.length > 0) {
      return { status: 'failed', error: `reconciliation failed: ${problems.join(' | ')}`, details };
    }
    return { status: 'succeeded', details };
  };
}

/** A portfolio's books transactions in trade-date order. */
async function booksTransactions(
  query: <Row extends Record<string, unknown>>(text: string, params?: unknown[]) => Promise<Row[]>,
  portfolioId: string,
): Promise<BooksTransaction[]> {
  const rows = await query<{
    external_id: string;
    trade_date: string;
    type: string;
    symbol: string | null;
    quantity: string | null;
    amount: string;
    currency: string;
    description: string;
  }>(
    `select external_id, trade_date::text as trade_date, type, symbol, quantity::text as quantity,
            amount::text as amount, currency, description
       from transactions where portfolio_id = $1 order by trade_date, id`,
    [portfolioId],
  );
  return rows.map((r) => ({
    externalId: r.external_id,
    tradeDate: r.trade_date,
    type: r.type,
    symbol: r.symbol,
    quantity: r.quantity,
    amount: r.amount,
    currency: r.currency,
    description: r.description,
  }));
}

/** Replaces the (pack, portfolio) result and its breaks. */
async function persist(
  tx: Executor,
  packId: string,
  runId: string,
  result: ReconciliationResult,
): Promise<void> {
  const portfolioId = result.portfolioId;
  await tx.execute(
    sql`delete from reconciliation_breaks where pack_id = ${packId} and portfolio_id = ${portfolioId}`,
  );
  await tx.execute(
    sql`insert into reconciliation_results
          (pack_id, portfolio_id, run_id, ok, platform_value, ledger_value, difference_bp, break_count)
        values (${packId}, ${portfolioId}, ${runId}, ${result.verdict === 'reconciled'},
                ${result.booksValue.toString()}, ${result.ledgerValue?.toString() ?? null},
                ${result.valueDifferenceBp === null ? null : Number(result.valueDifferenceBp)},
                ${result.breaks.length})
        on conflict (pack_id, portfolio_id) do update set
          run_id = excluded.run_id, ok = excluded.ok, platform_value = excluded.platform_value,
          ledger_value = excluded.ledger_value, difference_bp = excluded.difference_bp,
          break_count = excluded.break_count, checked_at = now()`,
  );
  await insertRows(
    tx,
    'reconciliation_breaks',
    [
      'pack_id',
      'portfolio_id',
      'kind',
      'subject',
      'platform',
      'ledger',
      'size_base',
      'size_bp',
      'reason',
    ],
    result.breaks.map((b) => [
      packId,
      portfolioId,
      breakKind[b.reason],
      b.key,
      b.books.toString(),
      b.ledger.toString(),
      b.sizeBase?.toString() ?? null,
      b.sizeBp === null ? null : Number(b.sizeBp),
      b.explanation,
    ]),
  );
}
