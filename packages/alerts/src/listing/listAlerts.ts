import type { StoredAlertEvent } from '../events/alertEvent.js';
import type { ChannelName } from '../rules/alertRule.js';
import type { AlertStore } from '../store/alertStore.js';

/** Where one event stands on one of its channels. */
export interface ChannelStatus {
  readonly channel: ChannelName;
  readonly status: 'delivered' | 'pending' | 'dead_lettered';
  readonly attempts: number;
  readonly deliveredAt: string | null;
  readonly lastError: string | null;
}

/** One event with the state of each of its channels (`npm run alerts -- list --json`). */
export interface AlertListing {
  readonly event: StoredAlertEvent;
  readonly channels: readonly ChannelStatus[];
}

/**
 * Every recorded event, oldest first, with per channel: delivered / pending / dead-lettered
 * (an open dead letter), the number of attempts and the last error.
 */
export async function listAlerts(store: AlertStore): Promise<AlertListing[]> {
  const [events, attempts, delivered, deadLetters] = await Promise.all([
    store.listEvents(),
    store.listAttempts(),
    store.listDelivered(),
    store.listDeadLetters(),
  ]);
  const pair = (eventKey: string, channel: string) => `${eventKey}/${channel}`;
  const deliveredAt = new Map(delivered.map((d) => [pair(d.eventKey, d.channel), d.deliveredAt]));
  const parked = new Set(
    deadLetters.filter((d) => d.replayedAt === null).map((d) => pair(d.eventKey, d.channel)),
  );
  return events.map((event) => ({
    event,
    channels: event.channels.map((channel): ChannelStatus => {
      const key = pair(event.idempotencyKey, channel);
      const tries = attempts.filter(
        (a) => a.eventKey === event.idempotencyKey && a.channel === channel,
      );
      const at = deliveredAt.get(key) ?? null;
      return {
        channel,
        status: at !== null ? 'delivered' : parked.has(key) ? 'dead_lettered' : 'pending',
        attempts: tries.length,
        deliveredAt: at,
        lastError: tries.findLast((a) => a.error !== null)?.error ?? null,
      };
    }),
  }));
}

/**
 * The listing as text, one line per event:
 * `<firedAt> <SEVERITY> <rule> <subject>: <message> | webhook delivered (2 attempts), outbox pending`.
 */
export function formatAlertListing(listing: readonly AlertListing[]): string {
  if (listing.length === 0) return 'no alerts recorded\n';
  return listing
    .map(({ event, channels }) => {
      const states = channels
        .map(
          (c) =>
            `${c.channel} ${c.status.replace('_', '-')} (${c.attempts} attempt${c.attempts === 1 ? '' : 's'})`,
        )
        .join(', ');
      return `${event.createdAt} ${event.severity.toUpperCase()} ${event.ruleId} ${event.subject}: ${event.message} | ${states}\n`;
    })
    .join('');
}
