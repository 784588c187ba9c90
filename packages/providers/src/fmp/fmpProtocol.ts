import type { HttpFailureKind } from '../errors/providerHttpError.js';
import { errorMessageOf } from '../http/errorBody.js';
import type { BodyFailure, ProviderProtocol } from '../http/providerHttpClient.js';

/** FMP's wording → failure kind; FMP uses the same texts under 200, 401, 402, 403 and 429. */
const fmpMessageKinds: readonly (readonly [RegExp, HttpFailureKind])[] = [
  [/limit reach/i, 'rate_limited'],
  [/invalid api key/i, 'unauthorized'],
  [/legacy endpoint/i, 'forbidden'],
  [/premium|restricted endpoint|subscription/i, 'payment_required'],
];

/**
 * FMP sends errors as `{"Error Message": "…"}` — sometimes with HTTP 200 (notably
 * "Limit Reach", which is then treated as a 429) — or as plain text ("Restricted
 * Endpoint: …"). Data bodies are arrays or objects without that field.
 */
export function fmpErrorUnder2xx(body: unknown): BodyFailure | null {
  if (typeof body === 'string') {
    const kind = fmpMessageKinds.find(([pattern]) => pattern.test(body))?.[1];
    return kind === undefined ? null : { kind, message: errorMessageOf(body) };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const message = (body as Record<string, unknown>)['Error Message'];
  if (typeof message !== 'string') return null;
  const kind = fmpMessageKinds.find(([pattern]) => pattern.test(message))?.[1] ?? 'bad_request';
  return { kind, message };
}

/** FMP: the key travels as the `apikey` query parameter. */
export const fmpProtocol: ProviderProtocol = {
  provider: 'fmp',
  authenticate: (url, _headers, apiKey) => url.searchParams.set('apikey', apiKey),
  errorUnder2xx: fmpErrorUnder2xx,
};
