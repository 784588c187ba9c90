import type { ProviderId } from '../model/providerId.js';
import { ProviderError } from './providerError.js';

/**
 * The provider's circuit breaker is open after repeated failures, so the call was not
 * sent. It half-opens after the configured pause and lets one probe through.
 */
export class ProviderCircuitOpenError extends ProviderError {
  readonly code = 'provider_circuit_open' as const;
  readonly retryable = false;

  constructor(provider: ProviderId, endpoint: string, lastFailure: string) {
    super(
      provider,
      endpoint,
      `circuit breaker open after repeated failures (last: ${lastFailure}); not calling until it half-opens`,
    );
  }
}
