import Big from 'big.js';

/** big.js constructor used for division: generous places, banker's rounding like Python. */
const WideBig = Big();
WideBig.DP = 60;
WideBig.RM = Big.roundHalfEven;

/** Python's default decimal context precision, which Beancount 2.3.5 uses for division. */
const DIVISION_SIGNIFICANT_DIGITS = 28;

/**
 * An exact decimal number that remembers its scale (digits after the point), the way
 * Python's `Decimal` does in Beancount: `100.00` prints as `100.00`, sums keep the larger
 * scale (`1.5 + 0.25 = 1.75`, `2000.00 - 2000.00 = 0.00`), products add scales, and
 * inexact quotients round to 28 significant digits (half-even). Values live in big.js.
 */
export class Decimal {
  static readonly ZERO = new Decimal(new Big(0), 0);

  private constructor(
    readonly big: Big,
    readonly scale: number,
  ) {}

  /** Builds from a big.js value and the scale to print it with (negative zero becomes zero). */
  static of(big: Big, scale: number): Decimal {
    if (big.s === -1 && big.c[0] === 0) big = new Big(0);
    return new Decimal(big, scale < 0 ? 0 : scale);
  }

  /** Parses `-1,234.50` style text (thousands commas allowed); throws on anything else. */
  static parse(text: string): Decimal {
    const plain = text.includes(',') ? text.replaceAll(',', '') : text;
    const dot = plain.indexOf('.');
    return Decimal.of(new Big(plain), dot < 0 ? 0 : plain.length - dot - 1);
  }

  /** Builds from an integer. */
  static fromInt(value: number): Decimal {
    return new Decimal(new Big(value), 0);
  }

  add(other: Decimal): Decimal {
    return Decimal.of(this.big.plus(other.big), Math.max(this.scale, other.scale));
  }

  sub(other: Decimal): Decimal {
    return Decimal.of(this.big.minus(other.big), Math.max(this.scale, other.scale));
  }

  mul(other: Decimal): Decimal {
    return Decimal.of(this.big.times(other.big), this.scale + other.scale);
  }

  /**
   * Python `Decimal` division: an exact quotient keeps the ideal scale
   * (`scale(a) − scale(b)`, more if needed); an inexact one has 28 significant digits.
   */
  div(other: Decimal): Decimal {
    const quotient = new WideBig(this.big).div(other.big);
    if (quotient.times(other.big).eq(this.big)) {
      return Decimal.of(quotient, Math.max(this.scale - other.scale, digitsAfterPoint(quotient)));
    }
    const rounded = quotient.prec(DIVISION_SIGNIFICANT_DIGITS, Big.roundHalfEven);
    return Decimal.of(rounded, DIVISION_SIGNIFICANT_DIGITS - 1 - rounded.e);
  }

  neg(): Decimal {
    return Decimal.of(this.big.neg(), this.scale);
  }

  abs(): Decimal {
    return this.big.s < 0 ? this.neg() : this;
  }

  /** −1, 0 or 1. */
  sign(): number {
    return this.big.c[0] === 0 ? 0 : this.big.s;
  }

  isZero(): boolean {
    return this.big.c[0] === 0;
  }

  cmp(other: Decimal): number {
    return this.big.cmp(other.big);
  }

  eq(other: Decimal): boolean {
    return this.big.eq(other.big);
  }

  /** Rounds half-even to `scale` digits after the point (Python `quantize`). */
  quantize(scale: number): Decimal {
    return Decimal.of(this.big.round(scale, Big.roundHalfEven), scale);
  }

  /** The exact value with its scale, e.g. `-0.50`. */
  toString(): string {
    return this.big.toFixed(this.scale);
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Digits after the point in a normalised big.js value (0 for integers). */
function digitsAfterPoint(value: Big): number {
  return Math.max(0, value.c.length - 1 - value.e);
}
