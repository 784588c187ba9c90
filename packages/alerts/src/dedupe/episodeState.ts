/**
 * What dedupe remembers about one rule in one scope after the evaluation of one as-of date.
 * An *episode* starts on the night the condition becomes true and ends on the first night
 * it is false; `firings` counts the events fired in it (1, then +1 after each cooldown).
 */
export interface EpisodeState {
  readonly ruleId: string;
  readonly scopeKey: string;
  /** The as-of date this state was computed for. */
  readonly asOf: string;
  /** The condition that night: true, false, or null when it could not be evaluated. */
  readonly lastHolds: boolean | null;
  /** In an episode: became true and has not been false since. */
  readonly active: boolean;
  /** As-of date the current episode started; null when not active. */
  readonly episodeStart: string | null;
  /** Events fired in the current episode; 0 when not active. */
  readonly firings: number;
  /** As-of date of the latest event of the current episode; null when not active. */
  readonly lastFiredAsOf: string | null;
}

/** The map key of a state: one per (rule id, scope key). */
export function stateKey(ruleId: string, scopeKey: string): string {
  return JSON.stringify([ruleId, scopeKey]);
}
