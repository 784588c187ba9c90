import type { MarketDataSource } from '@truth-spine/providers';
import type { LineSink, RetryPolicy } from '@truth-spine/alerts';
import type { AlertSettings } from '../config/alertSettings/alertSettings.js';
import type { TruthSpineConfig } from '../config/loadConfig.js';
import type { PipelineLogger } from '../pipeline/logger.js';

/**
 * What every step factory `(deps: StepDependencies) => StepBody` receives: the runner's
 * configuration, the market data sources and where the books and ledgers live. Engineers
 * may ADD optional fields (with a doc comment); existing ones are never renamed.
 */
export interface StepDependencies {
  readonly config: TruthSpineConfig;
  /** The primary market data source (offline replay or the HTTP providers). */
  readonly market: MarketDataSource;
  /** Asked for closes the primary lacks (pricesWithFallback); null = no fallback. */
  readonly fallback: MarketDataSource | null;
  /** One Beancount ledger per portfolio, `<ledgerDir>/<ID>.beancount`. */
  readonly ledgerDir: string;
  /** The books directory (docs/DATA-FORMATS.md#books), when the runner loaded it. */
  readonly booksDir?: string;
  /**
   * ALERT_RULES, ALERT_WEBHOOK_URL/SECRET, ALERT_OUTBOX (`readAlertSettings(env)`), used by
   * evaluate_alerts and `deliverOperationalAlerts`, read by the runner with its configuration;
   * absent = none set (console channel, built-in rules only).
   */
  readonly alertSettings?: AlertSettings;
  /** Where the console alert channel writes (default process.stderr). */
  readonly alertConsole?: LineSink;
  /** Retry policy of alert deliveries (default `defaultRetryPolicy`: 5 attempts, 0.5 s·2ⁿ⁻¹). */
  readonly alertRetry?: RetryPolicy;
  readonly logger: PipelineLogger;
  /** CALENDAR_SYMBOL: a date is a trading day iff this symbol has a primary close (default SPY). */
  readonly calendarSymbol?: string;
  /** MAX_CARRY_FORWARD_DAYS: how many trading days a close may be carried forward (default 5). */
  readonly maxCarryForwardDays?: number;
  /** MAX_MISSING_FRACTION of required closes that may be missing before build_pack fails (default 0.02). */
  readonly maxMissingFraction?: number;
}
