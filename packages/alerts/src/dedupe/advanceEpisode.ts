import type { Condition } from '../conditions/condition.js';
import { asOfSeconds } from './asOfSeconds.js';
import type { EpisodeState } from './episodeState.js';

/** An event to fire: the `firing`-th of the episode that started on `episodeStart`. */
export interface Firing {
  readonly episodeStart: string;
  readonly firing: number;
}

/**
 * The dedupe state machine (pure). From the state after the previous evaluated night
 * (`undefined` for none) and tonight's condition:
 * - true, not in an episode → a new episode starts tonight and fires (firing 1);
 * - true, in an episode → fires again (firing n+1) only when
 *   `asOfSeconds(asOf) − asOfSeconds(lastFiredAsOf) ≥ cooldownSeconds`;
 * - false → the episode ends (a later true starts a new one, with a new event);
 * - unknown (null) → nothing fires and the episode neither ends nor starts.
 */
export function advanceEpisode(
  previous: EpisodeState | undefined,
  condition: Condition,
  cooldownSeconds: number,
  asOf: string,
): { state: EpisodeState; firing: Firing | null } {
  const key = {
    ruleId: condition.ruleId,
    scopeKey: condition.scopeKey,
    asOf,
    lastHolds: condition.holds,
  };
  const inactive = { active: false, episodeStart: null, firings: 0, lastFiredAsOf: null };
  if (condition.holds === null) {
    return { state: { ...inactive, ...previous, ...key }, firing: null };
  }
  if (condition.holds === false) {
    return { state: { ...key, ...inactive }, firing: null };
  }
  if (previous === undefined || !previous.active || previous.episodeStart === null) {
    return {
      state: { ...key, active: true, episodeStart: asOf, firings: 1, lastFiredAsOf: asOf },
      firing: { episodeStart: asOf, firing: 1 },
    };
  }
  const sinceLastFiring =
    previous.lastFiredAsOf === null
      ? Infinity
      : asOfSeconds(asOf) - asOfSeconds(previous.lastFiredAsOf);
  if (sinceLastFiring < cooldownSeconds) {
    return { state: { ...previous, ...key }, firing: null };
  }
  const firing = previous.firings + 1;
  return {
    state: {
      ...key,
      active: true,
      episodeStart: previous.episodeStart,
      firings: firing,
      lastFiredAsOf: asOf,
    },
    firing: { episodeStart: previous.episodeStart, firing },
  };
}
