import type { ProviderId } from '../model/providerId.js';
import { ProviderError } from './providerError.js';

/**
 * The request never produced an HTTP answer: connection refused or reset, DNS failure,
 * a body cut off mid-stream, or no answer within the per-attempt timeout. Retryable.
 */
export class ProviderNetworkError extends ProviderError {
  readonly code: 'provider_network' | 'provider_timeout';
  readonly retryable = true;

  constructor(provider: ProviderId, endpoint: string, timedOut: boolean, detail: string) {
    super(provider, endpoint, timedOut ? `no answer within ${detail}` : `network error: ${detail}`);
    this.code = timedOut ? 'provider_timeout' : 'provider_network';
  }
}
