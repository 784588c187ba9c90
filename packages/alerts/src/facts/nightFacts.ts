/**
 * Everything one evaluation of the alert rules looks at, gathered by the caller (the
 * pipeline's step 7, or the orchestrator when a run is blocked or late). Nothing here is
 * read from a clock or a database by the alert module itself.
 *
 * A field that is `undefined` was not looked at tonight: rules of that kind produce no
 * condition and keep their previous state. `null` means "looked, nothing there".
 */
export interface NightFacts {
  /** The as-of date `YYYY-MM-DD`. It is also the clock of dedupe: cooldowns run in as-of time. */
  readonly asOf: string;
  readonly packId: string | null;
  readonly runId: string | null;
  /** Portfolios with their persisted metrics (by the metrics export's names) and holdings. */
  readonly portfolios?: readonly PortfolioFacts[];
  /** Each security's daily move as a fraction (close / previous close − 1); null when unknown. */
  readonly priceMoves?: Readonly<Record<string, number | null>>;
  readonly regime?: RegimeFacts | null;
  /** News items per security symbol. */
  readonly news?: Readonly<Record<string, readonly NewsItem[]>>;
  readonly operational?: OperationalFacts;
}

/** One portfolio on the night: its metrics and what it holds. */
export interface PortfolioFacts {
  readonly id: string;
  /** Metric name → value; `null` where the metric is undefined (too little history, …). */
  readonly metrics: Readonly<Record<string, number | null>>;
  /** Symbols of the securities held at the as-of date. */
  readonly holdings: readonly string[];
}

/** The detected macro regime (e.g. `Goldilocks`) tonight and the day before; null when not detected. */
export interface RegimeFacts {
  readonly current: string | null;
  readonly previous: string | null;
}

/** One news item about a security. */
export interface NewsItem {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  readonly publishedAt: string;
  readonly source: string | null;
}

/** What the orchestrator knows about runs and packs; each field `undefined` when not looked at. */
export interface OperationalFacts {
  /** The wall-clock instant (ISO 8601) the operational facts were taken at. */
  readonly now: string;
  /** The run for this as-of date is blocked (null: it is not). */
  readonly blockedRun?: BlockedRunFacts | null;
  /** Each deadline of the run and whether it was missed. */
  readonly deadlines?: readonly DeadlineFacts[];
  /** The newest pack that became fresh (null: none ever did). */
  readonly latestFreshPack?: FreshPackFacts | null;
}

/** A run stopped at `failedStep`; later steps did not run. */
export interface BlockedRunFacts {
  readonly runId: string;
  readonly failedStep: string;
  readonly error: string;
}

/** One deadline of a run and whether it was kept. */
export interface DeadlineFacts {
  /** e.g. `pack_built` (10 minutes) or `run_finished` (30 minutes). */
  readonly name: string;
  readonly missed: boolean;
  readonly limitSeconds: number;
  /** Seconds taken so far or in total; null when the step has not finished. */
  readonly actualSeconds: number | null;
}

/** The newest pack that became fresh. */
export interface FreshPackFacts {
  readonly packId: string;
  readonly asOf: string;
  /** ISO 8601 instant it became fresh. */
  readonly freshAt: string;
}
