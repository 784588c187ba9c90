import type { JsonObject } from '../events/json.js';

/** Identifies what a condition is about: one rule applied to one scope (a portfolio, a security, …). */
interface ConditionKey {
  readonly ruleId: string;
  /** Stable within the rule: a portfolio id, a security symbol, `regime`, `pipeline`, a deadline name. */
  readonly scopeKey: string;
}

/** The rule's condition holds tonight; `message` is the sentence a person will read. */
export interface HoldingCondition extends ConditionKey {
  readonly holds: true;
  readonly subject: string;
  readonly message: string;
  readonly details: JsonObject;
}

/** The rule's condition does not hold tonight. */
export interface ClearCondition extends ConditionKey {
  readonly holds: false;
}

/** The condition cannot be evaluated (e.g. the metric is null); never treated as false or 0. */
export interface UnknownCondition extends ConditionKey {
  readonly holds: null;
  readonly reason: string;
}

/** The state of one rule for one scope on one night. */
export type Condition = HoldingCondition | ClearCondition | UnknownCondition;
