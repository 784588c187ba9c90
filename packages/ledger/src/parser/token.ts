/**
 * Token kinds of the Beancount lexer, named as Beancount's grammar names them so that
 * syntax errors read like `bean-check`'s ("syntax error, unexpected ACCOUNT").
 */
export const Token = {
  EOF: 0,
  EOL: 1,
  INDENT: 2,
  DATE: 3,
  ACCOUNT: 4,
  CURRENCY: 5,
  STRING: 6,
  NUMBER: 7,
  TAG: 8,
  LINK: 9,
  KEY: 10,
  FLAG: 11,
  ASTERISK: 12,
  KEYWORD: 13,
  BOOL: 14,
  NONE: 15,
  LCURL: 16,
  RCURL: 17,
  LCURLCURL: 18,
  RCURLCURL: 19,
  AT: 20,
  ATAT: 21,
  COMMA: 22,
  TILDE: 23,
  HASH: 24,
  LPAREN: 25,
  RPAREN: 26,
  PLUS: 27,
  MINUS: 28,
  SLASH: 29,
  INVALID: 30,
} as const;

export type TokenKind = (typeof Token)[keyof typeof Token];

const NAMES: readonly string[] = [
  'end of file',
  'EOL',
  'INDENT',
  'DATE',
  'ACCOUNT',
  'CURRENCY',
  'STRING',
  'NUMBER',
  'TAG',
  'LINK',
  'KEY',
  'FLAG',
  'ASTERISK',
  'KEYWORD',
  'BOOL',
  'NONE',
  'LCURL',
  'RCURL',
  'LCURLCURL',
  'RCURLCURL',
  'AT',
  'ATAT',
  'COMMA',
  'TILDE',
  'HASH',
  'LPAREN',
  'RPAREN',
  'PLUS',
  'MINUS',
  'SLASH',
  'LEX_ERROR',
];

/** The grammar name of a token kind; keywords are named by their upper-cased word. */
export function tokenName(kind: TokenKind, text: string): string {
  return kind === Token.KEYWORD ? text.toUpperCase() : (NAMES[kind] ?? 'token');
}
