/**
 * THE table of the nightly pipeline (docs/PIPELINE.md): the seven steps in their fixed order and
 * what the engine must know about each. The engine runs exactly these rows, top to bottom, one
 * at a time, and reads every special case (retries, skipping, the pack id, fan-out, the
 * freshness gate) from the columns below — never from a step's name. Nothing outside this
 * file can reorder, add or skip a step. The bodies themselves are supplied per run as
 * {@link StepBodies} keyed by `name` (src/steps/createStepBodies.ts builds the real ones).
 */
export const stepTable = [
  {
    name: 'build_pack',
    body: 'snapshot of prices, FX and macro for D; skips a non-trading day',
    critical: false,
    skippable: true,
    buildsPack: true,
    batched: false,
    freshnessPrerequisite: false,
  },
  {
    name: 'reconcile_ledger',
    body: 'ledger positions against the books; a break blocks every later step',
    critical: true,
    skippable: false,
    buildsPack: false,
    batched: false,
    freshnessPrerequisite: false,
  },
  {
    name: 'compute_daily_metrics',
    body: 'valuations, returns and risk metrics of every portfolio',
    critical: false,
    skippable: false,
    buildsPack: false,
    batched: true,
    freshnessPrerequisite: true,
  },
  {
    name: 'prewarm_factors',
    body: 'factor exposures and regimes of every portfolio',
    critical: false,
    skippable: false,
    buildsPack: false,
    batched: true,
    freshnessPrerequisite: true,
  },
  {
    name: 'prewarm_ratings',
    body: 'ratings of every portfolio',
    critical: false,
    skippable: false,
    buildsPack: false,
    batched: true,
    freshnessPrerequisite: true,
  },
  {
    name: 'mark_pack_fresh',
    body: 'the freshness gate: flips the pack from warming to fresh',
    critical: false,
    skippable: false,
    buildsPack: false,
    batched: false,
    freshnessPrerequisite: false,
  },
  {
    name: 'evaluate_alerts',
    body: 'alert rules against the fresh results; records and delivers events',
    critical: false,
    skippable: false,
    buildsPack: false,
    batched: false,
    freshnessPrerequisite: false,
  },
] as const satisfies readonly StepRow[];

/** One row of {@link stepTable}. */
export interface StepRow {
  readonly name: string;
  /** What the step's body does, for people (docs, logs of a reader). */
  readonly body: string;
  /** A failure is critical: one attempt, no automatic retry, the run is `blocked`, a person must act. */
  readonly critical: boolean;
  /** May report `skipped` (a non-trading day): the rest of the run is skipped. */
  readonly skippable: boolean;
  /** Must report the run's `packId` when it succeeds; its end is the pack deadline. */
  readonly buildsPack: boolean;
  /** Its per-portfolio work may be fanned out over workers (src/distributed). */
  readonly batched: boolean;
  /** Must have succeeded before the pack may be marked fresh. */
  readonly freshnessPrerequisite: boolean;
}

type Row = (typeof stepTable)[number];

/** One step of {@link stepTable}. */
export type StepName = Row['name'];

/** A step whose `batched` column is true. */
export type BatchedStepName = Extract<Row, { readonly batched: true }>['name'];

/** The step names in their fixed order. */
export const pipelineSteps: readonly StepName[] = stepTable.map((row) => row.name);

/** The row of `step`. */
export function stepRow(step: StepName): StepRow {
  const row = stepTable.find((r) => r.name === step);
  if (row === undefined) throw new Error(`no step ${step} in the step table`);
  return row;
}

function onlyStep(column: 'critical' | 'skippable' | 'buildsPack'): StepName {
  const rows = stepTable.filter((r) => r[column]);
  const only = rows[0];
  if (rows.length !== 1 || only === undefined) {
    throw new Error(`the step table must mark exactly one step ${column}`);
  }
  return only.name;
}

/** The critical step (reconciliation): no automatic retry, the gate reports the pack blocked, a person must act. */
export const criticalStep: StepName = onlyStep('critical');

/** The only step that may report `skipped` (a non-trading day: no pack, nothing to do). */
export const skippableStep: StepName = onlyStep('skippable');

/** The step that builds the run's pack and must report its id. */
export const packBuildingStep: StepName = onlyStep('buildsPack');

/** The steps whose per-portfolio work is fanned out over workers, in pipeline order. */
export const batchedSteps: readonly BatchedStepName[] = stepTable
  .filter((r): r is Extract<Row, { readonly batched: true }> => r.batched)
  .map((r) => r.name);

/** The steps that must all have succeeded before the pack may be marked fresh. */
export const freshnessPrerequisites: readonly StepName[] = stepTable.flatMap((r) =>
  r.freshnessPrerequisite ? [r.name] : [],
);

/** True when `name` is one of the seven steps. */
export function isStepName(name: string): name is StepName {
  return (pipelineSteps as readonly string[]).includes(name);
}
