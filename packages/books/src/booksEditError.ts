/** Why a books command refused an edit. */
export type BooksEditRefusal =
  | 'unknown_portfolio'
  | 'portfolio_exists'
  | 'portfolio_in_use'
  | 'portfolio_archived'
  | 'portfolio_not_archived'
  | 'unknown_security'
  | 'security_exists'
  | 'invalid_field'
  | 'invalid_ledger';

/**
 * A books command (portfolios/securities/transactions) refused an edit; nothing was
 * written. `code` says why; the message names the portfolio, symbol or option.
 */
export class BooksEditError extends Error {
  constructor(
    readonly code: BooksEditRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'BooksEditError';
  }
}
