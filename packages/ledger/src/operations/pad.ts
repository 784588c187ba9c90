import type { Decimal } from '../core/decimal.js';
import type { LedgerDiagnostic } from '../core/errors.js';
import { Inventory } from '../core/inventory.js';
import type { Balance, Directive, Pad, Transaction } from '../core/types.js';
import type { LedgerOptions } from '../parser/options.js';
import { balanceTolerance } from './balanceTolerance.js';
import { isSameOrChild } from './entryOrder.js';

interface PadState {
  active: Pad | null;
  padded: Set<string>;
  readonly balance: Inventory;
}

/**
 * Beancount's `pad` plugin: for each `pad A B`, the next `balance` of A (or a
 * sub-account) in a currency not yet padded since that pad and off by more than its
 * tolerance gets a transaction (flag `P`, dated like the pad) moving the difference
 * from B to A, inserted right after the pad. A pad that inserts nothing is an error.
 * `entries` must be sorted.
 */
export function insertPadding(
  entries: readonly Directive[],
  options: LedgerOptions,
): { entries: Directive[]; errors: LedgerDiagnostic[] } {
  const states = new Map<string, PadState>();
  for (const e of entries) {
    if (e.type === 'Pad' && !states.has(e.account)) {
      states.set(e.account, { active: null, padded: new Set(), balance: new Inventory() });
    }
  }
  if (states.size === 0) return { entries: [...entries], errors: [] };
  const inserted = new Map<Pad, Transaction[]>();
  for (const entry of entries) {
    if (entry.type === 'Transaction') {
      for (const p of entry.postings) {
        for (const [account, state] of states) {
          if (isSameOrChild(p.account, account)) state.balance.add(p.units, p.cost);
        }
      }
    } else if (entry.type === 'Pad') {
      const state = states.get(entry.account) as PadState;
      state.active = entry;
      state.padded = new Set();
      inserted.set(entry, []);
    } else if (entry.type === 'Balance') {
      for (const [account, state] of states) {
        if (isSameOrChild(entry.account, account)) padTo(entry, state, inserted, options);
      }
    }
  }
  const out: Directive[] = [];
  const errors: LedgerDiagnostic[] = [];
  for (const entry of entries) {
    out.push(entry);
    if (entry.type !== 'Pad') continue;
    const padding = inserted.get(entry) ?? [];
    if (padding.length === 0) {
      errors.push({
        type: 'PadError',
        file: entry.file,
        line: entry.line,
        message: 'Unused Pad entry',
      });
    }
    out.push(...padding);
  }
  return { entries: out, errors };
}

function padTo(
  check: Balance,
  state: PadState,
  inserted: Map<Pad, Transaction[]>,
  options: LedgerOptions,
): void {
  const { currency, number: expected } = check.amount;
  const held: Decimal | null = state.balance.unitsOf(currency);
  const pad = state.active;
  if (pad !== null && !state.padded.has(currency)) {
    const difference = held === null ? expected : expected.sub(held);
    const off = held === null ? expected.abs() : held.sub(expected).abs();
    if (off.cmp(balanceTolerance(check, options)) > 0) {
      const units = { number: difference, currency };
      const posting = { cost: null, price: null, flag: null, meta: new Map(), automatic: false };
      const narration =
        `(Padding inserted for Balance of ${expected.toString()} ${currency} ` +
        `for difference ${difference.toString()} ${currency})`;
      inserted.get(pad)?.push({
        type: 'Transaction',
        file: pad.file,
        line: pad.line,
        date: pad.date,
        meta: pad.meta,
        flag: 'P',
        payee: null,
        narration,
        tags: [],
        links: [],
        postings: [
          { ...posting, account: pad.account, units },
          { ...posting, account: pad.sourceAccount, units: { number: difference.neg(), currency } },
        ],
      });
      state.balance.add(units, null);
    }
  }
  state.padded.add(currency);
}
