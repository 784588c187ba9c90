/** Stable codes of {@link DemoDataError}, for callers and tests to match on. */
export type DemoDataErrorCode =
  | 'DEMO_SOURCE_MISSING'
  | 'DEMO_SOURCE_MALFORMED'
  | 'DEMO_MARKET_GAP'
  | 'DEMO_PLAN_INVALID'
  | 'DEMO_USAGE';

/**
 * Why the demo data set could not be generated. The message names the source file and
 * line, the missing market value, or the plan step that is wrong, so the person running
 * the generator can fix the input rather than the code.
 */
export class DemoDataError extends Error {
  override readonly name = 'DemoDataError';

  constructor(
    readonly code: DemoDataErrorCode,
    message: string,
  ) {
    super(message);
  }
}
