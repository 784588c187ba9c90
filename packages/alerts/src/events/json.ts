/** The JSON types (one definition for the package: src/json/jsonValue.ts); `JsonObject` is the shape of an alert's `details`. */
export type { JsonObject, JsonValue } from '@truth-spine/store';
