import { join } from 'node:path';
import type { Executor } from '@truth-spine/store';
import { StepContractError } from '../../pipeline/pipelineErrors.js';
import type { StepBody, StepOutcome } from '../../pipeline/stepBody.js';
import type { StepDependencies } from '../stepDependencies.js';
import { packPricingOf, readPackPricingRows } from './packPricing.js';
import { recordReconciledInputs } from '../../reconciledInputs/recordReconciledInputs.js';
import { persistReconciliation } from './persistReconciliation.js';
import {
  reconcilePortfolio,
  type ReconcileJob,
  type ReconcileOutcome,
  type ReconciledInputs,
  type StoredReconciliation,
} from './reconcilePortfolio.js';
import { WorkerPool, workersFor } from '../workerThreads/workerPool.js';
import { readBooksBatches } from './readBooksBatches.js';
import type { StoredLedgerState } from './ledgerState.js';
import { readLedgerStates, storeLedgerStates } from './ledgerStateRows.js';

/**
 * reconcile_ledger (step 2, critical, docs/PIPELINE.md): for every portfolio, the books on D
 * ({@link portfolioBooks}) against its Beancount ledger `<ledgerDir>/<ID>.beancount`
 * (`@truth-spine/ledger`'s `reconcile`), both valued with the run's pack. Results and
 * breaks are persisted per (pack, portfolio) — replaced on a re-run of the same pack.
 * A ledger with errors (e.g. a failed `balance` check) is still reconciled, so its breaks
 * are recorded too. A ledger that cannot be read, has errors, or any portfolio not
 * `reconciled` makes the step `failed` (the engine then blocks the run and leaves the
 * pack warming); the error names the portfolio, file:line and the breaks.
 *
 * Scale: portfolios are streamed in batches ({@link readBooksBatches}: one books
 * query per batch), the splits source is asked once per batch, and each batch's results and
 * breaks are written with bulk statements in one transaction ({@link persistReconciliation}),
 * together with the fingerprints of the ledgers and books reconciled ({@link recordReconciledInputs}
 * — what a later `nightly` of the date compares to notice an edit) and the states of the
 * ledgers it parsed ({@link storeLedgerStates}).
 * Each portfolio's reconciliation ({@link reconcilePortfolio}: books fold, ledger parse and
 * booking or carried state, reconcile — CPU-bound) runs on worker threads ({@link WorkerPool}, `reconcileWorker.ts`) when
 * the night is large; outcomes are taken in portfolio order, so rows, details and the error
 * text are the same as inline. `options.batchSize` (default DEFAULT_PORTFOLIO_BATCH_SIZE, 500) and
 * `options.workers` (0 = inline) change nothing but how the work is split.
 *
 * Carried ledger state: a ledger whose files hold the same bytes as when its stored state
 * (ledger_states, {@link readLedgerStates}, one query per batch) was made is not parsed — the
 * state gives identical results for any D (`nightLedger.ts`, `ledgerState.ts`); a changed,
 * new or untrusted one is parsed and its state replaced. `details.ledgers` counts
 * `carried` and `parsed` ledgers (`untrusted`: parsed because a stored state failed its
 * checks).
 */
export function reconcileLedgerStep(
  deps: StepDependencies,
  options: { readonly batchSize?: number; readonly workers?: number } = {},
): StepBody {
  return async (ctx): Promise<StepOutcome> => {
    const packId = ctx.packId;
    if (packId === null) throw new StepContractError(ctx.step, 'the run has no pack to value with');
    const pricingRows = await readPackPricingRows(ctx.db, packId);
    const pricing = packPricingOf(pricingRows);
    const problems: string[] = [];
    const verdicts: Record<string, string> = {};
    let count = 0;
    const ledgers = { carried: 0, parsed: 0, untrusted: 0 };
    let pool: WorkerPool<ReconcileJob, ReconcileOutcome> | null = null;
    try {
      for await (const batch of readBooksBatches(ctx.db, ctx.asOf, options.batchSize)) {
        ctx.signal.throwIfAborted();
        // One splits request per batch: every symbol the batch traded, from its earliest
        // inception; each portfolio keeps those of its held symbols since its inception.
        const traded = new Set<string>();
        let from: string | null = null;
        for (const p of batch.portfolios) {
          for (const t of batch.transactions.get(p.id) ?? []) {
            if (t.symbol === null) continue;
            traded.add(t.symbol);
            if (from === null || p.inception < from) from = p.inception;
          }
        }
        const splits =
          from === null
            ? []
            : await deps.market.splits(
                { symbols: [...traded].sort(), from, to: ctx.asOf },
                ctx.signal,
              );
        const storedLedgers = await readLedgerStates(
          ctx.db,
          batch.portfolios.map((p) => p.id),
        );
        const jobs: ReconcileJob[] = batch.portfolios.map((p) => ({
          portfolio: p,
          transactions: batch.transactions.get(p.id) ?? [],
          asOf: ctx.asOf,
          ledgerFile: join(deps.ledgerDir, `${p.id}.beancount`),
          splits,
          storedLedger: storedLedgers.get(p.id) ?? null,
        }));
        const threads = options.workers ?? workersFor(jobs.length);
        if (pool === null && threads > 0) {
          pool = new WorkerPool(
            threads,
            new URL('./reconcileWorker.js', import.meta.url),
            pricingRows,
          );
        }
        const outcomes =
          pool === null
            ? jobs.map((job) => reconcilePortfolio(pricing, job))
            : await Promise.all(jobs.map((job) => pool!.run(job)));
        const stored: StoredReconciliation[] = [];
        const inputs: ReconciledInputs[] = [];
        const states: StoredLedgerState[] = [];
        for (const outcome of outcomes) {
          count++;
          if (outcome.ledgerSource === 'carried') ledgers.carried++;
          else ledgers.parsed++;
          if (outcome.ledgerSource === 'untrusted') ledgers.untrusted++;
          if (outcome.ledgerState !== null) states.push(outcome.ledgerState);
          inputs.push(outcome.inputs);
          verdicts[outcome.portfolioId] = outcome.verdict;
          problems.push(...outcome.problems);
          if (outcome.stored !== null) stored.push(outcome.stored);
        }
        await ctx.db.drizzle.transaction(async (tx: Executor) => {
          await persistReconciliation(tx, packId, ctx.runId, stored);
          await recordReconciledInputs(tx, ctx.runId, inputs);
          await storeLedgerStates(tx, ctx.runId, states);
        });
      }
    } finally {
      await (pool as WorkerPool<ReconcileJob, ReconcileOutcome> | null)?.close();
    }
    const details = { portfolios: count, verdicts, ledgers };
    if (problems.length > 0) {
      return { status: 'failed', error: `reconciliation failed: ${problems.join(' | ')}`, details };
    }
    return { status: 'succeeded', details };
  };
}
