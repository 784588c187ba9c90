/**
 * A provider setting is missing or invalid. `setting` is the environment variable name
 * (e.g. `POLYGON_BASE_URL`); the message says what is expected and never echoes a key.
 */
export class ProviderConfigError extends Error {
  readonly code = 'provider_config' as const;

  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`${setting}: ${problem}`);
    this.name = 'ProviderConfigError';
  }
}
