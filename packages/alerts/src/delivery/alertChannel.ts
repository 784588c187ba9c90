import type { StoredAlertEvent } from '../events/alertEvent.js';
import type { ChannelName } from '../rules/alertRule.js';

/** What one send returned. `retryable` failures are tried again after a backoff. */
export type SendOutcome =
  | { readonly ok: true; readonly httpStatus: number | null }
  | {
      readonly ok: false;
      readonly retryable: boolean;
      readonly httpStatus: number | null;
      readonly error: string;
    };

/**
 * A way to deliver an event. `send` must be safe to call again for the same event (the
 * webhook re-sends with the same `Idempotency-Key`; the outbox skips a key it already holds)
 * and must never put a secret into `error`.
 */
export interface AlertChannel {
  readonly name: ChannelName;
  send(event: StoredAlertEvent): Promise<SendOutcome>;
}

/** The configured channels by name; a name missing here is "not configured". */
export type AlertChannels = Partial<Record<ChannelName, AlertChannel>>;
