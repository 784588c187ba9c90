import type { EpisodeState } from '../dedupe/episodeState.js';
import type { AlertEvent, StoredAlertEvent } from '../events/alertEvent.js';
import type { ChannelName } from '../rules/alertRule.js';

/** One try at delivering an event on a channel. `attempting` = started, outcome never recorded (the process died). */
export interface DeliveryAttempt {
  readonly eventKey: string;
  readonly channel: ChannelName;
  /** 1, 2, … per (event, channel), continuing across runs and replays. */
  readonly attempt: number;
  readonly status: 'attempting' | 'delivered' | 'failed';
  readonly httpStatus: number | null;
  readonly error: string | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

/** A delivery that failed for good; `replayedAt` is set when someone replays it. */
export interface AlertDeadLetter {
  readonly id: number;
  readonly eventKey: string;
  readonly channel: ChannelName;
  /** Attempts made before giving up (0 when the channel is not configured). */
  readonly attempts: number;
  readonly httpStatus: number | null;
  readonly error: string;
  readonly createdAt: string;
  readonly replayedAt: string | null;
}

/** An (event, channel) pair not yet delivered and not parked in an open dead letter. */
export interface PendingDelivery {
  readonly event: StoredAlertEvent;
  readonly channel: ChannelName;
  /** The highest attempt number recorded so far for the pair (0 for none). */
  readonly lastAttempt: number;
}

/**
 * Where alert state, events and deliveries persist. The alert module only talks to this
 * interface; `MemoryAlertStore` serves tests, the database implementation the pipeline.
 * Every method is atomic on its own; none needs a transaction across calls.
 */
export interface AlertStore {
  /** For each (rule, scope): its state from the latest as-of date strictly before `asOf`. Keyed by `stateKey`. */
  loadStatesBefore(asOf: string): Promise<ReadonlyMap<string, EpisodeState>>;
  /** Upserts each state at its (rule, scope, as-of date). */
  saveStates(states: readonly EpisodeState[]): Promise<void>;
  /** Inserts the event unless its idempotency key exists; true when inserted. */
  insertEvent(event: AlertEvent, at: Date): Promise<boolean>;
  /** Every event, oldest first. */
  listEvents(): Promise<readonly StoredAlertEvent[]>;
  /** Pairs (event, channel in `event.channels`) not delivered and without an open dead letter, oldest event first. */
  listPendingDeliveries(): Promise<readonly PendingDelivery[]>;
  /** Records an attempt as `attempting` before anything is sent. */
  recordAttemptStarted(attempt: {
    eventKey: string;
    channel: ChannelName;
    attempt: number;
    startedAt: Date;
  }): Promise<void>;
  /** Records the outcome of an attempt started with {@link recordAttemptStarted}. */
  recordAttemptFinished(outcome: {
    eventKey: string;
    channel: ChannelName;
    attempt: number;
    status: 'delivered' | 'failed';
    httpStatus: number | null;
    error: string | null;
    finishedAt: Date;
  }): Promise<void>;
  /** Marks (event, channel) delivered; true only for the call that marked it (at most once). */
  markDelivered(eventKey: string, channel: ChannelName, at: Date): Promise<boolean>;
  /** Attempts, of one event or all, in the order they were started. */
  listAttempts(eventKey?: string): Promise<readonly DeliveryAttempt[]>;
  /** (event, channel) pairs marked delivered, with when. */
  listDelivered(): Promise<
    readonly { eventKey: string; channel: ChannelName; deliveredAt: string }[]
  >;
  /** Parks a delivery that failed for good. */
  writeDeadLetter(letter: {
    eventKey: string;
    channel: ChannelName;
    attempts: number;
    httpStatus: number | null;
    error: string;
    at: Date;
  }): Promise<AlertDeadLetter>;
  /** All dead letters, oldest first. */
  listDeadLetters(): Promise<readonly AlertDeadLetter[]>;
  /**
   * Sets `replayedAt` on an open dead letter so its pair is pending again, and returns that
   * pair; null when the letter does not exist or was already replayed.
   */
  reopenDeadLetter(id: number, at: Date): Promise<PendingDelivery | null>;
}
