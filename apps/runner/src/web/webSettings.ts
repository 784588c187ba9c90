import { minimumSecretLength, type CheckedSettings } from '@truth-spine/orchestrator';
import { UsageError } from '../cli/usageError.js';
import { isLoopbackHost } from './accessToken.js';

/** The settings of the web pages and the read API (`serve`). */
export interface WebSettings {
  /**
   * HTTP_ACCESS_TOKEN: the token every page and API request must present (see
   * `isAuthorized`); null = none. Required, at least {@link minimumSecretLength} characters, when HTTP_HOST is not
   * a loopback address.
   */
  readonly accessToken: string | null;
}

/**
 * {@link WebSettings} from the checked settings (the setting catalog has already refused a
 * token shorter than {@link minimumSecretLength}, without printing it): a missing token on a
 * non-loopback HTTP_HOST is a {@link UsageError} naming both settings.
 */
export function webSettings(
  settings: Pick<CheckedSettings, 'HTTP_ACCESS_TOKEN' | 'HTTP_HOST'>,
): WebSettings {
  const token = settings.HTTP_ACCESS_TOKEN;
  const host = settings.HTTP_HOST;
  if (token === null) {
    if (!isLoopbackHost(host)) {
      throw new UsageError(
        `HTTP_HOST=${host} is reachable from other machines: set HTTP_ACCESS_TOKEN (at least ${minimumSecretLength} characters) so the pages and the read API require it`,
      );
    }
    return { accessToken: null };
  }
  return { accessToken: token };
}
