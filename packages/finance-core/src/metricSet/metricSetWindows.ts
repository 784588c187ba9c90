import { calendarWindow } from '../dates/calendarWindow.js';
import { periodAnchor, type CalendarPeriod } from '../dates/periodAnchor.js';
import type { RowRange } from '../dates/rowRange.js';
import { rowWindow } from '../dates/rowWindow.js';

/** A window of calendar rows and the exclusive anchor it starts after. */
export interface AnchoredWindow {
  /** Epoch day of the anchor. */
  readonly anchor: number;
  /** Rows of `(anchor, as_of]`; null when the anchor is before inception (insufficient history). */
  readonly range: RowRange | null;
}

/** Every window of the metric set, resolved once and shared by all sections. */
export interface MetricSetWindows {
  /** First calendar row after inception. */
  readonly firstRow: number;
  /** One past the as-of row. */
  readonly end: number;
  readonly oneDay: AnchoredWindow;
  readonly calendar: Readonly<Record<CalendarPeriod, AnchoredWindow>>;
  /** Last 30/60/90 calendar rows; null when fewer rows exist since inception. */
  readonly rows: Readonly<Record<'30d' | '60d' | '90d', RowRange | null>>;
}

const CALENDAR_PERIODS: readonly CalendarPeriod[] = [
  'MTD',
  'QTD',
  'YTD',
  '1Y',
  '3Y',
  '5Y',
  'inception',
];

/**
 * Resolves the windows of CONVENTIONS.md for an as-of row: 1D = the as-of row (anchor =
 * the previous row's date, or inception); calendar periods `(anchor, as_of]` with
 * `periodAnchor`, `null` range when the anchor is before inception; 30/60/90 = the last
 * that many calendar rows. Binary searches only: O(log n).
 *
 * @example resolveMetricSetWindows(calendar, inceptionDay, firstRow, asOfRow + 1, asOfDay).calendar['1Y']
 */
export function resolveMetricSetWindows(
  calendar: Int32Array,
  inceptionDay: number,
  firstRow: number,
  end: number,
  asOfDay: number,
): MetricSetWindows {
  const resolved = {} as Record<CalendarPeriod, AnchoredWindow>;
  for (const period of CALENDAR_PERIODS) {
    const anchor = periodAnchor(period, asOfDay, inceptionDay);
    resolved[period] = {
      anchor,
      range:
        anchor < inceptionDay ? null : calendarWindow(calendar, anchor, asOfDay, firstRow, end),
    };
  }
  const asOfRow = end - 1;
  return {
    firstRow,
    end,
    oneDay: {
      anchor: asOfRow > firstRow ? calendar[asOfRow - 1]! : inceptionDay,
      range: { start: asOfRow, end },
    },
    calendar: resolved,
    rows: {
      '30d': rowWindow(asOfRow, 30, firstRow),
      '60d': rowWindow(asOfRow, 60, firstRow),
      '90d': rowWindow(asOfRow, 90, firstRow),
    },
  };
}
