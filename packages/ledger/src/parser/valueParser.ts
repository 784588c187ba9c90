import { Decimal } from '../core/decimal.js';
import type { Amount, MetaValue } from '../core/types.js';
import type { CostSpec } from './parsedTypes.js';
import { Token } from './token.js';
import { TokenCursor } from './tokenCursor.js';

/**
 * The values inside a directive, after Beancount 2.3.5's grammar: arithmetic number
 * expressions (`expr := term (± term)*`, `term := factor (×÷ factor)*`, unary signs,
 * parentheses; exact decimals), amounts, cost specs (`{…}` per unit, `{{…}}` total,
 * `#` for both, date, label, `*` merge) and metadata values.
 */
export abstract class ValueParser extends TokenCursor {
  protected costSpec(): CostSpec {
    const lx = this.lx;
    const isTotal = this.is(Token.LCURLCURL);
    const close = isTotal ? Token.RCURLCURL : Token.RCURL;
    lx.next();
    let numberPer: Decimal | null = null;
    let numberTotal: Decimal | null = null;
    let currency: string | null = null;
    let date: string | null = null;
    let label: string | null = null;
    let merge = false;
    while (lx.kind !== close) {
      if (this.is(Token.DATE)) date = this.date();
      else if (this.is(Token.STRING)) label = this.string();
      else if (this.is(Token.ASTERISK)) {
        merge = true;
        lx.next();
      } else if (this.startsNumber() || this.is(Token.HASH) || this.is(Token.CURRENCY)) {
        if (this.startsNumber()) {
          const first = this.numberExpression();
          if (isTotal) {
            // Beancount: a single number in `{{…}}` is the total; the per-unit part is zero.
            numberPer = Decimal.ZERO;
            numberTotal = first;
          } else numberPer = first;
        }
        if (this.is(Token.HASH)) {
          lx.next();
          if (this.startsNumber()) numberTotal = this.numberExpression();
        }
        currency = this.expect(Token.CURRENCY);
      } else this.unexpected();
      if (this.is(Token.COMMA)) lx.next();
      else if (lx.kind !== close) this.unexpected();
    }
    lx.next();
    return { numberPer, numberTotal, currency, date, label, merge };
  }

  protected amount(): Amount {
    const number = this.numberExpression();
    return { number, currency: this.expect(Token.CURRENCY) };
  }

  protected startsNumber(): boolean {
    const k = this.lx.kind;
    return k === Token.NUMBER || k === Token.MINUS || k === Token.PLUS || k === Token.LPAREN;
  }

  /** `expr := term (± term)*`, `term := factor (×÷ factor)*`, unary signs and parentheses. */
  protected numberExpression(): Decimal {
    let value = this.term();
    for (;;) {
      const k = this.lx.kind;
      if (k !== Token.PLUS && k !== Token.MINUS) return value;
      this.lx.next();
      const right = this.term();
      value = k === Token.PLUS ? value.add(right) : value.sub(right);
    }
  }

  protected term(): Decimal {
    let value = this.factor();
    for (;;) {
      const k = this.lx.kind;
      if (k !== Token.ASTERISK && k !== Token.SLASH) return value;
      this.lx.next();
      const right = this.factor();
      value = k === Token.ASTERISK ? value.mul(right) : value.div(right);
    }
  }

  protected factor(): Decimal {
    const lx = this.lx;
    switch (lx.kind) {
      case Token.NUMBER: {
        const value = lx.decimal();
        lx.next();
        return value;
      }
      case Token.MINUS:
        lx.next();
        return this.factor().neg();
      case Token.PLUS:
        lx.next();
        return this.factor();
      case Token.LPAREN: {
        lx.next();
        const value = this.numberExpression();
        this.expect(Token.RPAREN);
        return value;
      }
      default:
        return this.unexpected();
    }
  }

  protected metaValue(): MetaValue {
    const lx = this.lx;
    const text = lx.value;
    switch (lx.kind) {
      case Token.STRING: {
        const value = lx.stringValue;
        lx.next();
        return { type: 'str', value };
      }
      case Token.ACCOUNT:
        lx.next();
        return { type: 'account', value: text };
      case Token.CURRENCY:
        lx.next();
        return { type: 'currency', value: text };
      case Token.TAG:
        lx.next();
        return { type: 'tag', value: text.slice(1) };
      case Token.DATE:
        return { type: 'date', value: this.date() };
      case Token.BOOL:
        lx.next();
        return { type: 'bool', value: text === 'TRUE' };
      case Token.NONE:
      case Token.EOL:
      case Token.EOF:
        if (this.is(Token.NONE)) lx.next();
        return { type: 'null', value: null };
      default: {
        const number = this.numberExpression();
        if (!this.is(Token.CURRENCY)) return { type: 'number', value: number };
        return { type: 'amount', value: { number, currency: this.expect(Token.CURRENCY) } };
      }
    }
  }
}
