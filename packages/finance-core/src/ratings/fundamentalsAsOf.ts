import type { AnnualFigures, FundamentalsPeriod } from './fundamentalsPeriod.js';
import { InvalidRatingInputError } from './invalidRatingInputError.js';

/**
 * A stock split effective on `date` (the first day the shares trade split): every
 * `denominator` old shares became `numerator` new ones — Apple's 7-for-1 of 2014-06-09 is
 * 7/1, a 1-for-10 reverse split 1/10.
 */
export interface ShareSplit {
  readonly date: string;
  readonly numerator: number | string;
  readonly denominator: number | string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day a period's fiscal year ended: `period_end`, else 31 December of `fiscal_year`. */
export function periodEndOf(period: FundamentalsPeriod): string {
  const end = period.period_end;
  if (end !== null && end !== undefined && end !== '') {
    if (!ISO_DATE.test(end)) {
      throw new InvalidRatingInputError(
        `period_end of fiscal year ${period.fiscal_year}`,
        `"${end}" is not a date YYYY-MM-DD`,
      );
    }
    return end;
  }
  return `${String(period.fiscal_year).trim()}-12-31`;
}

/**
 * The factor that restates a per-share basis reported at `periodEnd` to the share basis of
 * `asOf`: f = Π numerator/denominator over the splits with periodEnd < date ≤ asOf. A
 * split after D is not known on D and does not count; a reverse split gives f < 1.
 * Share counts are multiplied by f, per-share figures divided by it.
 *
 * @example splitFactor([{ date: '2014-06-09', numerator: 7, denominator: 1 }], '2013-09-28', '2016-01-04') // 7
 */
export function splitFactor(
  splits: readonly ShareSplit[],
  periodEnd: string,
  asOf: string,
): number {
  let factor = 1;
  for (const split of splits) {
    if (!ISO_DATE.test(split.date)) {
      throw new InvalidRatingInputError('splits', `date "${split.date}" is not a date YYYY-MM-DD`);
    }
    const numerator = Number(split.numerator);
    const denominator = Number(split.denominator);
    if (!(numerator > 0 && denominator > 0 && Number.isFinite(numerator / denominator))) {
      throw new InvalidRatingInputError(
        'splits',
        `${split.date}: ${split.numerator}-for-${split.denominator} is not a positive ratio`,
      );
    }
    if (split.date > periodEnd && split.date <= asOf) factor *= numerator / denominator;
  }
  return factor;
}

/**
 * One fiscal year restated to today's share basis: `shares_diluted × f` and
 * `eps_diluted ÷ f` (f from {@link splitFactor}); every other figure is a company total
 * and unchanged.
 */
export function splitAdjustedYear(year: AnnualFigures, factor: number): AnnualFigures {
  if (factor === 1) return year;
  return {
    ...year,
    shares_diluted: year.shares_diluted === null ? null : year.shares_diluted * factor,
    eps_diluted: year.eps_diluted === null ? null : year.eps_diluted / factor,
  };
}

/** The date `years` whole years before `date` (YYYY-MM-DD; 29 February stays a string compare). */
export function yearsBefore(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) - years;
  return `${String(year).padStart(4, '0')}${date.slice(4)}`;
}
