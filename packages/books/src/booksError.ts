/** One problem in a books directory, located as precisely as the format allows. */
export interface BookProblem {
  /** Path relative to the books directory, e.g. `transactions/P-USD.csv`. */
  readonly file: string;
  /** 1-based line (CSV), or null for a JSON path or a whole-file problem. */
  readonly line: number | null;
  /** 1-based column number and header name (CSV), or the JSON path, or null. */
  readonly column: string | null;
  readonly message: string;
}

/** Formats a problem as `file:line: column N (name): message`. */
export function formatBookProblem(p: BookProblem): string {
  const where = [p.file, p.line === null ? null : String(p.line)]
    .filter((x) => x !== null)
    .join(':');
  return `${where}: ${p.column === null ? '' : `${p.column}: `}${p.message}`;
}

/**
 * The books directory is invalid; nothing was written. `problems` lists every problem
 * found (up to a cap); the message shows the first few.
 */
export class BooksError extends Error {
  readonly code = 'invalid_books' as const;
  constructor(
    readonly dir: string,
    readonly problems: readonly BookProblem[],
  ) {
    const shown = problems.slice(0, 10).map((p) => `  ${formatBookProblem(p)}`);
    const more = problems.length > 10 ? [`  … and ${problems.length - 10} more`] : [];
    super([`books in ${dir} are invalid (nothing was loaded):`, ...shown, ...more].join('\n'));
    this.name = 'BooksError';
  }
}
