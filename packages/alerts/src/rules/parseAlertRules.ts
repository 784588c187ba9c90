import { type ArkError, type } from 'arktype';
import {
  type AlertRule,
  alertKinds,
  alertSeverities,
  allScope,
  channelNames,
  comparisonOps,
  moveDirections,
} from './alertRule.js';
import { AlertRulesError } from './alertRulesError.js';
import { durationPattern, durationSeconds } from './duration.js';

const commonFields = type({
  id: 'string > 0',
  kind: type.enumerated(...alertKinds),
  severity: type.enumerated(...alertSeverities),
  channels: type
    .enumerated(...channelNames)
    .array()
    .atLeastLength(1),
  cooldown: type(durationPattern).describe('a duration like "7d" or "12h"'),
  'enabled?': 'boolean',
  'description?': 'string',
});

const portfolioScope = type('string > 0').describe('"all" or a portfolio id');
const platformScope = type.enumerated(allScope).describe('"all" (this kind has no narrower scope)');

/** The schema of each kind: the common fields plus the kind's own; unknown keys are errors. */
const ruleSchemas = {
  metric: commonFields
    .merge({
      kind: "'metric'",
      scope: portfolioScope,
      metric: 'string > 0',
      op: type.enumerated(...comparisonOps),
      threshold: 'number',
    })
    .onUndeclaredKey('reject'),
  price_move: commonFields
    .merge({
      kind: "'price_move'",
      scope: portfolioScope,
      threshold: type('0 < number <= 1').describe('a fraction in (0, 1], e.g. 0.05 for 5 %'),
      'direction?': type.enumerated(...moveDirections),
    })
    .onUndeclaredKey('reject'),
  news: commonFields
    .merge({ kind: "'news'", scope: portfolioScope, 'keywords?': type('string > 0').array() })
    .onUndeclaredKey('reject'),
  regime_change: commonFields
    .merge({ kind: "'regime_change'", 'scope?': platformScope })
    .onUndeclaredKey('reject'),
  run_blocked: commonFields
    .merge({ kind: "'run_blocked'", 'scope?': platformScope })
    .onUndeclaredKey('reject'),
  deadline_missed: commonFields
    .merge({ kind: "'deadline_missed'", 'scope?': platformScope })
    .onUndeclaredKey('reject'),
  pack_stale: commonFields
    .merge({ kind: "'pack_stale'", 'scope?': platformScope, maxAgeHours: 'number > 0' })
    .onUndeclaredKey('reject'),
} as const;

const kindOnly = type({ kind: type.enumerated(...alertKinds) });
const rulesFile = type({ rules: 'unknown[]' });

/**
 * Validates the text of an alert rules file (`{"rules": [ … ]}`, docs/ALERTS.md) and returns
 * its rules in file order, disabled ones included (`enabled: false`).
 *
 * Throws {@link AlertRulesError} listing every problem, each naming `file`, the rule's index
 * and id and the field; ids must be unique.
 */
export function parseAlertRules(text: string, file: string): AlertRule[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AlertRulesError(file, [`${file}: not valid JSON (${(error as Error).message})`]);
  }
  const top = rulesFile(json);
  if (top instanceof type.errors) {
    throw new AlertRulesError(file, [`${file}: ${top.summary}`]);
  }
  const problems: string[] = [];
  const rules: AlertRule[] = [];
  const firstIndexById = new Map<string, number>();
  top.rules.forEach((candidate, index) => {
    const label = ruleLabel(candidate, index);
    const kind = kindOnly(candidate);
    if (kind instanceof type.errors) {
      problems.push(...kind.map((e) => describeProblem(file, label, e)));
      return;
    }
    const checked = ruleSchemas[kind.kind](candidate);
    if (checked instanceof type.errors) {
      problems.push(...checked.map((e) => describeProblem(file, label, e)));
      return;
    }
    const earlier = firstIndexById.get(checked.id);
    if (earlier !== undefined) {
      problems.push(`${file}: ${label}.id duplicates rules[${earlier}]`);
      return;
    }
    firstIndexById.set(checked.id, index);
    rules.push(toRule(checked));
  });
  if (problems.length > 0) throw new AlertRulesError(file, problems);
  return rules;
}

/** `rules[2] ("vol-high")`, or `rules[2]` when the rule has no usable id. */
function ruleLabel(candidate: unknown, index: number): string {
  const id =
    typeof candidate === 'object' && candidate !== null
      ? (candidate as { id?: unknown }).id
      : undefined;
  return typeof id === 'string' && id.length > 0
    ? `rules[${index}] (${JSON.stringify(id)})`
    : `rules[${index}]`;
}

/** `alerts.json: rules[2] ("vol-high").cooldown must be …`; a problem with the whole rule has no field. */
function describeProblem(file: string, label: string, problem: ArkError): string {
  return problem.path.length === 0
    ? `${file}: ${label} ${problem.message}`
    : `${file}: ${label}.${problem.message}`;
}

type CheckedRule = {
  [K in keyof typeof ruleSchemas]: (typeof ruleSchemas)[K]['infer'];
}[keyof typeof ruleSchemas];

function toRule(checked: CheckedRule): AlertRule {
  const common = {
    id: checked.id,
    scope: checked.scope ?? allScope,
    severity: checked.severity,
    channels: [...new Set(checked.channels)],
    cooldown: checked.cooldown,
    cooldownSeconds: durationSeconds(checked.cooldown) ?? 0,
    enabled: checked.enabled ?? true,
    description: checked.description ?? null,
  };
  switch (checked.kind) {
    case 'metric':
      return {
        ...common,
        kind: 'metric',
        metric: checked.metric,
        op: checked.op,
        threshold: checked.threshold,
      };
    case 'price_move':
      return {
        ...common,
        kind: 'price_move',
        threshold: checked.threshold,
        direction: checked.direction ?? 'either',
      };
    case 'news':
      return { ...common, kind: 'news', keywords: checked.keywords ?? [] };
    case 'pack_stale':
      return { ...common, kind: 'pack_stale', maxAgeHours: checked.maxAgeHours };
    case 'regime_change':
    case 'run_blocked':
    case 'deadline_missed':
      return { ...common, kind: checked.kind };
  }
}
