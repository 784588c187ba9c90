/**
 * A portfolio or market file that `analyze` cannot use. The message names the file, the
 * 1-based line and the column, so the person fixing the file can go straight to it.
 */
export class AnalyzeInputError extends Error {
  readonly code = 'bad_input' as const;
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string,
    problem: string,
  ) {
    super(`${file}:${line}: column "${column}": ${problem}`);
    this.name = 'AnalyzeInputError';
  }
}
