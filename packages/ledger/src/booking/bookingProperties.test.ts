import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Transaction } from '../core/types.js';
import { loadLedgerText } from '../loader/loadLedger.js';
import { inventoriesAsOf } from '../queries/inventoriesAsOf.js';
import { realisedGains } from '../queries/realisedGains.js';

/**
 * Properties of lot booking over random buy/sell sequences (fast-check):
 * no lot ever goes negative under STRICT or FIFO, a sale of more than is held is an
 * error that books nothing, and FIFO realised gains sum to proceeds minus the cost of
 * the lots taken (checked against an independent FIFO queue model).
 */
interface Trade {
  readonly buy: boolean;
  readonly units: number;
  readonly cents: number;
}

const trade = fc.record({
  buy: fc.boolean(),
  units: fc.integer({ min: 1, max: 20 }),
  cents: fc.integer({ min: 100, max: 50_000 }),
});

const price = (cents: number) => new Big(cents).div(100).toFixed(2);

function ledgerText(trades: readonly Trade[], method: 'FIFO' | 'STRICT'): string {
  const lines = [
    '2020-01-01 open Assets:Cash USD',
    `2020-01-01 open Assets:Stock HOOL "${method}"`,
    '2020-01-01 open Income:PnL USD',
  ];
  trades.forEach((t, i) => {
    // One trade per day, so every lot has its own date and FIFO order is unambiguous.
    const date = new Date(Date.UTC(2020, 0, 2 + i)).toISOString().slice(0, 10);
    const p = price(t.cents);
    lines.push(
      t.buy
        ? `${date} * "buy"\n  Assets:Stock ${t.units} HOOL {${p} USD}\n  Assets:Cash`
        : `${date} * "sell"\n  Assets:Stock -${t.units} HOOL {} @ ${p} USD\n  Assets:Cash\n  Income:PnL 0 USD`,
    );
  });
  return lines.join('\n');
}

/** Independent FIFO model: a queue of [units, cost]; returns the realised gain or null when short. */
function fifoModel(trades: readonly Trade[]) {
  const queue: [number, Big][] = [];
  let gain = new Big(0);
  let rejected = 0;
  for (const t of trades) {
    const p = new Big(price(t.cents));
    if (t.buy) {
      queue.push([t.units, p]);
      continue;
    }
    const held = queue.reduce((s, [u]) => s + u, 0);
    if (held < t.units) {
      rejected++;
      continue;
    }
    let remaining = t.units;
    while (remaining > 0) {
      const lot = queue[0] as [number, Big];
      const take = Math.min(lot[0], remaining);
      gain = gain.plus(p.minus(lot[1]).times(take));
      lot[0] -= take;
      remaining -= take;
      if (lot[0] === 0) queue.shift();
    }
  }
  return { gain, rejected, held: queue.reduce((s, [u]) => s + u, 0) };
}

/** Errors name the transaction's line or one of its (three) posting lines. */
const isAbout = (line: number, txn: Transaction) => line >= txn.line && line <= txn.line + 3;

describe('booking properties', () => {
  it('FIFO: lots never go negative and gains match an independent FIFO model', () => {
    fc.assert(
      fc.property(fc.array(trade, { maxLength: 25 }), (trades) => {
        const ledger = loadLedgerText(ledgerText(trades, 'FIFO'), 'p.beancount');
        const lots = [...(inventoriesAsOf(ledger.entries, '2099-12-31').get('Assets:Stock') ?? [])];
        expect(lots.every((l) => l.units.number.sign() > 0)).toBe(true);
        const model = fifoModel(trades);
        // A sale larger than the holding is an error and books nothing ("Not enough lots";
        // from an empty holding Beancount sees an augmentation with two unknown numbers).
        const sells = ledger.entries.filter(
          (e): e is Transaction => e.type === 'Transaction' && e.narration === 'sell',
        );
        const rejected = sells.filter((e) => e.postings.length === 0);
        expect(rejected).toHaveLength(model.rejected);
        for (const e of rejected)
          expect(ledger.errors.some((err) => isAbout(err.line, e))).toBe(true);
        const held = lots.reduce((s, l) => s.plus(l.units.number.big), new Big(0));
        expect(held.eq(model.held)).toBe(true);
        const gains = realisedGains(ledger.entries).reduce(
          (s, lot) => s.plus(lot.gain.big),
          new Big(0),
        );
        expect(gains.eq(model.gain)).toBe(true);
        // Each lot's gain is proceeds − cost basis.
        for (const lot of realisedGains(ledger.entries)) {
          expect(lot.gain.big.eq(lot.proceeds.big.minus(lot.costBasis.big))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('STRICT: lots never go negative; a sale is booked only when unambiguous', () => {
    fc.assert(
      fc.property(fc.array(trade, { maxLength: 25 }), (trades) => {
        const ledger = loadLedgerText(ledgerText(trades, 'STRICT'), 'p.beancount');
        const lots = [...(inventoriesAsOf(ledger.entries, '2099-12-31').get('Assets:Stock') ?? [])];
        expect(lots.every((l) => l.units.number.sign() > 0)).toBe(true);
        for (const e of ledger.entries) {
          if (e.type !== 'Transaction' || (e as Transaction).narration !== 'sell') continue;
          const failed = ledger.errors.some((err) => isAbout(err.line, e as Transaction));
          expect((e as Transaction).postings.length === 0).toBe(failed);
        }
      }),
      { numRuns: 60 },
    );
  });
});
