/**
 * Parses an HTTP `Retry-After` header (RFC 9110 §10.2.3): either delay-seconds
 * (`"120"`) or an HTTP-date. Returns the wait in ms (≥ 0) relative to `nowMs`, or null
 * when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
