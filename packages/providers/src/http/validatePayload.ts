import { type, type Type } from 'arktype';
import { ProviderResponseError } from '../errors/providerResponseError.js';
import type { ProviderId } from '../model/providerId.js';

/** A received value with `redact` applied to its text (strings and JSON structures). */
function redactValue(value: unknown, redact: (text: string) => string): unknown {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return redact(value);
  return JSON.parse(redact(JSON.stringify(value))) as unknown;
}

/**
 * Checks a parsed response against its arktype schema and returns the typed value, or
 * throws {@link ProviderResponseError} naming the first bad field (e.g. `[2].close`), the
 * value received (passed through `redact`, so an echoed key never leaks) and what was
 * expected.
 */
export function validatePayload<T>(
  schema: Type<T>,
  body: unknown,
  provider: ProviderId,
  endpoint: string,
  redact: (text: string) => string = (text) => text,
): T {
  const result = schema(body);
  if (result instanceof type.errors) {
    const first = result.at(0);
    throw new ProviderResponseError(
      provider,
      endpoint,
      first?.propString ?? '',
      redactValue(first?.data, redact),
      first?.expected ?? first?.message ?? result.summary,
    );
  }
  return result as T;
}
