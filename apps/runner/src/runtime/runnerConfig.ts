import {
  type AlertSettings,
  AlertSettingsError,
  alertSettingsFrom,
  booksDirIsNone,
  checkedSettings,
  type CheckedSettings,
  ConfigError,
  loadConfiguration,
  type LoadedSettings,
  loadSettings,
  type SettingSection,
  type SettingValues,
  type TruthSpineConfig,
} from '@truth-spine/orchestrator';
import type { CliIo } from '../cli/io.js';
import { UsageError } from '../cli/usageError.js';
import { workerSettings, type WorkerSettings } from '../commands/workerSettings.js';
import { serveSettings, type ServeSettings } from '../server/serveSettings.js';
import { stepSettings, type StepSettings } from './stepSettings.js';

/**
 * The runner's whole configuration, validated at once: the pipeline's (`loadConfig`) and
 * every section the runner reads, all from the same merged settings — the environment over
 * the TRUTH_SPINE_CONFIG file — so a setting works the same from either.
 */
export interface RunnerConfig extends TruthSpineConfig {
  /** CALENDAR_SYMBOL, MAX_CARRY_FORWARD_DAYS, MAX_MISSING_FRACTION (`stepSettings`). */
  readonly steps: StepSettings;
  /** ALERT_* (`alertSettingsFrom`). */
  readonly alerts: AlertSettings;
  /** HTTP_HOST, HTTP_PORT, SHUTDOWN_GRACE_SECONDS (`serveSettings`). */
  readonly serve: ServeSettings;
  /** DISTRIBUTED, DISTRIBUTED_*, WORKER_* (`workerSettings`). */
  readonly workers: WorkerSettings;
  /** BOOKS_DIR=none (environment or file): an empty store is left empty at start. */
  readonly booksDirNone: boolean;
  /** Every setting the catalog checks, validated and typed (`checkedSettings`). */
  readonly checked: CheckedSettings;
  /**
   * The merged values themselves, for readers that build something from them: market data
   * (MARKET_DATA, `marketSources`) and the HTTP providers (`loadProviderConfig`).
   */
  readonly settings: SettingValues;
}

/**
 * Reads and validates the {@link RunnerConfig} of `io`; the first bad setting is a
 * {@link UsageError} (exit 64) whose message names it (and the file it came from).
 */
export function loadRunnerConfig(io: Pick<CliIo, 'env' | 'cwd'>): RunnerConfig {
  let loaded: LoadedSettings | null = null;
  try {
    const { config, settings } = loadConfiguration(io.env, io.cwd);
    loaded = settings;
    const values = settings.values;
    const checked = checkedSettings(settings);
    return {
      ...config,
      steps: stepSettings(checked),
      alerts: alertSettingsFrom(checked),
      serve: serveSettings(checked),
      workers: workerSettings(checked),
      booksDirNone: booksDirIsNone(settings),
      checked,
      settings: values,
    };
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    if (error instanceof AlertSettingsError || error instanceof UsageError) {
      throw new UsageError(withFileNamed(error.message, loaded));
    }
    throw error;
  }
}

/**
 * A section reader's message starts with the setting's name; when the value came from the
 * file, the file is named too (`… (CALENDAR_SYMBOL in ts.json)`).
 */
function withFileNamed(message: string, settings: LoadedSettings | null): string {
  const name = /^[A-Z][A-Z0-9_]*/.exec(message)?.[0];
  if (settings === null || name === undefined || !settings.fromFile(name)) return message;
  return `${message} (${settings.origin(name)})`;
}

/**
 * The checked settings of `sections` only (environment over the TRUTH_SPINE_CONFIG file),
 * for a command that needs a few settings beyond the pipeline's (`loadConfig`) without
 * validating every section; a bad one is a {@link UsageError} naming it (and the file).
 */
export function loadCheckedSettings(
  io: Pick<CliIo, 'env' | 'cwd'>,
  sections: readonly SettingSection[],
): CheckedSettings {
  try {
    return checkedSettings(loadSettings(io.env, io.cwd), sections);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}
