import type { StoredAlertEvent } from '../events/alertEvent.js';
import { alertPayload } from '../events/alertPayload.js';
import type { AlertChannel, SendOutcome } from './alertChannel.js';
import { signatureHeader } from './signBody.js';

/** Where and how the webhook channel posts. */
export interface WebhookOptions {
  /** `ALERT_WEBHOOK_URL`. */
  readonly url: string;
  /** `ALERT_WEBHOOK_SECRET`; used only to sign, never written anywhere. */
  readonly secret: string;
  /** Per-request limit; a request that takes longer counts as a retryable failure. Default 10 s. */
  readonly timeoutMs?: number;
}

/**
 * The webhook channel: POSTs the event's JSON payload with headers
 * `Content-Type: application/json`, `X-Signature: sha256=<hex HMAC-SHA256(body, secret)>` and
 * `Idempotency-Key: <event key>` (the same on every re-send of the event).
 * 2xx → delivered; 5xx, timeouts and network errors → retryable; 3xx and 4xx → final.
 * Errors name the endpoint without credentials or query string, and never the secret.
 */
export function webhookChannel(options: WebhookOptions): AlertChannel {
  const endpoint = safeEndpoint(options.url);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const scrub = (text: string) =>
    options.secret === '' ? text : text.replaceAll(options.secret, '[redacted]');
  return {
    name: 'webhook',
    async send(event: StoredAlertEvent): Promise<SendOutcome> {
      const body = JSON.stringify(alertPayload(event));
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            'content-type': 'application/json',
            'x-signature': signatureHeader(body, options.secret),
            'idempotency-key': event.idempotencyKey,
            'user-agent': 'truth-spine-alerts/1',
          },
          body,
        });
      } catch (error) {
        return {
          ok: false,
          retryable: true,
          httpStatus: null,
          error: scrub(`webhook ${endpoint}: ${transportError(error, timeoutMs)}`),
        };
      }
      await response.body?.cancel();
      if (response.ok) return { ok: true, httpStatus: response.status };
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      return {
        ok: false,
        retryable: response.status >= 500,
        httpStatus: response.status,
        error: scrub(`webhook ${endpoint} answered ${status}`),
      };
    },
  };
}

/** `https://user:pw@host/hook?token=x` → `https://host/hook`: safe to log. */
function safeEndpoint(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** A short reason for a fetch that produced no response. */
function transportError(error: unknown, timeoutMs: number): string {
  if (
    error instanceof DOMException &&
    (error.name === 'TimeoutError' || error.name === 'AbortError')
  ) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (typeof cause?.code === 'string') return `network error (${cause.code})`;
  return `network error (${error instanceof Error ? error.message : String(error)})`;
}
