/**
 * The value types of catalogued settings: each turns a setting's text (never blank: blank
 * means unset) into its value, or into a {@link SettingProblem} that says what is expected.
 * A problem is worded to follow the setting's name (`must be …`); a secret type's problem
 * never contains the value.
 */
export interface SettingType<T> {
  /** How the file's value is taken (`path`: relative to the file; `secret`: never shown). */
  readonly kind: 'text' | 'number' | 'path' | 'secret';
  /** The value of `text`, or what is wrong with it. */
  readonly parse: (text: string) => T | SettingProblem;
}

/** What is wrong with a value, worded to follow the setting's name. */
export class SettingProblem {
  constructor(readonly problem: string) {}
}

const was = (text: string) => `(was ${JSON.stringify(text)})`;

/** Any text, trimmed. */
export const textSetting: SettingType<string> = { kind: 'text', parse: (text) => text.trim() };

/** A path, trimmed; a relative one from the file is taken relative to the file. */
export const pathSetting: SettingType<string> = { kind: 'path', parse: (text) => text.trim() };

/** One of `choices`, trimmed. */
export function choiceSetting<const C extends string>(
  choices: readonly [C, ...C[]],
): SettingType<C> {
  const wording =
    choices.length === 1
      ? choices[0]
      : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
  return {
    kind: 'text',
    parse: (text) => {
      const value = text.trim();
      return (choices as readonly string[]).includes(value)
        ? (value as C)
        : new SettingProblem(`must be ${wording} ${was(value)}`);
    },
  };
}

/** `true` or `false`, in any letter case. */
export const flagSetting: SettingType<boolean> = {
  kind: 'text',
  parse: (text) => {
    const value = text.trim().toLowerCase();
    if (value === 'true' || value === 'false') return value === 'true';
    return new SettingProblem(`must be true or false ${was(value)}`);
  },
};

/**
 * A whole number (digits only) of at least `min` — and, given `max`, at most `max`, worded
 * "an integer from min to max".
 */
export function wholeNumberSetting(min: number, max?: number): SettingType<number> {
  const wording =
    max === undefined ? `a whole number ≥ ${min}` : `an integer from ${min} to ${max}`;
  return {
    kind: 'number',
    parse: (text) => {
      const value = text.trim();
      const number = Number(value);
      if (!/^\d+$/.test(value) || number < min || (max !== undefined && number > max)) {
        return new SettingProblem(`must be ${wording} ${was(value)}`);
      }
      return number;
    },
  };
}

/** A decimal number from 0 to 1. */
export const fractionSetting: SettingType<number> = {
  kind: 'number',
  parse: (text) => {
    const value = text.trim();
    const number = Number(value);
    if (!/^\d*\.?\d+$/.test(value) || number > 1) {
      return new SettingProblem(`must be a number from 0 to 1 ${was(value)}`);
    }
    return number;
  },
};

/** A ticker: 1–20 of A–Z, 0–9 and `.^=-`. */
export const tickerSetting: SettingType<string> = {
  kind: 'text',
  parse: (text) => {
    const value = text.trim();
    return /^[A-Z0-9.^=-]{1,20}$/.test(value)
      ? value
      : new SettingProblem(`must be a ticker such as SPY ${was(value)}`);
  },
};

/**
 * A secret: trimmed unless `trim` is false (a signing secret is used exactly as given), at
 * least `minLength` characters when given. Its problem gives the length, never the value.
 */
export function secretSetting(
  options: { readonly minLength?: number; readonly trim?: boolean } = {},
): SettingType<string> {
  return {
    kind: 'secret',
    parse: (text) => {
      const value = options.trim === false ? text : text.trim();
      const min = options.minLength ?? 0;
      if (value.length < min) {
        return new SettingProblem(`must be at least ${min} characters (it has ${value.length})`);
      }
      return value;
    },
  };
}
