import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ConfigError } from './configError.js';
import { settingCatalog, settingSpec } from './settingCatalog.js';

/** Setting values by name, as every section reader takes them (blank = unset). */
export type SettingValues = Readonly<Record<string, string | undefined>>;

/** The merged settings of one process: the environment over the TRUTH_SPINE_CONFIG file. */
export interface LoadedSettings {
  /**
   * The whole environment, plus every file setting the environment leaves unset (blank
   * counts as unset). File values are text (numbers as written); relative `path` settings of
   * the file are resolved against the file's directory (a path setting's keyword, such as
   * `BOOKS_DIR=none`, is kept as it is).
   */
  readonly values: SettingValues;
  /** The file read, absolute, or null. */
  readonly configFile: string | null;
  /** How a message names where `name` came from: `NAME`, or `NAME in <file as given>`. */
  readonly origin: (name: string) => string;
  /** True when `name` was taken from the file. */
  readonly fromFile: (name: string) => boolean;
}

/**
 * Reads the settings of a process: the optional JSON file named by TRUTH_SPINE_CONFIG (an
 * object keyed by setting names, each a string or number) under the environment. The file
 * may hold only catalogued settings ({@link settingCatalog}) that are not environment-only;
 * anything else is a {@link ConfigError} naming the key and the file.
 */
export function loadSettings(
  env: SettingValues,
  cwd: string,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): LoadedSettings {
  const given = present(env['TRUTH_SPINE_CONFIG']);
  if (given === undefined) {
    return { values: env, configFile: null, origin: (name) => name, fromFile: () => false };
  }
  const path = resolve(cwd, given);
  const file = readConfigFile(path, readFile);
  const values: Record<string, string | undefined> = { ...env };
  const taken = new Set<string>();
  for (const [name, raw] of Object.entries(file)) {
    if (present(env[name]) !== undefined) continue;
    const text = String(raw);
    const spec = settingSpec(name);
    const relativePath =
      spec?.kind === 'path' &&
      text.trim() !== '' &&
      text.trim() !== spec.keyword &&
      !isAbsolute(text);
    values[name] = relativePath ? resolve(dirname(path), text) : text;
    taken.add(name);
  }
  return {
    values,
    configFile: path,
    origin: (name) => (taken.has(name) ? `${name} in ${given}` : name),
    fromFile: (name) => taken.has(name),
  };
}

function readConfigFile(
  path: string,
  readFile: (path: string) => string,
): Record<string, string | number> {
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    throw new ConfigError(
      'TRUTH_SPINE_CONFIG',
      `TRUTH_SPINE_CONFIG ${path} cannot be read: ${(error as Error).message}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      'TRUTH_SPINE_CONFIG',
      `TRUTH_SPINE_CONFIG ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(
      'TRUTH_SPINE_CONFIG',
      `TRUTH_SPINE_CONFIG ${path} must hold a JSON object of settings`,
    );
  }
  const result: Record<string, string | number> = {};
  for (const [key, raw] of Object.entries(parsed)) {
    const spec = settingSpec(key);
    if (spec === undefined) {
      const known = settingCatalog.filter((s) => !s.environmentOnly).map((s) => s.name);
      throw new ConfigError(
        'TRUTH_SPINE_CONFIG',
        `${key} in ${path} is not a setting (known: ${known.join(', ')})`,
      );
    }
    if (spec.environmentOnly) {
      throw new ConfigError(key, `${key} in ${path} is read from the environment only`);
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      throw new ConfigError(key, `${key} in ${path} must be a string or a number`);
    }
    result[key] = raw;
  }
  return result;
}

/** `text` unless it is unset or blank. */
export function present(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}
