/**
 * A value that survives `JSON.stringify` → `JSON.parse` unchanged: what the store's `jsonb`
 * columns (step details, dead-letter payloads, alert details, exports) hold.
 */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { readonly [key: string]: JsonValue };
