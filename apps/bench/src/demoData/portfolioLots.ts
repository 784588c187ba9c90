import Big from 'big.js';

/** An open lot: `quantity` shares bought on `date` at the per-share `cost` (a decimal). */
export interface Lot {
  readonly quantity: Big;
  readonly cost: string;
  readonly date: string;
}

/**
 * The open lots of each symbol of one portfolio, oldest first. A buy adds a lot at the end;
 * a sell takes shares first in, first out (`takeFirstInFirstOut`); a split replaces the
 * symbol's lots with their adjusted versions (`replace`). Units held = Σ lot quantities.
 */
export class PortfolioLots {
  private readonly lots = new Map<string, Lot[]>();

  /** Appends `lot` to the lots of `symbol`. */
  add(symbol: string, lot: Lot): void {
    this.lotsOf(symbol).push(lot);
  }

  /** The open lots of `symbol`, oldest first (none when never bought). */
  open(symbol: string): readonly Lot[] {
    return this.lots.get(symbol) ?? [];
  }

  /** Replaces the open lots of `symbol` (after a split). */
  replace(symbol: string, lots: Lot[]): void {
    this.lots.set(symbol, lots);
  }

  /** Shares of `symbol` held: the sum of its lots' quantities. */
  units(symbol: string): Big {
    return this.open(symbol).reduce((sum, lot) => sum.plus(lot.quantity), new Big(0));
  }

  /**
   * Removes `quantity` shares of `symbol` first in, first out and returns the pieces taken,
   * oldest first: each the shares taken from one lot with that lot's cost and date (a lot
   * taken in part stays with the rest of its shares). The caller checks that `quantity`
   * ≤ {@link units}.
   */
  takeFirstInFirstOut(symbol: string, quantity: Big): Lot[] {
    const taken: Lot[] = [];
    let left = quantity;
    const lots = this.lotsOf(symbol);
    while (left.gt(0)) {
      const lot = lots[0] as Lot;
      const piece = lot.quantity.lt(left) ? lot.quantity : left;
      taken.push({ quantity: piece, cost: lot.cost, date: lot.date });
      left = left.minus(piece);
      if (piece.eq(lot.quantity)) lots.shift();
      else lots[0] = { ...lot, quantity: lot.quantity.minus(piece) };
    }
    return taken;
  }

  private lotsOf(symbol: string): Lot[] {
    let lots = this.lots.get(symbol);
    if (lots === undefined) this.lots.set(symbol, (lots = []));
    return lots;
  }
}
