import { UsageError } from '../cli/usageError.js';

/** The settings only `serve` reads (the pipeline's own come from `loadConfig`). */
export interface ServeSettings {
  /** HTTP_HOST: the address the endpoints listen on (default 127.0.0.1; 0.0.0.0 for all). */
  readonly host: string;
  /** HTTP_PORT (default 8080; 0 = any free port, logged). */
  readonly port: number;
  /** SHUTDOWN_GRACE_SECONDS: how long shutdown waits for the interrupted run to settle (default 20). */
  readonly shutdownGraceMs: number;
}

/** Reads and validates {@link ServeSettings}; a bad value is a {@link UsageError} naming it. */
export function serveSettings(env: Readonly<Record<string, string | undefined>>): ServeSettings {
  const host = (env['HTTP_HOST'] ?? '').trim() || '127.0.0.1';
  return {
    host,
    port: integerSetting(env, 'HTTP_PORT', 8080, 0, 65_535),
    shutdownGraceMs: integerSetting(env, 'SHUTDOWN_GRACE_SECONDS', 20, 1, 3_600) * 1000,
  };
}

function integerSetting(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = (env[name] ?? '').trim();
  if (text === '') return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(
      `${name} must be an integer from ${min} to ${max} (was ${JSON.stringify(text)})`,
    );
  }
  return value;
}
