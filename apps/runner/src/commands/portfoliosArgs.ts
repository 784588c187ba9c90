import { parseArgs } from 'node:util';
import {
  BooksEditError,
  BooksError,
  formatBookProblem,
  type BookProblem,
} from '@truth-spine/books';
import { ExitCode } from '../cli/exitCodes.js';
import type { CliIo } from '../cli/io.js';
import { UsageError } from '../cli/usageError.js';

/** String options of a books command (`--name value`); `--json` and flags are booleans. */
export type BooksOptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/**
 * Parses the arguments of a books command (portfolios, securities, transactions) after
 * its subcommand: exactly `positionals` positional arguments and only the given options
 * (plus `--json`). Anything else is a {@link UsageError} with `usage` (exit 64).
 */
export function parseBooksArgs<Spec extends BooksOptionSpec>(
  args: readonly string[],
  spec: Spec,
  positionals: number,
  usage: string,
): {
  positionals: string[];
  values: { [K in keyof Spec]?: Spec[K]['type'] extends 'string' ? string : boolean } & {
    json?: boolean;
  };
} {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { ...spec, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.positionals.length !== positionals) throw new UsageError(usage);
    return parsed as never;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

/**
 * Runs a books command body; a refused edit ({@link BooksEditError}) or invalid file
 * ({@link BooksError}: every problem with file, line and column) is reported — as
 * `{"error": {code, message, problems}}` on stdout with `--json`, else on stderr — and
 * exits 1 with nothing written.
 */
export async function reportBooksErrors(
  io: CliIo,
  name: string,
  json: boolean,
  body: () => Promise<number>,
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof BooksEditError) && !(error instanceof BooksError)) throw error;
    const problems: readonly BookProblem[] = error instanceof BooksError ? error.problems : [];
    if (json) {
      const detail = { code: error.code, message: error.message, problems };
      io.stdout(`${JSON.stringify({ error: detail }, null, 2)}\n`);
    } else {
      io.stderr(`${name}: ${error.message}\n`);
      for (const p of problems.slice(10)) io.stderr(`  ${formatBookProblem(p)}\n`);
    }
    return ExitCode.failed;
  }
}

/** Writes `document` as JSON with `--json`, else the human-readable `lines`. */
export function printResult(io: CliIo, json: boolean, document: unknown, lines: string[]): void {
  io.stdout(json ? `${JSON.stringify(document, null, 2)}\n` : `${lines.join('\n')}\n`);
}
