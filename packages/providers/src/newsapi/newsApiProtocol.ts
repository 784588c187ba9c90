import type { HttpFailureKind } from '../errors/providerHttpError.js';
import { errorMessageOf } from '../http/errorBody.js';
import type { BodyFailure, ProviderProtocol } from '../http/providerHttpClient.js';

/** NewsAPI error `code` → failure kind (https://newsapi.org/docs/errors). */
const newsApiCodeKinds: Readonly<Record<string, HttpFailureKind>> = {
  apiKeyDisabled: 'unauthorized',
  apiKeyInvalid: 'unauthorized',
  apiKeyMissing: 'unauthorized',
  apiKeyExhausted: 'rate_limited',
  rateLimited: 'rate_limited',
  maximumResultsReached: 'upgrade_required',
  unexpectedError: 'server_error',
};

/** `{"status":"error","code":…,"message":…}` is an error whatever the HTTP status. */
export function newsApiErrorUnder2xx(body: unknown): BodyFailure | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  if (record['status'] !== 'error') return null;
  const code = typeof record['code'] === 'string' ? record['code'] : '';
  return { kind: newsApiCodeKinds[code] ?? 'bad_request', message: errorMessageOf(body) };
}

/** NewsAPI: the key goes as the recommended `X-Api-Key` header and the `apiKey` parameter. */
export const newsApiProtocol: ProviderProtocol = {
  provider: 'newsapi',
  authenticate: (url, headers, apiKey) => {
    url.searchParams.set('apiKey', apiKey);
    headers.set('x-api-key', apiKey);
  },
  errorUnder2xx: newsApiErrorUnder2xx,
};
