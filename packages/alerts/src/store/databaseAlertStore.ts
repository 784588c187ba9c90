import { and, asc, desc, eq, isNotNull, isNull, lt, max, sql } from 'drizzle-orm';
import type { Database } from '@truth-spine/store';
import {
  alertChannelDeliveries,
  alertDeliveries,
  alertEvents,
  alertStates,
  deadLetters,
} from '@truth-spine/store/schema';
import { type EpisodeState, stateKey } from '../dedupe/episodeState.js';
import type { AlertEvent, StoredAlertEvent } from '../events/alertEvent.js';
import type { JsonObject } from '../events/json.js';
import type { AlertKind, AlertSeverity, ChannelName } from '../rules/alertRule.js';
import type {
  AlertDeadLetter,
  AlertStore,
  DeliveryAttempt,
  PendingDelivery,
} from './alertStore.js';

/** The `dead_letters.kind` of a parked alert delivery. */
export const alertDeliveryDeadLetterKind = 'alert_delivery';

type EventRow = typeof alertEvents.$inferSelect;

/**
 * The pipeline's {@link AlertStore} on the database (tables in packages/store/docs/SCHEMA.md): states in
 * `alert_states`, events in `alert_events`, attempts in `alert_deliveries`, the one delivery
 * per (event, channel) in `alert_channel_deliveries`, dead letters in `dead_letters` with
 * kind {@link alertDeliveryDeadLetterKind} (payload `{ eventKey, channel, httpStatus }`).
 *
 * Only rule events are alert events here: rows the engine records itself
 * (`pipeline/operationalAlert.ts`, `rule_id` null, key `<kind>:<run_id>`) are the run's own
 * record and are neither listed nor delivered; the same facts reach people through the
 * operational rules (`deliverOperationalAlerts`), so each is delivered once, with rule
 * dedupe and channels. Every method is one statement or an idempotent pair, so no method
 * needs a transaction.
 */
export class DatabaseAlertStore implements AlertStore {
  constructor(private readonly db: Database) {}

  async loadStatesBefore(asOf: string): Promise<ReadonlyMap<string, EpisodeState>> {
    const rows = await this.db.drizzle
      .selectDistinctOn([alertStates.ruleId, alertStates.scopeKey])
      .from(alertStates)
      .where(lt(alertStates.asOf, asOf))
      .orderBy(alertStates.ruleId, alertStates.scopeKey, desc(alertStates.asOf));
    return new Map(
      rows.map((row) => [
        stateKey(row.ruleId, row.scopeKey),
        {
          ruleId: row.ruleId,
          scopeKey: row.scopeKey,
          asOf: row.asOf,
          lastHolds: row.lastHolds,
          active: row.active,
          episodeStart: row.episodeStart,
          firings: row.firings,
          lastFiredAsOf: row.lastFiredAsOf,
        },
      ]),
    );
  }

  async saveStates(states: readonly EpisodeState[]): Promise<void> {
    if (states.length === 0) return;
    await this.db.drizzle
      .insert(alertStates)
      .values(states.map((state) => ({ ...state, updatedAt: new Date() })))
      .onConflictDoUpdate({
        target: [alertStates.ruleId, alertStates.scopeKey, alertStates.asOf],
        set: {
          lastHolds: sql`excluded.last_holds`,
          active: sql`excluded.active`,
          episodeStart: sql`excluded.episode_start`,
          firings: sql`excluded.firings`,
          lastFiredAsOf: sql`excluded.last_fired_as_of`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }

  async insertEvent(event: AlertEvent, at: Date): Promise<boolean> {
    const inserted = await this.db.drizzle
      .insert(alertEvents)
      .values({
        idempotencyKey: event.idempotencyKey,
        ruleId: event.ruleId,
        scopeKey: event.scopeKey,
        episodeStart: event.episodeStart,
        firing: event.firing,
        channels: [...event.channels],
        kind: event.kind,
        severity: event.severity,
        runId: event.runId,
        packId: event.packId,
        asOf: event.asOf,
        subject: event.subject,
        message: event.message,
        details: event.details,
        createdAt: at,
      })
      .onConflictDoNothing({ target: alertEvents.idempotencyKey })
      .returning({ id: alertEvents.id });
    return inserted.length > 0;
  }

  async listEvents(): Promise<readonly StoredAlertEvent[]> {
    const rows = await this.db.drizzle
      .select()
      .from(alertEvents)
      .where(isNotNull(alertEvents.ruleId))
      .orderBy(asc(alertEvents.id));
    return rows.map(storedEvent);
  }

  async listPendingDeliveries(): Promise<readonly PendingDelivery[]> {
    const [events, delivered, parked, attempts] = await Promise.all([
      this.listEvents(),
      this.listDelivered(),
      this.#openDeadLetters(),
      this.db.drizzle
        .select({
          eventKey: alertEvents.idempotencyKey,
          channel: alertDeliveries.channel,
          last: max(alertDeliveries.attempt),
        })
        .from(alertDeliveries)
        .innerJoin(alertEvents, eq(alertEvents.id, alertDeliveries.eventId))
        .groupBy(alertEvents.idempotencyKey, alertDeliveries.channel),
    ]);
    const done = new Set([
      ...delivered.map((d) => pairKey(d.eventKey, d.channel)),
      ...parked.map((d) => pairKey(d.eventKey, d.channel)),
    ]);
    const lastAttempt = new Map(attempts.map((a) => [pairKey(a.eventKey, a.channel), a.last ?? 0]));
    return events.flatMap((event) =>
      event.channels
        .filter((channel) => !done.has(pairKey(event.idempotencyKey, channel)))
        .map((channel) => ({
          event,
          channel,
          lastAttempt: lastAttempt.get(pairKey(event.idempotencyKey, channel)) ?? 0,
        })),
    );
  }

  async recordAttemptStarted(attempt: {
    eventKey: string;
    channel: ChannelName;
    attempt: number;
    startedAt: Date;
  }): Promise<void> {
    await this.db.drizzle.insert(alertDeliveries).values({
      eventId: await this.#eventId(attempt.eventKey),
      channel: attempt.channel,
      attempt: attempt.attempt,
      status: 'attempting',
      startedAt: attempt.startedAt,
    });
  }

  async recordAttemptFinished(outcome: {
    eventKey: string;
    channel: ChannelName;
    attempt: number;
    status: 'delivered' | 'failed';
    httpStatus: number | null;
    error: string | null;
    finishedAt: Date;
  }): Promise<void> {
    const updated = await this.db.drizzle
      .update(alertDeliveries)
      .set({
        status: outcome.status,
        httpStatus: outcome.httpStatus,
        error: outcome.error,
        finishedAt: outcome.finishedAt,
      })
      .where(
        and(
          eq(alertDeliveries.eventId, await this.#eventId(outcome.eventKey)),
          eq(alertDeliveries.channel, outcome.channel),
          eq(alertDeliveries.attempt, outcome.attempt),
        ),
      )
      .returning({ id: alertDeliveries.id });
    if (updated.length === 0) {
      throw new Error(
        `no started attempt ${outcome.attempt} for ${outcome.eventKey}/${outcome.channel}`,
      );
    }
  }

  async markDelivered(eventKey: string, channel: ChannelName, at: Date): Promise<boolean> {
    const inserted = await this.db.drizzle
      .insert(alertChannelDeliveries)
      .values({ eventId: await this.#eventId(eventKey), channel, deliveredAt: at })
      .onConflictDoNothing()
      .returning({ eventId: alertChannelDeliveries.eventId });
    return inserted.length > 0;
  }

  async listAttempts(eventKey?: string): Promise<readonly DeliveryAttempt[]> {
    const rows = await this.db.drizzle
      .select({ eventKey: alertEvents.idempotencyKey, attempt: alertDeliveries })
      .from(alertDeliveries)
      .innerJoin(alertEvents, eq(alertEvents.id, alertDeliveries.eventId))
      .where(eventKey === undefined ? undefined : eq(alertEvents.idempotencyKey, eventKey))
      .orderBy(asc(alertDeliveries.id));
    return rows.map(({ eventKey: key, attempt: a }) => ({
      eventKey: key,
      channel: a.channel as ChannelName,
      attempt: a.attempt,
      status: a.status,
      httpStatus: a.httpStatus,
      error: a.error,
      startedAt: a.startedAt.toISOString(),
      finishedAt: a.finishedAt?.toISOString() ?? null,
    }));
  }

  async listDelivered(): Promise<
    readonly { eventKey: string; channel: ChannelName; deliveredAt: string }[]
  > {
    const rows = await this.db.drizzle
      .select({
        eventKey: alertEvents.idempotencyKey,
        channel: alertChannelDeliveries.channel,
        deliveredAt: alertChannelDeliveries.deliveredAt,
      })
      .from(alertChannelDeliveries)
      .innerJoin(alertEvents, eq(alertEvents.id, alertChannelDeliveries.eventId))
      .orderBy(asc(alertChannelDeliveries.deliveredAt), asc(alertEvents.id));
    return rows.map((row) => ({
      eventKey: row.eventKey,
      channel: row.channel as ChannelName,
      deliveredAt: row.deliveredAt.toISOString(),
    }));
  }

  async writeDeadLetter(letter: {
    eventKey: string;
    channel: ChannelName;
    attempts: number;
    httpStatus: number | null;
    error: string;
    at: Date;
  }): Promise<AlertDeadLetter> {
    const event = await this.#event(letter.eventKey);
    const [row] = await this.db.drizzle
      .insert(deadLetters)
      .values({
        kind: alertDeliveryDeadLetterKind,
        runId: null,
        step: 'evaluate_alerts',
        asOf: event.asOf,
        packId: event.packId,
        payload: {
          eventKey: letter.eventKey,
          channel: letter.channel,
          httpStatus: letter.httpStatus,
          runId: event.runId,
        },
        error: letter.error,
        attempts: letter.attempts,
        createdAt: letter.at,
      })
      .returning();
    if (row === undefined) throw new Error('dead letter insert returned no row');
    return deadLetter(row);
  }

  async listDeadLetters(): Promise<readonly AlertDeadLetter[]> {
    const rows = await this.db.drizzle
      .select()
      .from(deadLetters)
      .where(eq(deadLetters.kind, alertDeliveryDeadLetterKind))
      .orderBy(asc(deadLetters.id));
    return rows.map(deadLetter);
  }

  async reopenDeadLetter(id: number, at: Date): Promise<PendingDelivery | null> {
    const [row] = await this.db.drizzle
      .update(deadLetters)
      .set({ replayedAt: at, replayResult: 'reopened for delivery' })
      .where(
        and(
          eq(deadLetters.id, id),
          eq(deadLetters.kind, alertDeliveryDeadLetterKind),
          isNull(deadLetters.replayedAt),
        ),
      )
      .returning();
    if (row === undefined) return null;
    const letter = deadLetter(row);
    const [events, attempts] = await Promise.all([
      this.db.drizzle
        .select()
        .from(alertEvents)
        .where(eq(alertEvents.idempotencyKey, letter.eventKey)),
      this.listAttempts(letter.eventKey),
    ]);
    const event = events[0];
    if (event === undefined) return null;
    return {
      event: storedEvent(event),
      channel: letter.channel,
      lastAttempt: attempts
        .filter((a) => a.channel === letter.channel)
        .reduce((last, a) => Math.max(last, a.attempt), 0),
    };
  }

  async #openDeadLetters(): Promise<AlertDeadLetter[]> {
    const rows = await this.db.drizzle
      .select()
      .from(deadLetters)
      .where(
        and(eq(deadLetters.kind, alertDeliveryDeadLetterKind), isNull(deadLetters.replayedAt)),
      );
    return rows.map(deadLetter);
  }

  async #event(eventKey: string): Promise<EventRow> {
    const [row] = await this.db.drizzle
      .select()
      .from(alertEvents)
      .where(eq(alertEvents.idempotencyKey, eventKey));
    if (row === undefined) throw new Error(`no alert event with key ${eventKey}`);
    return row;
  }

  async #eventId(eventKey: string): Promise<number> {
    return (await this.#event(eventKey)).id;
  }
}

function storedEvent(row: EventRow): StoredAlertEvent {
  return {
    idempotencyKey: row.idempotencyKey,
    ruleId: row.ruleId ?? '',
    kind: row.kind as AlertKind,
    severity: row.severity as AlertSeverity,
    scopeKey: row.scopeKey ?? '',
    subject: row.subject ?? '',
    message: row.message,
    details: (row.details ?? {}) as JsonObject,
    asOf: row.asOf ?? '',
    packId: row.packId,
    runId: row.runId,
    episodeStart: row.episodeStart ?? '',
    firing: row.firing ?? 0,
    channels: (row.channels ?? []) as ChannelName[],
    createdAt: row.createdAt.toISOString(),
  };
}

function deadLetter(row: typeof deadLetters.$inferSelect): AlertDeadLetter {
  const payload = row.payload as {
    eventKey: string;
    channel: ChannelName;
    httpStatus: number | null;
  };
  return {
    id: row.id,
    eventKey: payload.eventKey,
    channel: payload.channel,
    attempts: row.attempts,
    httpStatus: payload.httpStatus,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    replayedAt: row.replayedAt?.toISOString() ?? null,
  };
}

function pairKey(eventKey: string, channel: string): string {
  return `${eventKey}/${channel}`;
}
