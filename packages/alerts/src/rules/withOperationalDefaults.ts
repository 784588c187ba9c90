import type { AlertRule, ChannelName } from './alertRule.js';

/** The cooldown of the built-in rules: `0s`, i.e. at most one event per as-of date while it holds. */
const everyNight = { cooldown: '0s', cooldownSeconds: 0 } as const;

/**
 * `rules` plus built-in operational rules for the kinds the file does not cover, so a
 * blocked run or a missed deadline reaches a person even with no rules file:
 * `builtin.run_blocked` (critical) and `builtin.deadline_missed` (warning), scope `all`,
 * cooldown `0s`, on `channels` (normally every configured channel).
 */
export function withOperationalDefaults(
  rules: readonly AlertRule[],
  channels: readonly ChannelName[],
): AlertRule[] {
  const covered = new Set(rules.map((r) => r.kind));
  const common = { scope: 'all', channels: [...channels], enabled: true, ...everyNight };
  const defaults: AlertRule[] = [];
  if (!covered.has('run_blocked')) {
    defaults.push({
      ...common,
      id: 'builtin.run_blocked',
      kind: 'run_blocked',
      severity: 'critical',
      description: 'Built in: the rules file has no run_blocked rule.',
    });
  }
  if (!covered.has('deadline_missed')) {
    defaults.push({
      ...common,
      id: 'builtin.deadline_missed',
      kind: 'deadline_missed',
      severity: 'warning',
      description: 'Built in: the rules file has no deadline_missed rule.',
    });
  }
  return [...rules, ...defaults];
}
