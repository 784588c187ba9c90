/** A half-open range `[start, end)` of row indices into calendar-aligned arrays. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}
