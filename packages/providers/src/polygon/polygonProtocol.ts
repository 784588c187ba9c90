import type { HttpFailureKind } from '../errors/providerHttpError.js';
import { errorMessageOf } from '../http/errorBody.js';
import type { BodyFailure, ProviderProtocol } from '../http/providerHttpClient.js';

/** Polygon/Massive wording → failure kind, for error bodies that arrive with HTTP 200. */
const polygonMessageKinds: readonly (readonly [RegExp, HttpFailureKind])[] = [
  [/maximum requests|rate limit/i, 'rate_limited'],
  [/api key/i, 'unauthorized'],
  [/not entitled|not authorized|plan doesn't include/i, 'forbidden'],
];

/** A body whose `status` is `ERROR` or `NOT_AUTHORIZED` is an error even under HTTP 200. */
export function polygonErrorUnder2xx(body: unknown): BodyFailure | null {
  if (typeof body !== 'object' || body === null) return null;
  const status = (body as Record<string, unknown>)['status'];
  if (status !== 'ERROR' && status !== 'NOT_AUTHORIZED') return null;
  const message = errorMessageOf(body);
  const kind =
    status === 'NOT_AUTHORIZED'
      ? 'forbidden'
      : (polygonMessageKinds.find(([pattern]) => pattern.test(message))?.[1] ?? 'bad_request');
  return { kind, message };
}

/**
 * Polygon (also served as Massive): the key goes both as the documented `apiKey` query
 * parameter and as `Authorization: Bearer`, which both gateways accept.
 */
export const polygonProtocol: ProviderProtocol = {
  provider: 'polygon',
  authenticate: (url, headers, apiKey) => {
    url.searchParams.set('apiKey', apiKey);
    headers.set('authorization', `Bearer ${apiKey}`);
  },
  errorUnder2xx: polygonErrorUnder2xx,
};
