import type { AlertRule } from '../rules/alertRule.js';
import { parseAlertRules } from '../rules/parseAlertRules.js';

/**
 * Test helper: rules written as rules-file JSON objects, validated by the real parser.
 * `severity`, `channels` and `cooldown` default to `info`, `["console"]`, `"1d"`.
 */
export function rulesFrom(rules: readonly Record<string, unknown>[]): AlertRule[] {
  const withDefaults = rules.map((r) => ({
    severity: 'info',
    channels: ['console'],
    cooldown: '1d',
    ...r,
  }));
  return parseAlertRules(JSON.stringify({ rules: withDefaults }), 'test-rules.json');
}

/** Test helper: the single rule of {@link rulesFrom}, narrowed to its kind. */
export function ruleFrom<K extends AlertRule['kind']>(
  rule: Record<string, unknown> & { kind: K },
): Extract<AlertRule, { kind: K }> {
  return rulesFrom([rule])[0] as Extract<AlertRule, { kind: K }>;
}
