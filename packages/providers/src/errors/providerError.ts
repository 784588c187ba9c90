import type { ProviderId } from '../model/providerId.js';

/**
 * Base of every error this package throws about a provider call. `code` is stable and
 * machine-matchable; `provider` and `endpoint` (a path such as `/stable/quote`, never a
 * URL with a key) say where it happened. Messages are one line, start with
 * `<provider> <endpoint>:` and never contain a secret.
 */
export abstract class ProviderError extends Error {
  abstract readonly code: string;
  /** True when a later attempt of the same request may succeed (429, 5xx, network). */
  abstract readonly retryable: boolean;
  /** Attempts made before this error was final (set by the retry loop). */
  attempts = 1;

  constructor(
    readonly provider: ProviderId,
    readonly endpoint: string,
    reason: string,
  ) {
    super(`${provider} ${endpoint}: ${reason}`);
    this.name = new.target.name;
  }
}
