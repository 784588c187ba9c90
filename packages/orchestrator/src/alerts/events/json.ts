/** A value that survives `JSON.stringify` → `JSON.parse` unchanged. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object: the shape of an alert's `details`. */
export type JsonObject = { readonly [key: string]: JsonValue };
