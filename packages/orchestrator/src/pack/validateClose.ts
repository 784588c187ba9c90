import Big from 'big.js';

/** Why a close was rejected; `null` from {@link validateClose} means it is acceptable. */
export type CloseRejection =
  | { readonly code: 'not_a_number'; readonly message: string }
  | { readonly code: 'not_positive'; readonly message: string }
  | { readonly code: 'implausible_jump'; readonly message: string; readonly ratio: string };

/** Default largest plausible one-day move: a close may be at most 1.5× or at least 1/1.5 of the previous. */
export const DEFAULT_MAX_DAILY_RATIO = '1.5';

export interface CloseCheck {
  /** The close to check, as the provider sent it. */
  readonly close: string;
  /** The previous accepted close of the same security, if any. */
  readonly previousClose: string | null;
  /**
   * Split factor effective between the previous close and this one (new shares per old
   * share: 4 for a 4-for-1 split, 0.1 for a 1-for-10 reverse split); 1 when none.
   */
  readonly splitFactor?: string;
  /** Largest accepted ratio between split-adjusted previous close and this close. */
  readonly maxDailyRatio?: string;
}

/**
 * Validates one close for a pricing pack: it must parse as a finite decimal, be
 * strictly positive, and not move more than `maxDailyRatio` (default 1.5×, either way)
 * against the previous close once that is divided by any split factor in between —
 * so AAPL's 4-for-1 split (499.23 → 129.04) passes while an unexplained 75 % drop does not.
 */
export function validateClose(check: CloseCheck): CloseRejection | null {
  let close: Big;
  try {
    close = new Big(check.close);
  } catch {
    return {
      code: 'not_a_number',
      message: `close ${JSON.stringify(check.close)} is not a number`,
    };
  }
  if (close.lte(0))
    return { code: 'not_positive', message: `close ${check.close} is not positive` };
  if (check.previousClose === null) return null;
  const adjustedPrevious = new Big(check.previousClose).div(check.splitFactor ?? '1');
  if (adjustedPrevious.lte(0)) return null;
  const limit = new Big(check.maxDailyRatio ?? DEFAULT_MAX_DAILY_RATIO);
  const ratio = close.div(adjustedPrevious);
  if (ratio.gt(limit) || ratio.lt(new Big(1).div(limit))) {
    return {
      code: 'implausible_jump',
      message: `close ${check.close} is ${ratio.toFixed(4)}× the previous close ${check.previousClose}${
        check.splitFactor && check.splitFactor !== '1'
          ? ` adjusted for a split factor of ${check.splitFactor}`
          : ''
      } and no split explains it`,
      ratio: ratio.toFixed(6),
    };
  }
  return null;
}
