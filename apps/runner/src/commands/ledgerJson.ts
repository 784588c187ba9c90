import type { Decimal, Holding, Inventory, LedgerDiagnostic } from '@truth-spine/ledger';

/** One lot or cash amount as `ledger balances` prints it (numbers as exact decimal strings). */
export interface BalanceLineJson {
  units: string;
  currency: string;
  cost_number: string | null;
  cost_currency: string | null;
  cost_date: string | null;
  cost_label: string | null;
}

/** `{"<account>": [lots…]}`; cost fields are null for amounts held without cost. */
export function balancesJson(balances: Map<string, Inventory>): Record<string, BalanceLineJson[]> {
  const out: Record<string, BalanceLineJson[]> = {};
  for (const [account, inventory] of balances) {
    out[account] = [...inventory].map((p) => ({
      units: p.units.number.toString(),
      currency: p.units.currency,
      cost_number: p.cost?.number.toString() ?? null,
      cost_currency: p.cost?.currency ?? null,
      cost_date: p.cost?.date ?? null,
      cost_label: p.cost?.label ?? null,
    }));
  }
  return out;
}

const text = (d: Decimal | null) => (d === null ? null : d.toString());

/** One holding as `ledger holdings` prints it; price fields are null when no price is known. */
export function holdingJson(h: Holding) {
  return {
    account: h.account,
    commodity: h.commodity,
    units: h.units.toString(),
    cost_total: h.costTotal.toString(),
    price: text(h.price),
    price_date: h.priceDate,
    market_value: text(h.marketValue),
  };
}

/** One error as `ledger check` prints it in its JSON document. */
export function diagnosticJson(d: LedgerDiagnostic) {
  return { file: d.file, line: d.line, type: d.type, message: d.message };
}
