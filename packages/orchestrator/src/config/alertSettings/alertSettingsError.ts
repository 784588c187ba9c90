/** An alert setting (environment variable) is unusable. The message names the setting, never a secret's value. */
export class AlertSettingsError extends Error {
  readonly code = 'alert_settings_invalid' as const;
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`${setting} ${problem}`);
    this.name = 'AlertSettingsError';
  }
}
