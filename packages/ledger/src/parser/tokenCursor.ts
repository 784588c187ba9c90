import type { LedgerDiagnostic } from '../core/errors.js';
import { dateError, normaliseDate } from './dates.js';
import { Lexer } from './lexer.js';
import { Token, tokenName, type TokenKind } from './token.js';

/** Thrown inside the parser to abandon the current directive; never escapes it. */
export class DirectiveAbandoned {
  constructor(readonly diagnostic: LedgerDiagnostic) {}
}

/**
 * The parser's hold on the token stream of one file: the current token, reading the
 * next one as a given kind, and the errors. A token that does not fit abandons the
 * directive ({@link DirectiveAbandoned}, `file:line: syntax error, …`); the parser then
 * resumes at the next line that starts in column 0 ({@link TokenCursor.skipToNextEntry}).
 */
export abstract class TokenCursor {
  protected readonly lx: Lexer;
  /** The errors of the file, in order. */
  protected readonly errors: LedgerDiagnostic[] = [];
  private readonly names = new Map<string, string>();

  constructor(
    text: string,
    protected readonly file: string,
  ) {
    this.lx = new Lexer(text);
  }

  protected date(): string {
    const lx = this.lx;
    const text = lx.value;
    const date = normaliseDate(text);
    if (date === null) this.abandon('LexerError', dateError(text) ?? `Invalid date: ${text}`);
    lx.next();
    return date as string;
  }

  protected string(): string {
    if (!this.is(Token.STRING)) this.unexpected();
    const value = this.lx.stringValue;
    this.lx.next();
    return value;
  }

  protected expect(kind: TokenKind): string {
    if (this.lx.kind !== kind) this.unexpected();
    let value = this.lx.value;
    if (kind === Token.ACCOUNT || kind === Token.CURRENCY) {
      // One string per name: later map lookups by account or currency reuse its hash.
      const known = this.names.get(value);
      if (known === undefined) this.names.set(value, value);
      else value = known;
    }
    this.lx.next();
    return value;
  }

  protected endOfLine(): void {
    const kind = this.lx.kind;
    if (kind === Token.EOF) return;
    if (kind !== Token.EOL) this.unexpected();
    this.lx.next();
  }

  /** Whether the current token is of `kind` (a call, so TypeScript does not over-narrow). */
  protected is(kind: TokenKind): boolean {
    return this.lx.kind === kind;
  }

  /** Abandons the directive: a lexer error for an invalid token, else a syntax error. */
  protected unexpected(expecting?: string): never {
    const lx = this.lx;
    if (this.is(Token.INVALID)) this.abandon('LexerError', `Invalid token: '${lx.value}'`);
    const suffix = expecting === undefined ? '' : `, expecting ${expecting}`;
    return this.abandon(
      'ParserSyntaxError',
      `syntax error, unexpected ${tokenName(lx.kind, lx.value)}${suffix}`,
    );
  }

  protected abandon(type: LedgerDiagnostic['type'], message: string): never {
    throw new DirectiveAbandoned({ type, file: this.file, line: this.lx.tokenLine, message });
  }

  protected error(type: LedgerDiagnostic['type'], line: number, message: string): void {
    this.errors.push({ type, file: this.file, line, message });
  }

  /**
   * Error recovery: discard tokens up to the next line that starts in column 0,
   * reporting any further invalid tokens on the way (as Beancount's lexer does).
   */
  protected skipToNextEntry(): void {
    const lx = this.lx;
    for (;;) {
      lx.next();
      if (this.is(Token.EOF) || (lx.lineStart && !this.is(Token.INDENT))) return;
      if (this.is(Token.INVALID)) {
        this.error('LexerError', lx.tokenLine, `Invalid token: '${lx.value}'`);
      }
    }
  }
}
