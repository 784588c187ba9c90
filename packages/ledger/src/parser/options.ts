import { Decimal } from '../core/decimal.js';
import type { BookingMethod } from '../core/types.js';

/** The `option` values that change how a ledger is booked and checked. */
export interface LedgerOptions {
  title: string | null;
  operatingCurrencies: string[];
  /** Default booking method of accounts whose `open` names none (Beancount: STRICT). */
  bookingMethod: BookingMethod;
  /** Multiplier of the last digit's unit for inferred tolerances (Beancount: 0.5). */
  inferredToleranceMultiplier: Decimal;
  /** `inferred_tolerance_default` per currency; `*` applies to all others. */
  inferredToleranceDefaults: Map<string, Decimal>;
  /** Whether costs and prices widen tolerances (`infer_tolerance_from_cost`). */
  inferToleranceFromCost: boolean;
}

/** Beancount 2.3.5's defaults. */
export function defaultOptions(): LedgerOptions {
  return {
    title: null,
    operatingCurrencies: [],
    bookingMethod: 'STRICT',
    inferredToleranceMultiplier: Decimal.parse('0.5'),
    inferredToleranceDefaults: new Map(),
    inferToleranceFromCost: false,
  };
}

const BOOKING_METHODS: ReadonlySet<string> = new Set(['STRICT', 'FIFO', 'LIFO', 'NONE', 'AVERAGE']);

/** True when `name` is a booking method Beancount 2.3.5 parses. */
export function isBookingMethod(name: string): name is BookingMethod {
  return BOOKING_METHODS.has(name);
}

/**
 * Applies one `option "name" "value"`; returns an error message for a bad value, else
 * null. Options that do not affect booking or checking are accepted and ignored.
 */
export function applyOption(options: LedgerOptions, name: string, value: string): string | null {
  switch (name) {
    case 'title':
      options.title = value;
      return null;
    case 'operating_currency':
      options.operatingCurrencies.push(value);
      return null;
    case 'booking_method':
      if (!isBookingMethod(value)) return `Invalid booking method: ${value}`;
      options.bookingMethod = value;
      return null;
    case 'inferred_tolerance_multiplier':
      return parseDecimalOption(value, (d) => (options.inferredToleranceMultiplier = d));
    case 'inferred_tolerance_default': {
      const colon = value.indexOf(':');
      if (colon < 0) return `Invalid value for inferred_tolerance_default: '${value}'`;
      const currency = value.slice(0, colon);
      return parseDecimalOption(value.slice(colon + 1), (d) =>
        options.inferredToleranceDefaults.set(currency, d),
      );
    }
    case 'infer_tolerance_from_cost':
      options.inferToleranceFromCost = value.toLowerCase() === 'true';
      return null;
    default:
      return null;
  }
}

function parseDecimalOption(text: string, set: (d: Decimal) => void): string | null {
  if (!/^-?\d+(\.\d*)?$/.test(text.trim())) return `Invalid decimal option value: '${text}'`;
  set(Decimal.parse(text.trim()));
  return null;
}
