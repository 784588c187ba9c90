import { failureKindOfStatus } from '../errors/providerHttpError.js';
import { errorMessageOf } from '../http/errorBody.js';
import type { BodyFailure, ProviderProtocol } from '../http/providerHttpClient.js';

/** FRED's error envelope `{"error_code": 400, "error_message": "…"}`, whatever the HTTP status. */
export function fredErrorUnder2xx(body: unknown): BodyFailure | null {
  if (typeof body !== 'object' || body === null) return null;
  const code = (body as Record<string, unknown>)['error_code'];
  if (typeof code !== 'number') return null;
  return { kind: failureKindOfStatus(code), message: errorMessageOf(body) };
}

/** FRED: the key travels as the `api_key` query parameter. */
export const fredProtocol: ProviderProtocol = {
  provider: 'fred',
  authenticate: (url, _headers, apiKey) => url.searchParams.set('api_key', apiKey),
  errorUnder2xx: fredErrorUnder2xx,
};
