/** Every kind of alert rule (docs/ALERTS.md). */
export const alertKinds = [
  'metric',
  'price_move',
  'regime_change',
  'news',
  'run_blocked',
  'deadline_missed',
  'pack_stale',
] as const;
/** One of {@link alertKinds}. */
export type AlertKind = (typeof alertKinds)[number];

/** How urgent an alert is, least first. */
export const alertSeverities = ['info', 'warning', 'critical'] as const;
/** One of {@link alertSeverities}. */
export type AlertSeverity = (typeof alertSeverities)[number];

/** The delivery channels a rule can name. */
export const channelNames = ['webhook', 'outbox', 'console'] as const;
/** One of {@link channelNames}. */
export type ChannelName = (typeof channelNames)[number];

/** Operators of a metric rule: `value op threshold`. */
export const comparisonOps = ['>', '>=', '<', '<='] as const;
/** One of {@link comparisonOps}. */
export type ComparisonOp = (typeof comparisonOps)[number];

/** Which daily moves a price_move rule watches: rises, falls, or both. */
export const moveDirections = ['up', 'down', 'either'] as const;
/** One of {@link moveDirections}. */
export type MoveDirection = (typeof moveDirections)[number];

/** The scope that means "every portfolio" (or, for global kinds, the whole platform). */
export const allScope = 'all';

/** Fields every rule has. `scope` is `"all"` or one portfolio id. */
interface AlertRuleCommon {
  readonly id: string;
  readonly scope: string;
  readonly severity: AlertSeverity;
  readonly channels: readonly ChannelName[];
  /** The cooldown as written in the rules file, e.g. `"7d"`. */
  readonly cooldown: string;
  /** The same cooldown in seconds of as-of time (see docs/ALERTS.md). */
  readonly cooldownSeconds: number;
  readonly enabled: boolean;
  readonly description: string | null;
}

/** `metric op threshold`, per portfolio, on any metric by its export name (e.g. `volatility.1Y`). */
export interface MetricRule extends AlertRuleCommon {
  readonly kind: 'metric';
  readonly metric: string;
  readonly op: ComparisonOp;
  readonly threshold: number;
}

/** A held security's daily move (a fraction: 0.05 = 5 %) beyond `threshold` in `direction`. */
export interface PriceMoveRule extends AlertRuleCommon {
  readonly kind: 'price_move';
  readonly threshold: number;
  readonly direction: MoveDirection;
}

/** The detected macro regime differs from the previous day's. */
export interface RegimeChangeRule extends AlertRuleCommon {
  readonly kind: 'regime_change';
}

/** News about a held security; with `keywords`, only headlines containing one of them (case-insensitive). */
export interface NewsRule extends AlertRuleCommon {
  readonly kind: 'news';
  readonly keywords: readonly string[];
}

/** A pipeline run was blocked (a step failed and later steps did not run). */
export interface RunBlockedRule extends AlertRuleCommon {
  readonly kind: 'run_blocked';
}

/** A run missed one of its deadlines (pack built by 00:15, run finished within 30 minutes). */
export interface DeadlineMissedRule extends AlertRuleCommon {
  readonly kind: 'deadline_missed';
}

/** The newest fresh pack became fresh more than `maxAgeHours` ago (or there is none). */
export interface PackStaleRule extends AlertRuleCommon {
  readonly kind: 'pack_stale';
  readonly maxAgeHours: number;
}

/** One validated alert rule. */
export type AlertRule =
  | MetricRule
  | PriceMoveRule
  | RegimeChangeRule
  | NewsRule
  | RunBlockedRule
  | DeadlineMissedRule
  | PackStaleRule;
