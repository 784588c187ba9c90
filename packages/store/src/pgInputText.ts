/**
 * The text PostgreSQL's input function reads for one bulk-write value — the same text
 * whether it travels as an array-literal element (`insertRows`' unnest path) or as a COPY
 * field. `null`/`undefined` → null (SQL NULL). string → itself; number → its shortest
 * round-trip decimal (`String`), with `-0` kept as `-0` so a double comes back bit for bit
 * (`numeric` reads it as 0); bigint → its digits; boolean → `t`/`f`; Date → its ISO instant;
 * Uint8Array → `\x` + hex (bytea); anything else (object or array) → JSON text (jsonb).
 * PostgreSQL array columns are not written this way: a JS array becomes JSON.
 */
export function pgInputText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) {
    return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  }
  return JSON.stringify(value);
}
