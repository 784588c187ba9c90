import { join } from 'node:path';
import Big from 'big.js';
import {
  formatDiagnostic,
  ledgerPortfolio,
  loadLedgerFile,
  reconcile,
  type PortfolioBooks,
  type ReconciliationResult,
} from '@truth-spine/ledger';
import type { Executor } from '../../db/database.js';
import { StepContractError } from '../../pipeline/pipelineErrors.js';
import type { StepBody, StepOutcome } from '../../pipeline/stepBody.js';
import type { StepDependencies } from '../stepDependencies.js';
import { fxToBase, readPackPricing, type PackPricing } from './packPricing.js';
import { persistReconciliation } from './persistReconciliation.js';
import { portfolioBooks, type Valuer } from './portfolioBooks.js';
import { readBooksBatches } from './readBooksBatches.js';

/**
 * reconcile_ledger (step 2, critical, SPEC §5): for every portfolio, the books on D
 * ({@link portfolioBooks}) against its Beancount ledger `<ledgerDir>/<ID>.beancount`
 * (`@truth-spine/ledger`'s `reconcile`), both valued with the run's pack. Results and
 * breaks are persisted per (pack, portfolio) — replaced on a re-run of the same pack.
 * A ledger with errors (e.g. a failed `balance` check) is still reconciled, so its breaks
 * are recorded too. A ledger that cannot be read, has errors, or any portfolio not
 * `reconciled` makes the step `failed` (the engine then blocks the run and leaves the
 * pack warming); the error names the portfolio, file:line and the breaks.
 *
 * Scale (issue 7): portfolios are streamed in batches ({@link readBooksBatches}: one books
 * query per batch), the splits source is asked once per batch, and each batch's results and
 * breaks are written with bulk statements in one transaction ({@link persistReconciliation});
 * `options.batchSize` (default RECONCILE_BATCH_SIZE, 500) changes nothing but the batching.
 */
export function reconcileLedgerStep(
  deps: StepDependencies,
  options: { readonly batchSize?: number } = {},
): StepBody {
  return async (ctx): Promise<StepOutcome> => {
    const packId = ctx.packId;
    if (packId === null) throw new StepContractError(ctx.step, 'the run has no pack to value with');
    const pricing = await readPackPricing(ctx.db, packId);
    const ratesByBase = new Map<string, Map<string, Big>>();
    const problems: string[] = [];
    const verdicts: Record<string, string> = {};
    let count = 0;
    for await (const batch of readBooksBatches(ctx.db, ctx.asOf, options.batchSize)) {
      ctx.signal.throwIfAborted();
      const books = new Map<string, PortfolioBooks>();
      const heldSymbols = new Set<string>();
      let from: string | null = null;
      for (const p of batch.portfolios) {
        let rates = ratesByBase.get(p.baseCurrency);
        if (rates === undefined) {
          rates = fxToBase(pricing, p.baseCurrency);
          ratesByBase.set(p.baseCurrency, rates);
        }
        const book = portfolioBooks(
          p.id,
          p.baseCurrency,
          batch.transactions.get(p.id) ?? [],
          ctx.asOf,
          packValuer(pricing, p.baseCurrency, rates),
        );
        books.set(p.id, book);
        if (book.positions.size > 0 && (from === null || p.inception < from)) from = p.inception;
        for (const symbol of book.positions.keys()) heldSymbols.add(symbol);
      }
      // One splits request per batch (the union of held symbols from the batch's earliest
      // inception); each portfolio gets the ones of its own held symbols since its inception.
      const batchSplits =
        heldSymbols.size === 0 || from === null
          ? []
          : await deps.market.splits(
              { symbols: [...heldSymbols].sort(), from, to: ctx.asOf },
              ctx.signal,
            );
      const results: ReconciliationResult[] = [];
      for (const p of batch.portfolios) {
        count++;
        const book = books.get(p.id)!;
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
        const splits = batchSplits.filter(
          (s) => book.positions.has(s.symbol) && s.date >= p.inception && s.date <= ctx.asOf,
        );
        const result = reconcile(book, ledgerPortfolio(ledger.entries, p.id, ctx.asOf), {
          prices: pricing.prices,
          fxToBase: ratesByBase.get(p.baseCurrency)!,
          splits: splits.map((s) => ({
            symbol: s.symbol,
            date: s.date,
            numerator: new Big(s.numerator),
            denominator: new Big(s.denominator),
          })),
        });
        results.push(result);
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
      await ctx.db.drizzle.transaction((tx: Executor) =>
        persistReconciliation(tx, packId, ctx.runId, results),
      );
    }
    const details = { portfolios: count, verdicts };
    if (problems.length > 0) {
      return { status: 'failed', error: `reconciliation failed: ${problems.join(' | ')}`, details };
    }
    return { status: 'succeeded', details };
  };
}

/** Unit values and cash rates in `base` from the pack: price × FX to base; null = unknown. */
function packValuer(pricing: PackPricing, base: string, rates: ReadonlyMap<string, Big>): Valuer {
  const cashRate = (currency: string) =>
    currency === base ? new Big(1) : (rates.get(currency) ?? null);
  return {
    cashRate,
    unitValue: (symbol) => {
      const quote = pricing.prices.get(symbol);
      const rate = quote === undefined ? null : cashRate(quote.currency);
      return quote === undefined || rate === null ? null : quote.price.times(rate);
    },
  };
}
