import { type EpisodeState, stateKey } from '../dedupe/episodeState.js';
import type { AlertEvent, StoredAlertEvent } from '../events/alertEvent.js';
import type { ChannelName } from '../rules/alertRule.js';
import type {
  AlertDeadLetter,
  AlertStore,
  DeliveryAttempt,
  PendingDelivery,
} from './alertStore.js';

/** An {@link AlertStore} in memory, for tests and single-process experiments. */
export class MemoryAlertStore implements AlertStore {
  /** stateKey → asOf → state. */
  readonly #states = new Map<string, Map<string, EpisodeState>>();
  readonly #events: StoredAlertEvent[] = [];
  readonly #eventKeys = new Set<string>();
  readonly #attempts: DeliveryAttempt[] = [];
  readonly #delivered = new Map<
    string,
    { eventKey: string; channel: ChannelName; deliveredAt: string }
  >();
  readonly #deadLetters: AlertDeadLetter[] = [];

  async loadStatesBefore(asOf: string): Promise<ReadonlyMap<string, EpisodeState>> {
    const latest = new Map<string, EpisodeState>();
    for (const [key, byDate] of this.#states) {
      let best: EpisodeState | undefined;
      for (const state of byDate.values()) {
        if (state.asOf < asOf && (best === undefined || state.asOf > best.asOf)) best = state;
      }
      if (best !== undefined) latest.set(key, best);
    }
    return latest;
  }

  async saveStates(states: readonly EpisodeState[]): Promise<void> {
    for (const state of states) {
      const key = stateKey(state.ruleId, state.scopeKey);
      const byDate = this.#states.get(key) ?? new Map<string, EpisodeState>();
      byDate.set(state.asOf, state);
      this.#states.set(key, byDate);
    }
  }

  async insertEvent(event: AlertEvent, at: Date): Promise<boolean> {
    if (this.#eventKeys.has(event.idempotencyKey)) return false;
    this.#eventKeys.add(event.idempotencyKey);
    this.#events.push({ ...event, createdAt: at.toISOString() });
    return true;
  }

  async listEvents(): Promise<readonly StoredAlertEvent[]> {
    return [...this.#events];
  }

  async listPendingDeliveries(): Promise<readonly PendingDelivery[]> {
    const parked = new Set(
      this.#deadLetters
        .filter((d) => d.replayedAt === null)
        .map((d) => pairKey(d.eventKey, d.channel)),
    );
    return this.#events.flatMap((event) =>
      event.channels
        .filter((channel) => {
          const pair = pairKey(event.idempotencyKey, channel);
          return !this.#delivered.has(pair) && !parked.has(pair);
        })
        .map((channel) => ({
          event,
          channel,
          lastAttempt: this.#lastAttempt(event.idempotencyKey, channel),
        })),
    );
  }

  async recordAttemptStarted(attempt: {
    eventKey: string;
    channel: ChannelName;
    attempt: number;
    startedAt: Date;
  }): Promise<void> {
    this.#attempts.push({
      eventKey: attempt.eventKey,
      channel: attempt.channel,
      attempt: attempt.attempt,
      status: 'attempting',
      httpStatus: null,
      error: null,
      startedAt: attempt.startedAt.toISOString(),
      finishedAt: null,
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
    const index = this.#attempts.findIndex(
      (a) =>
        a.eventKey === outcome.eventKey &&
        a.channel === outcome.channel &&
        a.attempt === outcome.attempt,
    );
    const started = this.#attempts[index];
    if (started === undefined) {
      throw new Error(
        `no started attempt ${outcome.attempt} for ${outcome.eventKey}/${outcome.channel}`,
      );
    }
    this.#attempts[index] = {
      ...started,
      status: outcome.status,
      httpStatus: outcome.httpStatus,
      error: outcome.error,
      finishedAt: outcome.finishedAt.toISOString(),
    };
  }

  async markDelivered(eventKey: string, channel: ChannelName, at: Date): Promise<boolean> {
    const pair = pairKey(eventKey, channel);
    if (this.#delivered.has(pair)) return false;
    this.#delivered.set(pair, { eventKey, channel, deliveredAt: at.toISOString() });
    return true;
  }

  async listAttempts(eventKey?: string): Promise<readonly DeliveryAttempt[]> {
    return this.#attempts.filter((a) => eventKey === undefined || a.eventKey === eventKey);
  }

  async listDelivered(): Promise<
    readonly { eventKey: string; channel: ChannelName; deliveredAt: string }[]
  > {
    return [...this.#delivered.values()];
  }

  async writeDeadLetter(letter: {
    eventKey: string;
    channel: ChannelName;
    attempts: number;
    httpStatus: number | null;
    error: string;
    at: Date;
  }): Promise<AlertDeadLetter> {
    const stored: AlertDeadLetter = {
      id: this.#deadLetters.length + 1,
      eventKey: letter.eventKey,
      channel: letter.channel,
      attempts: letter.attempts,
      httpStatus: letter.httpStatus,
      error: letter.error,
      createdAt: letter.at.toISOString(),
      replayedAt: null,
    };
    this.#deadLetters.push(stored);
    return stored;
  }

  async listDeadLetters(): Promise<readonly AlertDeadLetter[]> {
    return [...this.#deadLetters];
  }

  async reopenDeadLetter(id: number, at: Date): Promise<PendingDelivery | null> {
    const index = this.#deadLetters.findIndex((d) => d.id === id);
    const letter = this.#deadLetters[index];
    if (letter === undefined || letter.replayedAt !== null) return null;
    this.#deadLetters[index] = { ...letter, replayedAt: at.toISOString() };
    const event = this.#events.find((e) => e.idempotencyKey === letter.eventKey);
    if (event === undefined) return null;
    return {
      event,
      channel: letter.channel,
      lastAttempt: this.#lastAttempt(letter.eventKey, letter.channel),
    };
  }

  #lastAttempt(eventKey: string, channel: ChannelName): number {
    let last = 0;
    for (const a of this.#attempts) {
      if (a.eventKey === eventKey && a.channel === channel && a.attempt > last) last = a.attempt;
    }
    return last;
  }
}

function pairKey(eventKey: string, channel: ChannelName): string {
  return `${eventKey}/${channel}`;
}
