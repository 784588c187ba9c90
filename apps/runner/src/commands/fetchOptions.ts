import { parseArgs } from 'node:util';
import { isIsoDate } from '@truth-spine/providers';
import { UsageError } from '../cli/usageError.js';

/** Every option any `fetch` subcommand accepts; each subcommand checks what it needs. */
const optionSpec = {
  provider: { type: 'string' },
  symbols: { type: 'string' },
  pairs: { type: 'string' },
  series: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  date: { type: 'string' },
  query: { type: 'string' },
  out: { type: 'string' },
  name: { type: 'string' },
  description: { type: 'string' },
  'news-query': { type: 'string' },
  fundamentals: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** Parsed `fetch` options with typed accessors that throw {@link UsageError}. */
export class FetchOptions {
  private constructor(
    private readonly values: Readonly<Record<string, string | boolean | undefined>>,
  ) {}

  /** Parses `args`; an unknown option or a stray argument is a usage error. */
  static parse(args: readonly string[]): FetchOptions {
    try {
      const { values } = parseArgs({
        args: [...args],
        options: optionSpec,
        strict: true,
        allowPositionals: false,
      });
      return new FetchOptions(values);
    } catch (error) {
      throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
    }
  }

  /** A string option, or undefined when absent. */
  optional(name: keyof typeof optionSpec): string | undefined {
    const value = this.values[name];
    return typeof value === 'string' ? value : undefined;
  }

  /** True when a boolean flag was given. */
  flag(name: keyof typeof optionSpec): boolean {
    return this.values[name] === true;
  }

  /** A required non-blank string option. */
  required(name: keyof typeof optionSpec): string {
    const value = this.optional(name)?.trim();
    if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
    return value;
  }

  /** A date option `YYYY-MM-DD`. */
  date(name: 'from' | 'to' | 'date'): string {
    const value = this.required(name);
    if (!isIsoDate(value))
      throw new UsageError(`--${name} must be a date YYYY-MM-DD, got "${value}"`);
    return value;
  }

  /** `--from` and `--to` with from ≤ to. */
  range(): { from: string; to: string } {
    const from = this.date('from');
    const to = this.date('to');
    if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
    return { from, to };
  }

  /** A comma-separated list whose items match `pattern` (described as `what`). */
  list(name: 'symbols' | 'pairs' | 'series', pattern: RegExp, what: string): string[] {
    const items = this.required(name)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    const bad = items.find((item) => !pattern.test(item));
    if (bad !== undefined) throw new UsageError(`--${name}: "${bad}" is not ${what}`);
    if (items.length === 0) throw new UsageError(`--${name} is required`);
    return items;
  }

  /** `--symbols A,B`. */
  symbols(): string[] {
    return this.list('symbols', /^[A-Za-z0-9][A-Za-z0-9.\-/:^=]*$/, 'a ticker symbol');
  }

  /** `--pairs EURUSD,GBPUSD`, upper-cased. */
  pairs(): string[] {
    return this.list('pairs', /^[A-Za-z]{6}$/, 'a currency pair like EURUSD').map((p) =>
      p.toUpperCase(),
    );
  }

  /** `--series DGS10,DFII10`. */
  series(): string[] {
    return this.list('series', /^[A-Za-z0-9_]{1,25}$/, 'a FRED series id');
  }

  /** `--provider` restricted to `allowed`; the first allowed is the default. */
  provider<P extends string>(allowed: readonly [P, ...P[]]): P {
    const value = this.optional('provider') ?? allowed[0];
    if (!(allowed as readonly string[]).includes(value)) {
      throw new UsageError(`--provider must be one of ${allowed.join(', ')}, got "${value}"`);
    }
    return value as P;
  }
}
