/** Longest provider message quoted in an error. */
const maxMessageChars = 300;

/** Fields under which the four providers put their error text, in lookup order. */
const messageFields = ['Error Message', 'error_message', 'message', 'error', 'code'] as const;

/**
 * The human-readable message of an error body: FMP `{"Error Message"}`, FRED
 * `{"error_message"}`, NewsAPI/Polygon `{"message"}` or `{"error"}`, or the first line of
 * a plain-text body (FMP's 402s). Collapsed to one line and cut to 300 characters.
 */
export function errorMessageOf(body: unknown): string {
  let text = '';
  if (typeof body === 'string') {
    text = body;
  } else if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    const field = messageFields.find((name) => typeof record[name] === 'string');
    text = field === undefined ? JSON.stringify(body) : (record[field] as string);
  }
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > maxMessageChars ? `${oneLine.slice(0, maxMessageChars)}…` : oneLine;
}
