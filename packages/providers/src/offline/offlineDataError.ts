/**
 * A file of an offline data set is missing, unreadable or not in the documented format
 * (docs/OFFLINE-FORMAT.md). Names the file, the line (1-based, null for whole-file
 * problems) and what was expected.
 */
export class OfflineDataError extends Error {
  readonly code = 'offline_data' as const;

  constructor(
    readonly file: string,
    readonly line: number | null,
    expected: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${expected}`);
    this.name = 'OfflineDataError';
  }
}
