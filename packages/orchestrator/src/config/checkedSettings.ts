import { ConfigError } from './configError.js';
import { loadSettings, present, type LoadedSettings, type SettingValues } from './loadSettings.js';
import {
  settingCatalog,
  type CheckedSettings,
  type SettingSection,
  type SettingSpec,
} from './settingCatalog.js';
import { SettingProblem } from './settingTypes.js';

/**
 * Checks every catalogued setting that has a type (of `sections`, default all), in catalog
 * order, and returns their values: the parsed value, or the row's default when unset or
 * blank. The first bad value throws a {@link ConfigError} naming the setting, worded
 * `NAME must be … (was "…")`, followed by `(NAME in <file>)` when the value came from the
 * TRUTH_SPINE_CONFIG file. A secret's value never appears in the message.
 *
 * Settings of other sections are absent from the result (reading one is a type error only
 * for the whole catalog; pass the sections you read).
 */
export function checkedSettings(
  settings: LoadedSettings,
  sections?: readonly SettingSection[],
): CheckedSettings {
  const result: Record<string, unknown> = {};
  for (const spec of settingCatalog as readonly SettingSpec[]) {
    if (spec.type === null) continue;
    if (sections !== undefined && !sections.includes(spec.section)) continue;
    const text = present(settings.values[spec.name]);
    if (text === undefined) {
      result[spec.name] = spec.defaultValue;
      continue;
    }
    const value = spec.type.parse(text);
    if (value instanceof SettingProblem) {
      const where = settings.fromFile(spec.name) ? ` (${settings.origin(spec.name)})` : '';
      const message = `${spec.name} ${value.problem}${where}`;
      throw new ConfigError(spec.name, spec.secret ? withoutValue(message, text) : message);
    }
    result[spec.name] = value;
  }
  return result as CheckedSettings;
}

/**
 * {@link checkedSettings} of `sections` from values alone (no file is read): for readers
 * handed an environment directly, such as a step run without the runner's configuration.
 */
export function checkedSettingsOf(
  values: SettingValues,
  sections: readonly SettingSection[],
): CheckedSettings {
  return checkedSettings(loadSettings({ ...values, TRUTH_SPINE_CONFIG: undefined }, '/'), sections);
}

/** `message` with every occurrence of the secret `value` (and of its trimmed text) masked. */
function withoutValue(message: string, value: string): string {
  let masked = message;
  for (const secret of [value, value.trim()]) {
    if (secret !== '') masked = masked.split(secret).join('<secret>');
  }
  return masked;
}
