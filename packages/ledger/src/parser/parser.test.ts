import { describe, expect, it } from 'vitest';
import { Lexer } from './lexer.js';
import { parseLedgerText } from './parser.js';
import { Token, tokenName } from './token.js';

function tokens(text: string): string[] {
  const lx = new Lexer(text);
  const out: string[] = [];
  while (lx.next() !== Token.EOF)
    out.push(`${tokenName(lx.kind, lx.value)}:${lx.kind === Token.EOL ? '' : lx.value}`);
  return out;
}

describe('Lexer', () => {
  it('recognises the pieces of a posting line, the portfolio account names included', () => {
    expect(
      tokens(
        '  Assets:P-USD-GROWTH:Securities:BRK-B  -1,000.50 BRK-B {12.00 USD, "lot-1"} @@ 9 USD ; c\n',
      ),
    ).toEqual([
      'INDENT:  ',
      'ACCOUNT:Assets:P-USD-GROWTH:Securities:BRK-B',
      'MINUS:-',
      'NUMBER:1,000.50',
      'CURRENCY:BRK-B',
      'LCURL:{',
      'NUMBER:12.00',
      'CURRENCY:USD',
      'COMMA:,',
      'STRING:"lot-1"',
      'RCURL:}',
      'ATAT:@@',
      'NUMBER:9',
      'CURRENCY:USD',
      'EOL:',
    ]);
  });

  it('skips comments, blank lines and org-mode headings; one capital letter is a flag', () => {
    expect(tokens('; note\n\n* Heading\n2020-01-01 M "x" #t ^l\n')).toEqual([
      'DATE:2020-01-01',
      'FLAG:M',
      'STRING:"x"',
      'TAG:#t',
      'LINK:^l',
      'EOL:',
    ]);
  });

  it('reports an unknown lowercase word or stray dot as one invalid token up to whitespace', () => {
    expect(tokens('2020-01-01 frobnicate x\n12.3.4 USD')).toEqual([
      'DATE:2020-01-01',
      'LEX_ERROR:frobnicate',
      'LEX_ERROR:x',
      'EOL:',
      'NUMBER:12.3',
      'LEX_ERROR:.4',
      'CURRENCY:USD',
    ]);
  });
});

describe('parseLedgerText', () => {
  it('keeps file and line on every directive and metadata on the right owner', () => {
    const parsed = parseLedgerText(
      [
        '2021-01-01 open Assets:Cash USD,EUR "FIFO"',
        '  institution: "Bank"',
        '2021-01-02 * "Payee" "Narration" #tag ^link',
        '  note: 3.50 USD',
        '  Assets:Cash   10.00 USD',
        '    seat: "14C"',
        '  Equity:Open',
      ].join('\n'),
      'f.beancount',
    );
    expect(parsed.errors).toEqual([]);
    const [open, txn] = parsed.directives;
    expect(open).toMatchObject({
      type: 'Open',
      line: 1,
      currencies: ['USD', 'EUR'],
      booking: 'FIFO',
    });
    expect(open?.meta.get('institution')).toEqual({ type: 'str', value: 'Bank' });
    expect(txn).toMatchObject({
      type: 'Transaction',
      line: 3,
      payee: 'Payee',
      narration: 'Narration',
      tags: ['tag'],
      links: ['link'],
    });
    if (txn?.type !== 'Transaction') throw new Error('expected a transaction');
    expect(txn.meta.get('note')?.type).toBe('amount');
    expect(txn.postings.map((p) => [p.account, p.line, p.meta.get('seat')?.value ?? null])).toEqual(
      [
        ['Assets:Cash', 5, '14C'],
        ['Equity:Open', 7, null],
      ],
    );
  });

  it('drops only the malformed directive and resumes at the next column-0 line', () => {
    const parsed = parseLedgerText(
      [
        '2020-01-01 open Assets:Cash',
        '2020-01-02 * "bad"',
        '  Assets:Cash 1.2.3 USD',
        '  Equity:X',
        '2020-01-03 close Assets:Cash',
      ].join('\n'),
      'f.beancount',
    );
    expect(parsed.errors).toEqual([
      { type: 'LexerError', file: 'f.beancount', line: 3, message: "Invalid token: '.3'" },
    ]);
    expect(parsed.directives.map((d) => [d.type, d.line])).toEqual([
      ['Open', 1],
      ['Close', 5],
    ]);
  });

  it('says what was expected after a transaction header', () => {
    const parsed = parseLedgerText('2020-01-05 * Missing quotes\n', 'f.beancount');
    expect(parsed.errors.map((e) => e.message)).toEqual([
      'syntax error, unexpected FLAG, expecting end of file or EOL or TAG or LINK',
      "Invalid token: 'issing'",
      "Invalid token: 'quotes'",
    ]);
  });

  it('applies pushtag/poptag and evaluates amount expressions', () => {
    const parsed = parseLedgerText(
      [
        'pushtag #trip',
        '2020-01-01 * "x"',
        '  Assets:A  (10 + 2) * 3 / 4 USD',
        '  Assets:B',
        'poptag #trip',
        '2020-01-02 * "y"',
      ].join('\n'),
      'f.beancount',
    );
    const [first, second] = parsed.directives;
    if (first?.type !== 'Transaction' || second?.type !== 'Transaction')
      throw new Error('expected transactions');
    expect(first.tags).toEqual(['trip']);
    expect(first.postings[0]?.number?.toString()).toBe('9');
    expect(second.tags).toEqual([]);
  });

  it('collects include and option lines with their line numbers', () => {
    const parsed = parseLedgerText(
      'option "booking_method" "FIFO"\ninclude "other.beancount"\n',
      'f.beancount',
    );
    expect(parsed.options).toEqual([{ name: 'booking_method', value: 'FIFO', line: 1 }]);
    expect(parsed.includes).toEqual([{ path: 'other.beancount', line: 2 }]);
  });
});
