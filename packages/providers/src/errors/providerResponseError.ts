import type { ProviderId } from '../model/providerId.js';
import { ProviderError } from './providerError.js';

/** Longest excerpt of a received value quoted in a message. */
const maxValueChars = 80;

/** Renders a received value for a message: JSON, cut to {@link maxValueChars}. */
function describeValue(value: unknown): string {
  const text = value === undefined ? 'nothing (field missing)' : JSON.stringify(value);
  return text.length > maxValueChars ? `${text.slice(0, maxValueChars)}…` : text;
}

/**
 * A 2xx answer whose body is not what the provider's API documents: not JSON, truncated
 * JSON, or a field with the wrong type or value. Names the field (a path such as
 * `[3].close`) and the value received. Not retryable: the same request would get the
 * same body.
 */
export class ProviderResponseError extends ProviderError {
  readonly code = 'provider_invalid_response' as const;
  readonly retryable = false;

  constructor(
    provider: ProviderId,
    endpoint: string,
    readonly field: string,
    readonly received: unknown,
    expected: string,
  ) {
    super(
      provider,
      endpoint,
      `unexpected response: field ${field === '' ? '(body)' : field} must be ${expected}, received ${describeValue(received)}`,
    );
  }
}
