import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFingerprintedLedger } from '@truth-spine/ledger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@truth-spine/store';
import { portfolios, transactions } from '@truth-spine/store/schema';
import { booksFingerprint } from '../steps/valuation/booksFingerprint.js';
import { readBookMovements } from '../steps/valuation/readBookMovements.js';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '@truth-spine/store/testing';
import { describeInputChanges, inputChangesSince } from './inputChanges.js';
import { recordReconciledInputs } from './recordReconciledInputs.js';

const D = '2024-03-08';
const portfolio = (id: string) => ({
  id,
  name: id,
  baseCurrency: 'USD',
  benchmark: 'SPY',
  inception: '2024-01-02',
});
const deposit = (portfolioId: string, externalId: string, tradeDate: string, amount: string) => ({
  portfolioId,
  externalId,
  tradeDate,
  type: 'deposit' as const,
  amount,
  currency: 'USD',
});

describe.each(testDatabaseKinds())('inputChangesSince on %s', (kind) => {
  let t: TestDatabase;
  let db: Database;
  let dir: string;
  const ledgerOf = (id: string) => join(dir, `${id}.beancount`);

  /** What reconcile_ledger would record for `ids` now (same two fingerprint functions). */
  async function record(runId: string, ids: string[]) {
    const movements = await readBookMovements(db, ids, D);
    const inputs = ids.map((id) => {
      const { fingerprint } = loadFingerprintedLedger(ledgerOf(id));
      return {
        portfolioId: id,
        ledgerDigest: fingerprint.digest,
        ledgerFiles: fingerprint.files,
        booksFingerprint: booksFingerprint(movements.get(id) ?? [], D),
      };
    });
    await db.drizzle.transaction((tx) => recordReconciledInputs(tx, runId, inputs));
  }

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    db = t.db;
    dir = mkdtempSync(join(tmpdir(), 'input-changes-'));
    for (const id of ['P-A', 'P-B']) {
      writeFileSync(ledgerOf(id), `2024-01-01 open Assets:${id}:Cash:USD USD\n`);
    }
    await db.drizzle.insert(portfolios).values([portfolio('P-A'), portfolio('P-B')]);
    await db.drizzle
      .insert(transactions)
      .values([
        deposit('P-A', 'A-1', '2024-01-02', '100.00'),
        deposit('P-B', 'B-1', '2024-01-02', '50.00'),
      ]);
    await record('run-1', ['P-A', 'P-B']);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.dispose();
  });

  it('is null for a run that recorded nothing, empty when nothing changed', async () => {
    expect(await inputChangesSince(db, 'no-such-run', D)).toBeNull();
    expect(await inputChangesSince(db, 'run-1', D)).toEqual({
      since_run: 'run-1',
      as_of: D,
      portfolios: [],
    });
  });

  it('names an edited ledger, changed books (≤ D only) and a portfolio added since', async () => {
    writeFileSync(ledgerOf('P-A'), `2024-01-01 open Assets:P-A:Cash:USD USD\n; edited\n`);
    // a transaction after D does not change what D reconciled; one on D does
    await db.drizzle.insert(transactions).values(deposit('P-B', 'B-2', '2024-03-11', '1.00'));
    expect((await inputChangesSince(db, 'run-1', D))?.portfolios).toEqual([
      { portfolio_id: 'P-A', ledger: true, books: false, added: false },
    ]);
    await db.drizzle.insert(transactions).values(deposit('P-B', 'B-3', D, '1.00'));
    await db.drizzle.insert(portfolios).values(portfolio('P-C'));
    const changes = await inputChangesSince(db, 'run-1', D);
    expect(changes?.portfolios).toEqual([
      { portfolio_id: 'P-A', ledger: true, books: false, added: false },
      { portfolio_id: 'P-B', ledger: false, books: true, added: false },
      { portfolio_id: 'P-C', ledger: false, books: false, added: true },
    ]);
    expect(describeInputChanges(changes!)).toBe('P-A (ledger), P-B (books), P-C (added)');
  });
});
