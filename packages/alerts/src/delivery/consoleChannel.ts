import type { StoredAlertEvent } from '../events/alertEvent.js';
import type { AlertChannel, SendOutcome } from './alertChannel.js';

/** Anything with a `write(text)`: `process.stdout`, a stream, a test buffer. */
export interface LineSink {
  write(text: string): unknown;
}

/**
 * The console channel: one readable line per event,
 * `ALERT <SEVERITY> <as-of> <rule id> <subject>: <message> [key <first 12 hex>]`.
 */
export function consoleChannel(sink: LineSink): AlertChannel {
  return {
    name: 'console',
    async send(event: StoredAlertEvent): Promise<SendOutcome> {
      sink.write(
        `ALERT ${event.severity.toUpperCase()} ${event.asOf} ${event.ruleId} ${event.subject}: ${event.message} [key ${event.idempotencyKey.slice(0, 12)}]\n`,
      );
      return { ok: true, httpStatus: null };
    },
  };
}
