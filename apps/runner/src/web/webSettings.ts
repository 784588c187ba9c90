import { UsageError } from '../cli/usageError.js';
import { isLoopbackHost } from './accessToken.js';

/** The settings of the web pages and the read API (`serve`). */
export interface WebSettings {
  /**
   * HTTP_ACCESS_TOKEN: the token every page and API request must present (see
   * `isAuthorized`); null = none. Required, at least 16 characters, when HTTP_HOST is not
   * a loopback address.
   */
  readonly accessToken: string | null;
}

/** Shortest token accepted: 16 characters (e.g. `openssl rand -hex 16` gives 32). */
export const minimumTokenLength = 16;

/**
 * Reads {@link WebSettings} for a server listening on `host`; a missing token on a
 * non-loopback address, or a short one, is a {@link UsageError} naming the setting (the
 * token's value is never printed).
 */
export function webSettings(
  env: Readonly<Record<string, string | undefined>>,
  host: string,
): WebSettings {
  const token = (env['HTTP_ACCESS_TOKEN'] ?? '').trim();
  if (token === '') {
    if (!isLoopbackHost(host)) {
      throw new UsageError(
        `HTTP_HOST=${host} is reachable from other machines: set HTTP_ACCESS_TOKEN (at least ${minimumTokenLength} characters) so the pages and the read API require it`,
      );
    }
    return { accessToken: null };
  }
  if (token.length < minimumTokenLength) {
    throw new UsageError(
      `HTTP_ACCESS_TOKEN must be at least ${minimumTokenLength} characters (it has ${token.length})`,
    );
  }
  return { accessToken: token };
}
