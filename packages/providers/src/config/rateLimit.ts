/** A request quota: at most `requests` calls started per `intervalMs`. */
export interface RateLimit {
  readonly requests: number;
  readonly intervalMs: number;
}

const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
const rateLimitPattern = /^(\d+)\s*\/\s*(\d+)\s*(ms|s|m|h)$/;

/**
 * Parses a quota written `N/<duration>`, e.g. `5/1m` (5 calls a minute) or `50/12h`.
 * Units: ms, s, m, h. Returns null when the text is not of that form or a number is 0.
 */
export function parseRateLimit(text: string): RateLimit | null {
  const match = rateLimitPattern.exec(text.trim());
  if (match === null) return null;
  const requests = Number(match[1]);
  const intervalMs = Number(match[2]) * unitMs[match[3] as keyof typeof unitMs];
  if (requests < 1 || intervalMs < 1 || !Number.isSafeInteger(intervalMs)) return null;
  return { requests, intervalMs };
}
