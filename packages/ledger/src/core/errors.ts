import type { SourceLocation } from './types.js';

/**
 * Beancount's error classes, by the name `bean-check` users know them. The loader never
 * throws for bad ledger content: it collects {@link LedgerDiagnostic}s, like Beancount.
 */
export type DiagnosticType =
  | 'LexerError'
  | 'ParserError'
  | 'ParserSyntaxError'
  | 'CategorizationError'
  | 'InterpolationError'
  | 'ReductionError'
  | 'AmbiguousMatchError'
  | 'BalanceError'
  | 'PadError'
  | 'ValidationError'
  | 'LoadError';

/** One problem found in a ledger: where, which kind, and Beancount's message. */
export interface LedgerDiagnostic extends SourceLocation {
  readonly type: DiagnosticType;
  readonly message: string;
}

/** `file:line: message`, the form `bean-check` prints. */
export function formatDiagnostic(diagnostic: LedgerDiagnostic): string {
  return `${diagnostic.file}:${diagnostic.line}: ${diagnostic.message}`;
}

/** The ledger file itself could not be read (missing, unreadable). */
export class LedgerFileError extends Error {
  readonly code = 'ledger.file_unreadable' as const;
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: cannot read ledger: ${reason}`);
    this.name = 'LedgerFileError';
  }
}
