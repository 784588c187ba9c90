import { OfflineReplaySource } from '@truth-spine/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBooks } from '@truth-spine/books';
import { loadConfig } from '../../config/loadConfig.js';
import type { Database } from '@truth-spine/store';
import { systemClock } from '../../pipeline/clock.js';
import { silentLogger } from '../../pipeline/logger.js';
import type { StepContext, StepOutcome } from '../../pipeline/stepBody.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { buildPackStep } from '../buildPack/buildPackStep.js';
import { demoCopy, withoutTransaction, type DemoCopy } from '../buildPack/testing/demoCopy.js';
import type { StepDependencies } from '../stepDependencies.js';
import { reconcileLedgerStep } from './reconcileLedgerStep.js';

const NIGHT_1 = '2024-03-07';
const NIGHT_2 = '2024-03-08';
const PORTFOLIOS = ['P-USD-GROWTH', 'P-USD-INCOME'];
/** The last dividend of P-USD-GROWTH (books row P-USD-GROWTH-0147, USD 124.80). */
const DIVIDEND = '2024-02-16 * "AAPL dividend USD 0.24 per share on 520 shares';

const context = (
  db: Database,
  asOf: string,
  runId: string,
  packId: string | null,
): StepContext => ({
  runId,
  asOf,
  trigger: 'manual',
  step: packId === null ? 'build_pack' : 'reconcile_ledger',
  packId,
  attempt: 1,
  signal: new AbortController().signal,
  db,
  logger: silentLogger,
  clock: systemClock,
  outputs: {},
});

const ledgersOf = (outcome: StepOutcome) =>
  (outcome.details as { ledgers: { carried: number; parsed: number; untrusted: number } }).ledgers;
const withoutLedgers = (outcome: StepOutcome) => ({
  ...outcome,
  details: { ...outcome.details, ledgers: null },
});

describe.each(testDatabaseKinds())('reconcile_ledger carries ledger state on %s', (kind) => {
  let t: TestDatabase;
  let demo: DemoCopy;
  let deps: StepDependencies;
  const packs: Record<string, string> = {};

  /** What the step stored for a pack and run: results, breaks, inputs (no timestamps). */
  async function stored(packId: string, runId: string) {
    return {
      results: await t.db.query(
        `select portfolio_id, ok, platform_value::text as platform_value,
                ledger_value::text as ledger_value, difference_bp, break_count, trading_lots
           from reconciliation_results where pack_id = $1 order by portfolio_id`,
        [packId],
      ),
      breaks: await t.db.query(
        `select portfolio_id, kind, subject, platform::text as platform, ledger::text as ledger,
                size_base::text as size_base, size_bp, reason
           from reconciliation_breaks where pack_id = $1
          order by portfolio_id, kind, subject, reason`,
        [packId],
      ),
      inputs: await t.db.query(
        `select portfolio_id, ledger_digest, ledger_files, books_fingerprint
           from reconciled_inputs where run_id = $1 order by portfolio_id`,
        [runId],
      ),
    };
  }
  const reconcileNight = (asOf: string, runId: string) =>
    reconcileLedgerStep(deps)(context(t.db, asOf, runId, packs[asOf]!));

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    demo = await demoCopy(PORTFOLIOS);
    await loadBooks(t.db, demo.booksDir);
    deps = {
      config: loadConfig({ BOOKS_DIR: demo.booksDir, OFFLINE_DATA_DIR: demo.marketDir }, '/'),
      market: new OfflineReplaySource(demo.marketDir),
      fallback: null,
      ledgerDir: demo.ledgerDir,
      logger: silentLogger,
    };
    for (const asOf of [NIGHT_1, NIGHT_2]) {
      const built = await buildPackStep(deps)(context(t.db, asOf, `build-${asOf}`, null));
      if (built.status !== 'succeeded' || built.packId === undefined) throw new Error('no pack');
      packs[asOf] = built.packId;
    }
  }, 180_000);
  afterAll(async () => {
    await t.dispose();
    await demo.dispose();
  });

  it('night 2 with unchanged ledgers parses none and stores what a full parse stores', async () => {
    const night1 = await reconcileNight(NIGHT_1, 'night-1');
    expect(night1.status).toBe('succeeded');
    expect(ledgersOf(night1)).toEqual({ carried: 0, parsed: 2, untrusted: 0 });
    const states = await t.db.query<{ portfolio_id: string; run_id: string }>(
      'select portfolio_id, run_id from ledger_states order by portfolio_id',
    );
    expect(states).toEqual(PORTFOLIOS.map((id) => ({ portfolio_id: id, run_id: 'night-1' })));
    // stored compressed by the step, in a column the database does not compress again
    const column = await t.db.query<{ type: string; storage: string }>(
      `select format_type(atttypid, atttypmod) as type, attstorage as storage from pg_attribute
        where attrelid = 'ledger_states'::regclass and attname = 'state'`,
    );
    expect(column).toEqual([{ type: 'bytea', storage: 'e' }]);

    const night2 = await reconcileNight(NIGHT_2, 'night-2');
    expect(ledgersOf(night2)).toEqual({ carried: 2, parsed: 0, untrusted: 0 });
    const carried = await stored(packs[NIGHT_2]!, 'night-2');
    // nothing was re-stored: the states are still night 1's
    expect(await t.db.query('select distinct run_id from ledger_states order by run_id')).toEqual([
      { run_id: 'night-1' },
    ]);

    // the same night with the states gone parses both ledgers: identical rows and outcome
    await t.db.query('delete from ledger_states');
    const parsed = await reconcileNight(NIGHT_2, 'night-2-parsed');
    expect(ledgersOf(parsed)).toEqual({ carried: 0, parsed: 2, untrusted: 0 });
    expect(await stored(packs[NIGHT_2]!, 'night-2-parsed')).toEqual(carried);
    expect(withoutLedgers(parsed)).toEqual(withoutLedgers(night2));
    expect(night2.status).toBe('succeeded');
    expect((carried.results as { trading_lots: string | null }[])[0]?.trading_lots).not.toBeNull();
  }, 120_000);

  it('an edited ledger is parsed again and the result reflects the edit', async () => {
    await demo.edit('ledgers/P-USD-GROWTH.beancount', (text) => withoutTransaction(text, DIVIDEND));
    const edited = await reconcileNight(NIGHT_2, 'night-2-edited');
    expect(ledgersOf(edited)).toEqual({ carried: 1, parsed: 1, untrusted: 0 });
    expect(edited.status).toBe('failed');
    expect(edited.status === 'failed' && edited.error).toMatch(/P-USD-GROWTH-0147/);
    const rows = await stored(packs[NIGHT_2]!, 'night-2-edited');
    expect(
      (rows.breaks as { portfolio_id: string; kind: string; subject: string }[])
        .filter((b) => b.kind !== 'value')
        .map((b) => [b.portfolio_id, b.kind, b.subject]),
    ).toEqual([['P-USD-GROWTH', 'missing_transaction', 'USD']]);
    // the new state is stored: the next run carries the edited ledger, with the same result
    const again = await reconcileNight(NIGHT_2, 'night-2-edited-again');
    expect(ledgersOf(again)).toEqual({ carried: 2, parsed: 0, untrusted: 0 });
    expect(withoutLedgers(again)).toEqual(withoutLedgers(edited));
    expect(await stored(packs[NIGHT_2]!, 'night-2-edited-again')).toEqual(rows);
  }, 120_000);

  it('a corrupted stored state is not trusted: the ledger is parsed and the state replaced', async () => {
    const before = await stored(packs[NIGHT_2]!, 'night-2-edited-again');
    const reference = await reconcileNight(NIGHT_2, 'reference');
    // a stored byte altered (the checksum no longer matches), and a state of another format
    await t.db.query(
      `update ledger_states set state = set_byte(state, 40, (get_byte(state, 40) + 1) % 256)
        where portfolio_id = 'P-USD-GROWTH'`,
    );
    await t.db.query(
      `update ledger_states set format_version = 0 where portfolio_id = 'P-USD-INCOME'`,
    );
    const outcome = await reconcileNight(NIGHT_2, 'night-2-corrupt');
    expect(ledgersOf(outcome)).toEqual({ carried: 0, parsed: 2, untrusted: 1 });
    expect(withoutLedgers(outcome)).toEqual(withoutLedgers(reference));
    expect(await stored(packs[NIGHT_2]!, 'night-2-corrupt')).toEqual(before);
    const replaced = await reconcileNight(NIGHT_2, 'night-2-after');
    expect(ledgersOf(replaced)).toEqual({ carried: 2, parsed: 0, untrusted: 0 });
  }, 120_000);
});
