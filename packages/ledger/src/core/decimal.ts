import Big from 'big.js';

/** big.js constructor used for division: generous places, banker's rounding like Python. */
const WideBig = Big();
WideBig.DP = 60;
WideBig.RM = Big.roundHalfEven;

/** Python's default decimal context precision, which Beancount 2.3.5 uses for division. */
const DIVISION_SIGNIFICANT_DIGITS = 28;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const SAFE = Number.MAX_SAFE_INTEGER;
const ZERO_CODE = 48;

/**
 * An exact decimal number that remembers its scale (digits after the point), the way
 * Python's `Decimal` does in Beancount: `100.00` prints as `100.00`, sums keep the larger
 * scale (`1.5 + 0.25 = 1.75`, `2000.00 − 2000.00 = 0.00`), products add scales, and
 * inexact quotients round to 28 significant digits (half-even).
 *
 * Exactness: a value is `mantissa × 10^−scale`. While the mantissa is a safe integer
 * (|m| ≤ 2^53 − 1, i.e. about 15 significant digits) arithmetic is exact integer
 * arithmetic on doubles; anything larger, and every division, goes through big.js, so
 * no result is ever rounded by floating point.
 */
export class Decimal {
  static readonly ZERO = new Decimal(0, null, 0);

  private constructor(
    /** Integer mantissa when the value is small; NaN when only `bigValue` holds it. */
    private readonly mantissa: number,
    private bigValue: Big | null,
    readonly scale: number,
  ) {}

  /** Builds from a big.js value and the scale to print it with (negative zero becomes zero). */
  static of(big: Big, scale: number): Decimal {
    const s = scale < 0 ? 0 : scale;
    if (big.c[0] === 0) return new Decimal(0, null, s);
    if (s < POW10.length) {
      const scaled = big.times(POW10[s] as number);
      const n = Number(scaled.toFixed(0));
      if (Number.isSafeInteger(n) && scaled.eq(n)) return new Decimal(n, null, s);
    }
    return new Decimal(Number.NaN, big, s);
  }

  /**
   * Parses `-1,234.50` style text (thousands commas allowed), or the part of `text`
   * from `start` to `end`; throws on anything else.
   */
  static parse(text: string, start = 0, end = text.length): Decimal {
    let m = 0;
    let digits = 0;
    let scale = -1;
    let negative = false;
    let i = start;
    const c0 = text.charCodeAt(start);
    if (c0 === 45 || c0 === 43) {
      negative = c0 === 45;
      i++;
    }
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 44) continue;
      if (c === 46) {
        if (scale >= 0) throw new Error(`not a decimal number: ${text.slice(start, end)}`);
        scale = 0;
        continue;
      }
      const d = c - ZERO_CODE;
      if (d < 0 || d > 9) throw new Error(`not a decimal number: ${text.slice(start, end)}`);
      m = m * 10 + d;
      if (m !== 0) digits++;
      if (scale >= 0) scale++;
    }
    if (scale < 0) scale = 0;
    if (digits > 15) {
      return new Decimal(Number.NaN, new Big(text.slice(start, end).replaceAll(',', '')), scale);
    }
    return new Decimal(negative && m !== 0 ? -m : m, null, scale);
  }

  /** Builds from a safe integer. */
  static fromInt(value: number): Decimal {
    return new Decimal(value, null, 0);
  }

  /** 10^−scale, the unit of the last digit (`0.01` for 2). */
  static unit(scale: number): Decimal {
    return new Decimal(1, null, scale);
  }

  /** The value as big.js. */
  get big(): Big {
    // Built from exponent notation, which big.js reads exactly at any scale.
    this.bigValue ??= new Big(this.scale === 0 ? this.mantissa : `${this.mantissa}e-${this.scale}`);
    return this.bigValue;
  }

  private get small(): boolean {
    return this.mantissa === this.mantissa;
  }

  add(other: Decimal): Decimal {
    if (this.small && other.small) {
      const s = this.scale >= other.scale ? this.scale : other.scale;
      const a = this.mantissa * (POW10[s - this.scale] as number);
      const b = other.mantissa * (POW10[s - other.scale] as number);
      const sum = a + b;
      if (Math.abs(a) <= SAFE && Math.abs(b) <= SAFE && Math.abs(sum) <= SAFE) {
        return new Decimal(sum === 0 ? 0 : sum, null, s);
      }
    }
    return Decimal.of(this.big.plus(other.big), Math.max(this.scale, other.scale));
  }

  sub(other: Decimal): Decimal {
    return this.add(other.neg());
  }

  mul(other: Decimal): Decimal {
    if (this.small && other.small) {
      const product = this.mantissa * other.mantissa;
      if (Math.abs(product) <= SAFE) {
        return new Decimal(product === 0 ? 0 : product, null, this.scale + other.scale);
      }
    }
    return Decimal.of(this.big.times(other.big), this.scale + other.scale);
  }

  /**
   * Python `Decimal` division: an exact quotient keeps the ideal scale
   * (`scale(a) − scale(b)`, more if needed); an inexact one has 28 significant digits.
   */
  div(other: Decimal): Decimal {
    const dividend = this.big;
    const divisor = other.big;
    const quotient = new WideBig(dividend).div(divisor);
    if (quotient.times(divisor).eq(dividend)) {
      return Decimal.of(quotient, Math.max(this.scale - other.scale, digitsAfterPoint(quotient)));
    }
    const rounded = quotient.prec(DIVISION_SIGNIFICANT_DIGITS, Big.roundHalfEven);
    return Decimal.of(rounded, DIVISION_SIGNIFICANT_DIGITS - 1 - rounded.e);
  }

  neg(): Decimal {
    if (this.small) return new Decimal(this.mantissa === 0 ? 0 : -this.mantissa, null, this.scale);
    return new Decimal(Number.NaN, this.big.neg(), this.scale);
  }

  abs(): Decimal {
    return this.sign() < 0 ? this.neg() : this;
  }

  /** −1, 0 or 1. */
  sign(): number {
    if (this.small) return this.mantissa > 0 ? 1 : this.mantissa < 0 ? -1 : 0;
    return this.big.c[0] === 0 ? 0 : this.big.s;
  }

  isZero(): boolean {
    return this.small ? this.mantissa === 0 : this.big.c[0] === 0;
  }

  cmp(other: Decimal): number {
    if (this.small && other.small) {
      const s = this.scale >= other.scale ? this.scale : other.scale;
      const a = this.mantissa * (POW10[s - this.scale] as number);
      const b = other.mantissa * (POW10[s - other.scale] as number);
      if (Math.abs(a) <= SAFE && Math.abs(b) <= SAFE) return a < b ? -1 : a > b ? 1 : 0;
    }
    return this.big.cmp(other.big);
  }

  eq(other: Decimal): boolean {
    return this.cmp(other) === 0;
  }

  /** Rounds half-even to `scale` digits after the point (Python `quantize`). */
  quantize(scale: number): Decimal {
    if (this.small && scale >= this.scale && scale - this.scale < POW10.length) {
      const m = this.mantissa * (POW10[scale - this.scale] as number);
      if (Math.abs(m) <= SAFE) return new Decimal(m, null, scale);
    }
    return Decimal.of(this.big.round(scale, Big.roundHalfEven), scale);
  }

  /** The value without trailing zeros (`100.00` → `100`): equal values, equal keys. */
  canonical(): string {
    if (!this.small) return this.big.toString();
    let m = this.mantissa;
    let s = this.scale;
    while (s > 0 && m % 10 === 0) {
      m /= 10;
      s--;
    }
    return s === 0 ? String(m) : `${m}e-${s}`;
  }

  /** The exact value with its scale, e.g. `-0.50`. */
  toString(): string {
    if (!this.small) return this.big.toFixed(this.scale);
    if (this.scale === 0) return String(this.mantissa);
    const negative = this.mantissa < 0;
    let digits = String(negative ? -this.mantissa : this.mantissa);
    if (digits.length <= this.scale) digits = '0'.repeat(this.scale - digits.length + 1) + digits;
    const point = digits.length - this.scale;
    return `${negative ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Digits after the point in a normalised big.js value (0 for integers). */
function digitsAfterPoint(value: Big): number {
  return Math.max(0, value.c.length - 1 - value.e);
}
