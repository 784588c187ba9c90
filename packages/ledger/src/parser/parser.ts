import type { Decimal } from '../core/decimal.js';
import type { LedgerDiagnostic } from '../core/errors.js';
import type { BookingMethod, Meta, MetaValue } from '../core/types.js';
import { isBookingMethod } from './options.js';
import type {
  IncompletePosting,
  ParsedDirective,
  ParsedTransaction,
  PriceSpec,
} from './parsedTypes.js';
import { Token } from './token.js';
import { DirectiveAbandoned } from './tokenCursor.js';
import { ValueParser } from './valueParser.js';

/** What one file yields: its directives, errors, `include`s and `option`s in order. */
export interface ParsedFile {
  readonly directives: ParsedDirective[];
  readonly errors: LedgerDiagnostic[];
  readonly includes: { readonly path: string; readonly line: number }[];
  readonly options: { readonly name: string; readonly value: string; readonly line: number }[];
}

const EMPTY_META: Meta = new Map();

/**
 * Parses Beancount text into directives, after Beancount 2.3.5's grammar. Every
 * directive keeps `file` and `line`. A malformed directive is reported
 * (`file:line: what was wrong`) and dropped, and parsing resumes at the next line that
 * starts in column 0, so one bad entry never takes the good ones down.
 */
export function parseLedgerText(text: string, file: string): ParsedFile {
  return new Parser(text, file).parse();
}

/** Directives and their structure; values are read by {@link ValueParser}, tokens by its base. */
class Parser extends ValueParser {
  private readonly result: ParsedFile = {
    directives: [],
    errors: this.errors,
    includes: [],
    options: [],
  };
  private readonly pushedTags: string[] = [];
  private readonly pushedMeta = new Map<string, MetaValue[]>();

  parse(): ParsedFile {
    const lx = this.lx;
    lx.next();
    while (!this.is(Token.EOF)) {
      if (this.is(Token.EOL)) {
        lx.next();
        continue;
      }
      try {
        this.topLevel();
      } catch (error) {
        if (!(error instanceof DirectiveAbandoned)) throw error;
        this.result.errors.push(error.diagnostic);
        this.skipToNextEntry();
      }
    }
    return this.result;
  }

  private topLevel(): void {
    const lx = this.lx;
    if (this.is(Token.DATE)) return this.dated();
    if (this.is(Token.KEYWORD)) {
      const line = lx.tokenLine;
      switch (lx.value) {
        case 'option': {
          lx.next();
          const name = this.string();
          const value = this.string();
          this.endOfLine();
          this.result.options.push({ name, value, line });
          return;
        }
        case 'include':
          lx.next();
          this.result.includes.push({ path: this.string(), line });
          return this.endOfLine();
        case 'plugin':
          lx.next();
          this.string();
          if (this.is(Token.STRING)) lx.next();
          return this.endOfLine();
        case 'pushtag':
          lx.next();
          this.pushedTags.push(this.expect(Token.TAG).slice(1));
          return this.endOfLine();
        case 'poptag': {
          lx.next();
          const tag = this.expect(Token.TAG).slice(1);
          const at = this.pushedTags.lastIndexOf(tag);
          if (at < 0) this.error('ParserError', line, `Attempting to pop absent tag: '${tag}'`);
          else this.pushedTags.splice(at, 1);
          return this.endOfLine();
        }
        case 'pushmeta': {
          lx.next();
          const key = this.expect(Token.KEY).slice(0, -1);
          const value = this.metaValue();
          const stack = this.pushedMeta.get(key) ?? [];
          stack.push(value);
          this.pushedMeta.set(key, stack);
          return this.endOfLine();
        }
        case 'popmeta': {
          lx.next();
          const key = this.expect(Token.KEY).slice(0, -1);
          const stack = this.pushedMeta.get(key);
          if (stack === undefined || stack.length === 0) {
            this.error('ParserError', line, `Attempting to pop absent metadata key: '${key}'`);
          } else stack.pop();
          return this.endOfLine();
        }
      }
    }
    this.unexpected();
  }

  private dated(): void {
    const lx = this.lx;
    const line = lx.tokenLine;
    const date = this.date();
    const kind = lx.kind;
    if (kind === Token.ASTERISK || kind === Token.FLAG || kind === Token.HASH) {
      const flag = lx.value;
      lx.next();
      return this.transaction(date, line, flag);
    }
    if (kind !== Token.KEYWORD) this.unexpected();
    const keyword = lx.value;
    lx.next();
    const at = { file: this.file, line, date };
    switch (keyword) {
      case 'txn':
        return this.transaction(date, line, '*');
      case 'open': {
        const account = this.expect(Token.ACCOUNT);
        let currencies: string[] | null = null;
        if (this.is(Token.CURRENCY)) {
          currencies = [this.expect(Token.CURRENCY)];
          while (this.is(Token.COMMA)) {
            lx.next();
            currencies.push(this.expect(Token.CURRENCY));
          }
        }
        let booking: BookingMethod | null = null;
        if (this.is(Token.STRING)) {
          const name = lx.stringValue;
          if (!isBookingMethod(name))
            this.abandon('ParserError', `Invalid booking method: ${name}`);
          booking = name;
          lx.next();
        }
        const meta = this.directiveMeta();
        this.add({ type: 'Open', ...at, meta, account, currencies, booking });
        return;
      }
      case 'close': {
        const account = this.expect(Token.ACCOUNT);
        this.add({ type: 'Close', ...at, meta: this.directiveMeta(), account });
        return;
      }
      case 'commodity': {
        const currency = this.expect(Token.CURRENCY);
        this.add({ type: 'Commodity', ...at, meta: this.directiveMeta(), currency });
        return;
      }
      case 'price': {
        const currency = this.expect(Token.CURRENCY);
        const amount = this.amount();
        this.add({ type: 'Price', ...at, meta: this.directiveMeta(), currency, amount });
        return;
      }
      case 'balance': {
        const account = this.expect(Token.ACCOUNT);
        const number = this.numberExpression();
        let tolerance: Decimal | null = null;
        if (this.is(Token.TILDE)) {
          lx.next();
          tolerance = this.numberExpression();
        }
        const currency = this.expect(Token.CURRENCY);
        const meta = this.directiveMeta();
        const amount = { number, currency };
        this.add({ type: 'Balance', ...at, meta, account, amount, tolerance, diffAmount: null });
        return;
      }
      case 'pad': {
        const account = this.expect(Token.ACCOUNT);
        const sourceAccount = this.expect(Token.ACCOUNT);
        this.add({ type: 'Pad', ...at, meta: this.directiveMeta(), account, sourceAccount });
        return;
      }
      case 'note': {
        const account = this.expect(Token.ACCOUNT);
        const comment = this.string();
        this.add({ type: 'Note', ...at, meta: this.directiveMeta(), account, comment });
        return;
      }
      case 'document': {
        const account = this.expect(Token.ACCOUNT);
        const filename = this.string();
        this.skipTagsAndLinks();
        this.add({ type: 'Document', ...at, meta: this.directiveMeta(), account, filename });
        return;
      }
      case 'event': {
        const eventType = this.string();
        const description = this.string();
        this.add({ type: 'Event', ...at, meta: this.directiveMeta(), eventType, description });
        return;
      }
      case 'query': {
        const name = this.string();
        const queryString = this.string();
        this.add({ type: 'Query', ...at, meta: this.directiveMeta(), name, queryString });
        return;
      }
      case 'custom': {
        const customType = this.string();
        const values: MetaValue[] = [];
        while (!this.is(Token.EOL) && !this.is(Token.EOF)) values.push(this.metaValue());
        this.add({ type: 'Custom', ...at, meta: this.directiveMeta(), customType, values });
        return;
      }
      default:
        this.unexpected();
    }
  }

  private transaction(date: string, line: number, flag: string): void {
    const lx = this.lx;
    const strings: string[] = [];
    while (this.is(Token.STRING)) {
      strings.push(lx.stringValue);
      lx.next();
    }
    if (strings.length > 2) {
      this.abandon('ParserError', 'Too many strings on transaction description');
    }
    const tags: string[] = [];
    const links: string[] = [];
    this.tagsAndLinks(tags, links);
    if (!this.is(Token.EOL) && !this.is(Token.EOF)) {
      this.unexpected('end of file or EOL or TAG or LINK');
    }
    lx.next();
    let meta: Map<string, MetaValue> | null = null;
    const postings: IncompletePosting[] = [];
    while (this.is(Token.INDENT)) {
      lx.next();
      if (this.is(Token.KEY)) {
        const key = lx.value.slice(0, -1);
        lx.next();
        const value = this.metaValue();
        const last = postings.length - 1;
        const posting = postings[last];
        if (posting === undefined) (meta ??= new Map()).set(key, value);
        else {
          // Metadata after a posting belongs to that posting; its map is made on first use.
          const own =
            posting.meta === EMPTY_META
              ? new Map<string, MetaValue>()
              : (posting.meta as Map<string, MetaValue>);
          own.set(key, value);
          postings[last] = { ...posting, meta: own };
        }
      } else if (this.is(Token.TAG) || this.is(Token.LINK)) {
        this.tagsAndLinks(tags, links);
      } else {
        postings.push(this.posting(EMPTY_META));
        continue;
      }
      this.endOfLine();
    }
    for (const tag of this.pushedTags) if (!tags.includes(tag)) tags.push(tag);
    if (this.pushedMeta.size > 0) this.addPushedMeta((meta ??= new Map()));
    const transaction: ParsedTransaction = {
      type: 'Transaction',
      file: this.file,
      line,
      date,
      meta: meta ?? EMPTY_META,
      flag,
      payee: strings.length === 2 ? (strings[0] ?? null) : null,
      narration: strings.length === 2 ? (strings[1] ?? '') : (strings[0] ?? ''),
      tags,
      links,
      postings,
    };
    this.result.directives.push(transaction);
  }

  private posting(meta: Meta): IncompletePosting {
    const lx = this.lx;
    const line = lx.tokenLine;
    let flag: string | null = null;
    if (this.is(Token.FLAG) || this.is(Token.ASTERISK)) {
      flag = lx.value;
      lx.next();
    }
    const account = this.expect(Token.ACCOUNT);
    const number = this.startsNumber() ? this.numberExpression() : null;
    const currency = this.is(Token.CURRENCY) ? this.expect(Token.CURRENCY) : null;
    const cost = this.is(Token.LCURL) || this.is(Token.LCURLCURL) ? this.costSpec() : null;
    let price: PriceSpec | null = null;
    if (this.is(Token.AT) || this.is(Token.ATAT)) {
      const isTotal = this.is(Token.ATAT);
      lx.next();
      const priceNumber = this.startsNumber() ? this.numberExpression() : null;
      const priceCurrency = this.is(Token.CURRENCY) ? this.expect(Token.CURRENCY) : null;
      price = { number: priceNumber, currency: priceCurrency, isTotal };
    }
    this.endOfLine();
    return { file: this.file, line, account, number, currency, cost, price, flag, meta };
  }

  /** Indented `key: value` lines under a non-transaction directive. */
  private directiveMeta(): Meta {
    const lx = this.lx;
    this.skipTagsAndLinks();
    this.endOfLine();
    let meta: Map<string, MetaValue> | null = null;
    while (this.is(Token.INDENT)) {
      lx.next();
      const key = this.expect(Token.KEY).slice(0, -1);
      (meta ??= new Map()).set(key, this.metaValue());
      this.endOfLine();
    }
    if (this.pushedMeta.size > 0) this.addPushedMeta((meta ??= new Map()));
    return meta ?? EMPTY_META;
  }

  private addPushedMeta(meta: Map<string, MetaValue>): void {
    for (const [key, stack] of this.pushedMeta) {
      const value = stack[stack.length - 1];
      if (value !== undefined && !meta.has(key)) meta.set(key, value);
    }
  }

  private tagsAndLinks(tags: string[], links: string[]): void {
    const lx = this.lx;
    while (this.is(Token.TAG) || this.is(Token.LINK)) {
      (this.is(Token.TAG) ? tags : links).push(lx.value.slice(1));
      lx.next();
    }
  }

  private skipTagsAndLinks(): void {
    this.tagsAndLinks([], []);
  }

  private add(directive: ParsedDirective): void {
    this.result.directives.push(directive);
  }
}
