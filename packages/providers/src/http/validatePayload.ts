import { type, type Type } from 'arktype';
import { ProviderResponseError } from '../errors/providerResponseError.js';
import type { ProviderId } from '../model/providerId.js';

/**
 * Checks a parsed response against its arktype schema and returns the typed value, or
 * throws {@link ProviderResponseError} naming the first bad field (e.g. `[2].close`), the
 * value received and what was expected.
 */
export function validatePayload<T>(
  schema: Type<T>,
  body: unknown,
  provider: ProviderId,
  endpoint: string,
): T {
  const result = schema(body);
  if (result instanceof type.errors) {
    const first = result[0]!;
    throw new ProviderResponseError(
      provider,
      endpoint,
      first.propString,
      first.data,
      first.expected ?? first.message,
    );
  }
  return result as T;
}
