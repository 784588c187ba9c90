/** No FX pair in market history (direct, inverse or via USD/EUR) converts `from` into `to`. */
export class FxRouteMissingError extends Error {
  readonly code = 'fx_route_missing';
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(
      `market history has no FX pair converting ${from} into ${to} (tried ${from}${to}, ${to}${from}, and crosses via USD and EUR)`,
    );
    this.name = 'FxRouteMissingError';
  }
}
