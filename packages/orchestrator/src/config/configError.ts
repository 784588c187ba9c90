/** A setting is invalid; `setting` names it and the message says what is expected. */
export class ConfigError extends Error {
  readonly code = 'invalid_config' as const;
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}
