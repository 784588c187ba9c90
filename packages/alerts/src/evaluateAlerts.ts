import type { Condition, UnknownCondition } from './conditions/condition.js';
import { evaluateConditions } from './conditions/evaluateConditions.js';
import { advanceEpisode } from './dedupe/advanceEpisode.js';
import { asOfSeconds } from './dedupe/asOfSeconds.js';
import { type EpisodeState, stateKey } from './dedupe/episodeState.js';
import { type AlertEvent, buildAlertEvent } from './events/alertEvent.js';
import type { NightFacts } from './facts/nightFacts.js';
import type { AlertRule } from './rules/alertRule.js';
import type { AlertStore } from './store/alertStore.js';

/** What one evaluation did. */
export interface AlertEvaluation {
  readonly asOf: string;
  readonly conditions: readonly Condition[];
  /** Events recorded by this evaluation. */
  readonly fired: readonly AlertEvent[];
  /** Events this evaluation produced that were already recorded (a re-run of the same night). */
  readonly alreadyRecorded: readonly AlertEvent[];
  /** Conditions that could not be evaluated, with their reasons. */
  readonly unknown: readonly UnknownCondition[];
}

/**
 * Evaluates `rules` on one night's `facts` and records what fires (pipeline step 7, and the
 * orchestrator's operational alerts). Dedupe starts from the states of the latest night
 * strictly before `facts.asOf`, so evaluating the same night again — a `--force` re-run, a
 * backfill, a resumed run — produces the same events with the same idempotency keys and
 * records nothing twice. Events are inserted before the night's states are saved: a crash
 * in between is repaired by the next evaluation of that night. Delivery is separate
 * (`deliverPending`).
 */
export async function evaluateAlerts(input: {
  readonly rules: readonly AlertRule[];
  readonly facts: NightFacts;
  readonly store: AlertStore;
  /** Stamps `createdAt` of new events. Default `new Date()`. */
  readonly now?: Date;
}): Promise<AlertEvaluation> {
  const { rules, facts, store } = input;
  asOfSeconds(facts.asOf); // rejects a malformed date before anything is recorded
  const conditions = evaluateConditions(rules, facts);
  const previous = await store.loadStatesBefore(facts.asOf);
  const rulesById = new Map(rules.map((r) => [r.id, r]));
  const states: EpisodeState[] = [];
  const fired: AlertEvent[] = [];
  const alreadyRecorded: AlertEvent[] = [];
  const now = input.now ?? new Date();
  for (const condition of conditions) {
    const rule = rulesById.get(condition.ruleId);
    if (rule === undefined) continue;
    const prior = previous.get(stateKey(condition.ruleId, condition.scopeKey));
    const { state, firing } = advanceEpisode(prior, condition, rule.cooldownSeconds, facts.asOf);
    states.push(state);
    if (firing === null || condition.holds !== true) continue;
    const event = buildAlertEvent(rule, condition, firing, facts);
    ((await store.insertEvent(event, now)) ? fired : alreadyRecorded).push(event);
  }
  await store.saveStates(states);
  return {
    asOf: facts.asOf,
    conditions,
    fired,
    alreadyRecorded,
    unknown: conditions.filter((c): c is UnknownCondition => c.holds === null),
  };
}
