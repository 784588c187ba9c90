import type { ProviderId } from '../model/providerId.js';
import { ProviderError } from './providerError.js';

/** What an HTTP error answer means, independent of the provider's wording. */
export type HttpFailureKind =
  | 'bad_request'
  | 'unauthorized'
  | 'payment_required'
  | 'forbidden'
  | 'not_found'
  | 'upgrade_required'
  | 'rate_limited'
  | 'server_error'
  | 'http_error';

/** Maps an HTTP status to its {@link HttpFailureKind}. */
export function failureKindOfStatus(status: number): HttpFailureKind {
  if (status >= 500) return 'server_error';
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 402:
      return 'payment_required';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 426:
      return 'upgrade_required';
    case 429:
      return 'rate_limited';
    default:
      return 'http_error';
  }
}

/**
 * The provider answered with an error: a non-2xx status, or an error body under HTTP 200
 * (FMP's `{"Error Message": …}`). `code` is `provider_<kind>`; only `rate_limited` and
 * `server_error` are retryable. `retryAfterMs` carries the server's `Retry-After`.
 */
export class ProviderHttpError extends ProviderError {
  readonly code: `provider_${HttpFailureKind}`;
  readonly retryable: boolean;

  constructor(
    provider: ProviderId,
    endpoint: string,
    readonly status: number,
    readonly kind: HttpFailureKind,
    readonly providerMessage: string,
    readonly retryAfterMs: number | null = null,
  ) {
    const said = providerMessage === '' ? '' : ` — ${providerMessage}`;
    super(provider, endpoint, `HTTP ${status} ${kind.replace('_', ' ')}${said}`);
    this.code = `provider_${kind}`;
    this.retryable = kind === 'rate_limited' || kind === 'server_error';
  }
}
