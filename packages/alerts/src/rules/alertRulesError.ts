/**
 * A rules file that cannot be used. `problems` holds one line per problem, each naming
 * the file, the rule (index and id) and the field, e.g.
 * `alerts.json: rules[2] ("vol-high").cooldown must be a duration like "7d" or "12h" (was "7 days")`.
 */
export class AlertRulesError extends Error {
  readonly code = 'alert_rules_invalid' as const;
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(
      problems.length === 1
        ? (problems[0] ?? '')
        : `${file}: ${problems.length} problems in the alert rules:\n${problems.join('\n')}`,
    );
    this.name = 'AlertRulesError';
  }
}
