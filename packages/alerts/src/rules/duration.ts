/** Seconds per unit of a rule duration: `s`econds, `m`inutes, `h`ours, `d`ays, `w`eeks. */
const secondsPerUnit = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 } as const;

/** The form every rule duration takes: a whole number and one unit, e.g. `7d`, `12h`, `0s`. */
export const durationPattern = /^(\d{1,6})([smhdw])$/;

/**
 * Seconds in a rule duration such as `"7d"` (604 800) or `"12h"` (43 200):
 * `seconds = n × secondsPerUnit[unit]`. Returns `null` when `text` does not match
 * {@link durationPattern} (callers validate first and report the field).
 */
export function durationSeconds(text: string): number | null {
  const match = durationPattern.exec(text);
  if (match === null) return null;
  const [, count, unit] = match as unknown as [string, string, keyof typeof secondsPerUnit];
  return Number(count) * secondsPerUnit[unit];
}
