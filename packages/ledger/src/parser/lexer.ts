import { Decimal } from '../core/decimal.js';
import { Token, type TokenKind } from './token.js';

/** Directive and top-level keywords Beancount 2.3.5 knows. */
const KEYWORDS = new Set([
  'txn',
  'balance',
  'open',
  'close',
  'commodity',
  'pad',
  'event',
  'price',
  'note',
  'document',
  'query',
  'custom',
  'pushtag',
  'poptag',
  'pushmeta',
  'popmeta',
  'option',
  'include',
  'plugin',
]);

const C = {
  tab: 9,
  lf: 10,
  cr: 13,
  space: 32,
  bang: 33,
  quote: 34,
  hash: 35,
  percent: 37,
  amp: 38,
  apostrophe: 39,
  lparen: 40,
  rparen: 41,
  star: 42,
  plus: 43,
  comma: 44,
  minus: 45,
  dot: 46,
  slash: 47,
  zero: 48,
  nine: 57,
  colon: 58,
  semicolon: 59,
  question: 63,
  at: 64,
  upperA: 65,
  upperZ: 90,
  backslash: 92,
  caret: 94,
  underscore: 95,
  lowerA: 97,
  lowerZ: 122,
  lcurl: 123,
  rcurl: 125,
  tilde: 126,
} as const;

/** Character classes of ASCII codes, as bit flags in one lookup table. */
const DIGIT = 1;
const UPPER = 2;
const LOWER = 4;
const SPACE = 8;
const CURRENCY_EXTRA = 16; // ' . _ -
const TAG_EXTRA = 32; // - _ / .
const MINUS = 64;
const CLASS = new Uint8Array(128);
for (let c = C.zero; c <= C.nine; c++) CLASS[c] = DIGIT;
for (let c = C.upperA; c <= C.upperZ; c++) CLASS[c] = UPPER;
for (let c = C.lowerA; c <= C.lowerZ; c++) CLASS[c] = LOWER;
for (const c of [C.space, C.tab, C.cr]) CLASS[c] = SPACE;
for (const c of [C.apostrophe, C.dot, C.underscore]) CLASS[c] = (CLASS[c] ?? 0) | CURRENCY_EXTRA;
for (const c of [C.underscore, C.slash, C.dot]) CLASS[c] = (CLASS[c] ?? 0) | TAG_EXTRA;
CLASS[C.minus] = CURRENCY_EXTRA | TAG_EXTRA | MINUS;

/** Whether ASCII code `c` (non-ASCII is never in a class) has any of `flags`. */
const has = (c: number, flags: number) => c < 128 && ((CLASS[c] as number) & flags) !== 0;
const isDigit = (c: number) => has(c, DIGIT);
const isUpper = (c: number) => has(c, UPPER);
const isLower = (c: number) => has(c, LOWER);
const isNonAscii = (c: number) => c > 127;
const isSpace = (c: number) => has(c, SPACE);
/** Characters after the first one of an account component: `[A-Za-z0-9-]` or non-ASCII. */
const isAccountChar = (c: number) => c > 127 || has(c, UPPER | LOWER | DIGIT | MINUS);
/** Characters inside a currency: `[A-Z0-9'._-]`. */
const isCurrencyChar = (c: number) => has(c, UPPER | DIGIT | CURRENCY_EXTRA);
/** Characters of tags and links: `[A-Za-z0-9-_/.]`. */
const isTagChar = (c: number) => has(c, UPPER | LOWER | DIGIT | TAG_EXTRA);
/** Characters of metadata keys: `[A-Za-z0-9-_]`. */
const isKeyChar = (c: number) => has(c, UPPER | LOWER | DIGIT | MINUS) || c === C.underscore;
/** Single characters Beancount accepts as transaction/posting flags. */
const FLAG_LETTERS = 'PSTCURM';
/** Lines starting with one of these at column 0 are skipped (org-mode headings etc.). */
const isSkippedLineStart = (c: number) =>
  c === C.star ||
  c === C.colon ||
  c === C.hash ||
  c === C.bang ||
  c === C.amp ||
  c === C.question ||
  c === C.percent;

/**
 * A hand-written lexer over the whole ledger text using char codes, after Beancount's
 * flex lexer: `next()` advances to the next token and exposes its kind, text span and
 * line without allocating. Leading whitespace of a non-blank line is an INDENT token;
 * blank and comment-only lines vanish; an unknown word is an INVALID token whose text is
 * the run up to the next whitespace (Beancount's "Invalid token: '…'").
 */
export class Lexer {
  kind: TokenKind = Token.EOF;
  start = 0;
  end = 0;
  line = 1;
  /** Line number where the current token starts (strings may span lines). */
  tokenLine = 1;
  /** True when the current token is the first one of its line (column 0 or INDENT). */
  lineStart = false;
  private pos = 0;
  private atLineStart = true;
  /** End offset of the token the last `scan…` helper recognised. */
  private scanEnd = 0;
  private readonly length: number;

  constructor(private readonly text: string) {
    this.length = text.length;
  }

  /** The current token's source text. */
  get value(): string {
    return this.text.slice(this.start, this.end);
  }

  /** A NUMBER token's value. */
  decimal(): Decimal {
    return Decimal.parse(this.text, this.start, this.end);
  }

  /** A STRING token's content without quotes, escapes resolved. */
  get stringValue(): string {
    const raw = this.text.slice(this.start + 1, this.end - 1);
    return raw.includes('\\') ? raw.replace(/\\(.)/gs, '$1') : raw;
  }

  /** Advances to the next token and returns its kind. */
  next(): TokenKind {
    const text = this.text;
    for (;;) {
      if (this.atLineStart) {
        const lineBegin = this.pos;
        let p = lineBegin;
        while (p < this.length && isSpace(text.charCodeAt(p))) p++;
        const c = p < this.length ? text.charCodeAt(p) : -1;
        if (c === -1) {
          this.pos = p;
          return this.emit(Token.EOF, p, p, true);
        }
        if (c === C.lf || c === C.semicolon || (p === lineBegin && isSkippedLineStart(c))) {
          this.skipLine(p);
          continue;
        }
        this.atLineStart = false;
        if (p > lineBegin) {
          this.pos = p;
          return this.emit(Token.INDENT, lineBegin, p, true);
        }
        return this.scan(true);
      }
      return this.scan(false);
    }
  }

  private emit(kind: TokenKind, start: number, end: number, lineStart: boolean): TokenKind {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.tokenLine = this.line;
    this.lineStart = lineStart;
    return kind;
  }

  private skipLine(from: number): void {
    const nl = this.text.indexOf('\n', from);
    this.pos = nl < 0 ? this.length : nl + 1;
    if (nl >= 0) this.line++;
  }

  private scan(lineStart: boolean): TokenKind {
    const text = this.text;
    let p = this.pos;
    while (p < this.length && isSpace(text.charCodeAt(p))) p++;
    if (p >= this.length) {
      this.pos = p;
      return this.emit(Token.EOF, p, p, lineStart);
    }
    const c = text.charCodeAt(p);
    if (c === C.semicolon) {
      const nl = text.indexOf('\n', p);
      p = nl < 0 ? this.length : nl;
      this.pos = p;
      return this.scan(lineStart);
    }
    if (c === C.lf) {
      this.pos = p + 1;
      const kind = this.emit(Token.EOL, p, p + 1, lineStart);
      this.line++;
      this.atLineStart = true;
      return kind;
    }
    const start = p;
    let kind: TokenKind;
    if (isDigit(c)) {
      p = this.scanDate(p);
      if (p > start) {
        kind = Token.DATE;
      } else {
        p = this.scanNumber(start);
        kind = Token.NUMBER;
      }
    } else if (c === C.quote) {
      p = this.scanString(p);
      kind = Token.STRING;
    } else if (isUpper(c) || isNonAscii(c)) {
      kind = this.scanCapitalised(p);
      p = this.scanEnd;
    } else if (isLower(c)) {
      kind = this.scanWord(p);
      p = this.scanEnd;
    } else if ((c === C.hash || c === C.caret) && isTagChar(text.charCodeAt(p + 1))) {
      p++;
      while (p < this.length && isTagChar(text.charCodeAt(p))) p++;
      kind = c === C.hash ? Token.TAG : Token.LINK;
    } else {
      kind = this.scanPunctuation(p, c);
      p = this.scanEnd;
    }
    if (kind === Token.INVALID) p = this.endOfRun(p);
    this.pos = p;
    return this.emit(kind, start, p, lineStart);
  }

  /** End of `YYYY-MM-DD` (or `/`) starting at p, or p when there is no date. */
  private scanDate(p: number): number {
    const text = this.text;
    let q = p;
    while (q < p + 4 && isDigit(text.charCodeAt(q))) q++;
    if (q !== p + 4) return p;
    for (let part = 0; part < 2; part++) {
      const sep = text.charCodeAt(q);
      if (sep !== C.minus && sep !== C.slash) return p;
      q++;
      const digitsStart = q;
      while (q < digitsStart + 2 && isDigit(text.charCodeAt(q))) q++;
      if (q === digitsStart) return p;
    }
    return isDigit(text.charCodeAt(q)) ? p : q;
  }

  private scanNumber(p: number): number {
    const text = this.text;
    while (p < this.length) {
      const c = text.charCodeAt(p);
      if (isDigit(c) || (c === C.comma && isDigit(text.charCodeAt(p + 1)))) p++;
      else break;
    }
    if (text.charCodeAt(p) === C.dot) {
      p++;
      while (p < this.length && isDigit(text.charCodeAt(p))) p++;
    }
    return p;
  }

  private scanString(p: number): number {
    const text = this.text;
    p++;
    while (p < this.length) {
      const c = text.charCodeAt(p);
      if (c === C.backslash) p += 2;
      else if (c === C.quote) return p + 1;
      else {
        if (c === C.lf) this.line++;
        p++;
      }
    }
    return p;
  }

  /** Longest match among ACCOUNT, CURRENCY, TRUE/FALSE/NULL and a one-letter FLAG. */
  private scanCapitalised(p: number): TokenKind {
    const text = this.text;
    let q = p + 1;
    while (q < this.length && isAccountChar(text.charCodeAt(q))) q++;
    let accountEnd = -1;
    while (text.charCodeAt(q) === C.colon) {
      const first = text.charCodeAt(q + 1);
      if (!(isUpper(first) || isDigit(first) || isNonAscii(first))) break;
      q += 2;
      while (q < this.length && isAccountChar(text.charCodeAt(q))) q++;
      accountEnd = q;
    }
    if (accountEnd > 0) return this.token(Token.ACCOUNT, accountEnd);
    let currencyEnd = -1;
    for (let r = p + 1; r < this.length && r < p + 24; r++) {
      const c = text.charCodeAt(r);
      if (!isCurrencyChar(c)) break;
      if (isUpper(c) || isDigit(c)) currencyEnd = r + 1;
    }
    const wordEnd = Math.max(currencyEnd, p + 1);
    const first = text.charCodeAt(p);
    if (
      (first === 84 || first === 70 || first === 78) &&
      wordEnd - p <= 5 &&
      !isCurrencyChar(text.charCodeAt(wordEnd)) &&
      !isLower(text.charCodeAt(wordEnd))
    ) {
      const word = text.slice(p, wordEnd);
      if (word === 'TRUE' || word === 'FALSE') return this.token(Token.BOOL, wordEnd);
      if (word === 'NULL') return this.token(Token.NONE, wordEnd);
    }
    if (currencyEnd > 0) return this.token(Token.CURRENCY, currencyEnd);
    if (FLAG_LETTERS.includes(text[p] ?? '')) return this.token(Token.FLAG, p + 1);
    return this.token(Token.INVALID, p + 1);
  }

  /** A lowercase word: a `key:`, a keyword, or an invalid token. */
  private scanWord(p: number): TokenKind {
    const text = this.text;
    let q = p + 1;
    while (q < this.length && isKeyChar(text.charCodeAt(q))) q++;
    if (text.charCodeAt(q) === C.colon) return this.token(Token.KEY, q + 1);
    if (KEYWORDS.has(text.slice(p, q))) return this.token(Token.KEYWORD, q);
    return this.token(Token.INVALID, q);
  }

  private scanPunctuation(p: number, c: number): TokenKind {
    const twice = this.text.charCodeAt(p + 1) === c;
    switch (c) {
      case C.lcurl:
        return twice ? this.token(Token.LCURLCURL, p + 2) : this.token(Token.LCURL, p + 1);
      case C.rcurl:
        return twice ? this.token(Token.RCURLCURL, p + 2) : this.token(Token.RCURL, p + 1);
      case C.at:
        return twice ? this.token(Token.ATAT, p + 2) : this.token(Token.AT, p + 1);
      case C.comma:
        return this.token(Token.COMMA, p + 1);
      case C.tilde:
        return this.token(Token.TILDE, p + 1);
      case C.hash:
        return this.token(Token.HASH, p + 1);
      case C.lparen:
        return this.token(Token.LPAREN, p + 1);
      case C.rparen:
        return this.token(Token.RPAREN, p + 1);
      case C.plus:
        return this.token(Token.PLUS, p + 1);
      case C.minus:
        return this.token(Token.MINUS, p + 1);
      case C.slash:
        return this.token(Token.SLASH, p + 1);
      case C.star:
        return this.token(Token.ASTERISK, p + 1);
      case C.bang:
      case C.amp:
      case C.question:
      case C.percent:
        return this.token(Token.FLAG, p + 1);
      default:
        return this.token(Token.INVALID, p + 1);
    }
  }

  /** Records where the recognised token ends and returns its kind. */
  private token(kind: TokenKind, end: number): TokenKind {
    this.scanEnd = end;
    return kind;
  }

  /** An invalid token extends to the next whitespace, as Beancount reports it. */
  private endOfRun(p: number): number {
    const text = this.text;
    while (p < this.length) {
      const c = text.charCodeAt(p);
      if (isSpace(c) || c === C.lf) break;
      p++;
    }
    return p;
  }
}
