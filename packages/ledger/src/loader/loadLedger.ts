import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { bookTransaction } from '../booking/bookTransaction.js';
import type { LedgerDiagnostic } from '../core/errors.js';
import { LedgerFileError } from '../core/errors.js';
import type { Inventory } from '../core/inventory.js';
import type { BookingMethod, Directive } from '../core/types.js';
import { checkBalances } from '../operations/checkBalances.js';
import { compareEntries } from '../operations/entryOrder.js';
import { insertPadding } from '../operations/pad.js';
import { validateEntries } from '../operations/validate.js';
import { applyOption, defaultOptions, type LedgerOptions } from '../parser/options.js';
import type { ParsedDirective } from '../parser/parsedTypes.js';
import { parseLedgerText } from '../parser/parser.js';

/** A loaded ledger: its booked entries in Beancount order, every error found, options. */
export interface LoadedLedger {
  readonly entries: readonly Directive[];
  readonly errors: readonly LedgerDiagnostic[];
  readonly options: LedgerOptions;
}

/** Reads an included file; returns null when it does not exist. */
export type ReadText = (path: string) => string | null;

const readFromDisk: ReadText = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/**
 * Loads a ledger file like Beancount 2.3.5's loader: parse it and its `include`s
 * (relative to the including file), sort, book, insert padding, check balances,
 * validate. Content problems become `errors`; only an unreadable top file throws
 * {@link LedgerFileError}. File names in results are as given (joined for includes).
 */
export function loadLedgerFile(path: string, read: ReadText = readFromDisk): LoadedLedger {
  const text = read(path);
  if (text === null) throw new LedgerFileError(path, 'no such file or not readable');
  return loadLedgerText(text, path, read);
}

/** Loads ledger text as if it were the file `file` (see {@link loadLedgerFile}). */
export function loadLedgerText(
  text: string,
  file: string,
  read: ReadText = readFromDisk,
): LoadedLedger {
  const options = defaultOptions();
  const parsed: ParsedDirective[] = [];
  const errors: LedgerDiagnostic[] = [];
  const seen = new Set<string>([normalize(file)]);
  const parseOne = (source: string, name: string, isTop: boolean) => {
    // A UTF-8 byte-order mark is not part of the first line.
    const result = parseLedgerText(
      source.charCodeAt(0) === 0xfeff ? source.slice(1) : source,
      name,
    );
    for (const d of result.directives) parsed.push(d);
    errors.push(...result.errors);
    if (isTop) {
      for (const o of result.options) {
        const problem = applyOption(options, o.name, o.value);
        if (problem !== null)
          errors.push({ type: 'ParserError', file: name, line: o.line, message: problem });
      }
    }
    for (const include of result.includes) {
      const target = normalize(join(dirname(name), include.path));
      if (seen.has(target)) {
        errors.push({
          type: 'LoadError',
          file: name,
          line: include.line,
          message: `Duplicate filename parsed: "${target}"`,
        });
        continue;
      }
      seen.add(target);
      const included = read(target);
      if (included === null) {
        errors.push({
          type: 'LoadError',
          file: name,
          line: include.line,
          message: `File "${target}" does not exist`,
        });
      } else parseOne(included, target, false);
    }
  };
  parseOne(text, file, true);
  parsed.sort(compareEntries);

  const booked = bookEntries(parsed, options, errors);
  const padded = insertPadding(booked, options);
  errors.push(...padded.errors);
  const checked = checkBalances(padded.entries, options);
  errors.push(...checked.errors);
  errors.push(...validateEntries(checked.entries, options));
  return { entries: checked.entries, errors, options };
}

function bookEntries(
  parsed: readonly ParsedDirective[],
  options: LedgerOptions,
  errors: LedgerDiagnostic[],
): Directive[] {
  const methods = new Map<string, BookingMethod>();
  for (const d of parsed) {
    if (d.type === 'Open' && d.booking !== null && !methods.has(d.account))
      methods.set(d.account, d.booking);
  }
  const tracked = new Set<string>();
  for (const d of parsed) {
    if (d.type !== 'Transaction') continue;
    for (const p of d.postings) {
      if (p.cost !== null || (p.number !== null && p.currency === null)) tracked.add(p.account);
    }
  }
  const context = {
    options,
    balances: new Map<string, Inventory>(),
    isTracked: (account: string) => tracked.has(account),
    bookingMethodOf: (account: string) => methods.get(account) ?? options.bookingMethod,
  };
  const out: Directive[] = [];
  for (const d of parsed) {
    if (d.type !== 'Transaction') {
      out.push(d);
      continue;
    }
    const outcome = bookTransaction(d, context);
    errors.push(...outcome.errors);
    if (!outcome.dropped) out.push({ ...d, postings: outcome.postings });
  }
  return out;
}
