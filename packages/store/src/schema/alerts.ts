import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { day, instant } from './columnTypes.js';

/** Alerts: the rules, the fired events, the per-rule dedupe state and the deliveries. */

export const alertRules = pgTable('alert_rules', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  scope: jsonb('scope').notNull(),
  params: jsonb('params').notNull(),
  severity: text('severity', { enum: ['info', 'warning', 'critical'] }).notNull(),
  channels: jsonb('channels').notNull(),
  cooldownSeconds: integer('cooldown_seconds').notNull(),
  enabled: boolean('enabled').notNull().default(true),
});

/** A fired alert; `idempotency_key` makes re-evaluation and re-runs never duplicate it. */
export const alertEvents = pgTable(
  'alert_events',
  {
    id: serial('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique('alert_events_idempotency_key'),
    /** The rule's id from the rules file or a built-in operational rule; null for engine events. */
    ruleId: text('rule_id'),
    scopeKey: text('scope_key'),
    episodeStart: day('episode_start'),
    firing: integer('firing'),
    /** Channels the rule named when it fired. */
    channels: jsonb('channels'),
    kind: text('kind').notNull(),
    severity: text('severity', { enum: ['info', 'warning', 'critical'] }).notNull(),
    runId: text('run_id'),
    packId: text('pack_id'),
    asOf: day('as_of'),
    subject: text('subject'),
    message: text('message').notNull(),
    details: jsonb('details'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('alert_events_kind_created').on(t.kind, t.createdAt)],
);

/**
 * The dedupe state of one rule for one scope key (portfolio, symbol, …) after the night
 * `as_of`. Evaluating night D starts from the latest row with `as_of < D`, so re-running D
 * (force, backfill, resume) reproduces the same events (packages/alerts/docs/ALERTS.md).
 */
export const alertStates = pgTable(
  'alert_states',
  {
    ruleId: text('rule_id').notNull(),
    scopeKey: text('scope_key').notNull(),
    asOf: day('as_of').notNull(),
    /** Whether the condition held that night; null when it could not be evaluated. */
    lastHolds: boolean('last_holds'),
    active: boolean('active').notNull(),
    episodeStart: day('episode_start'),
    firings: integer('firings').notNull().default(0),
    lastFiredAsOf: day('last_fired_as_of'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.scopeKey, t.asOf] })],
);

/** The one successful delivery of an event on a channel (inserted ON CONFLICT DO NOTHING). */
export const alertChannelDeliveries = pgTable(
  'alert_channel_deliveries',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => alertEvents.id),
    channel: text('channel').notNull(),
    deliveredAt: instant('delivered_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.channel] })],
);

/** Every delivery attempt of an event on a channel; `attempting` is written before sending. */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: serial('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => alertEvents.id),
    channel: text('channel').notNull(),
    attempt: integer('attempt').notNull(),
    status: text('status', { enum: ['attempting', 'delivered', 'failed'] }).notNull(),
    httpStatus: integer('http_status'),
    error: text('error'),
    startedAt: instant('started_at').notNull().defaultNow(),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    unique('alert_deliveries_attempt').on(t.eventId, t.channel, t.attempt),
    // At most one successful delivery per (event, channel).
    uniqueIndex('alert_deliveries_delivered_once')
      .on(t.eventId, t.channel)
      .where(sql`${t.status} = 'delivered'`),
  ],
);
