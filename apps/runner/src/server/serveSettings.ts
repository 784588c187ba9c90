import type { CheckedSettings } from '@truth-spine/orchestrator';

/** The settings only `serve` reads (the pipeline's own come from `loadConfig`). */
export interface ServeSettings {
  /** HTTP_HOST: the address the endpoints listen on (default 127.0.0.1; 0.0.0.0 for all). */
  readonly host: string;
  /** HTTP_PORT (default 8080; 0 = any free port, logged). */
  readonly port: number;
  /** SHUTDOWN_GRACE_SECONDS: how long shutdown waits for the interrupted run to settle (default 20). */
  readonly shutdownGraceMs: number;
}

/**
 * {@link ServeSettings} from the checked settings (the setting catalog validates each:
 * HTTP_PORT an integer from 0 to 65535, SHUTDOWN_GRACE_SECONDS from 1 to 3600).
 */
export function serveSettings(
  settings: Pick<CheckedSettings, 'HTTP_HOST' | 'HTTP_PORT' | 'SHUTDOWN_GRACE_SECONDS'>,
): ServeSettings {
  return {
    host: settings.HTTP_HOST,
    port: settings.HTTP_PORT,
    shutdownGraceMs: settings.SHUTDOWN_GRACE_SECONDS * 1000,
  };
}
