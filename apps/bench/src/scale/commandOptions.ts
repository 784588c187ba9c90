/** A bad command line; the bench reports the message with exit code 64. */
export class UsageError extends Error {
  readonly exitCode = 64;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Reads `--name value` options and bare `--flag`s. `valued` names take a value, `flags` do
 * not; anything else (or a valued option without its value) is a {@link UsageError}.
 */
export function commandOptions(
  args: readonly string[],
  valued: readonly string[],
  flags: readonly string[] = [],
): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    if (flags.includes(name)) options.set(name, 'true');
    else if (valued.includes(name)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`option ${arg} needs a value`);
      options.set(name, value);
      i += 1;
    } else {
      const known = [...valued, ...flags].map((n) => `--${n}`).join(' ');
      throw new UsageError(`unknown option ${JSON.stringify(arg)} (known: ${known})`);
    }
  }
  return options;
}

/** A whole-number option, `fallback` when absent; not a whole number → {@link UsageError}. */
export function integerOption(
  options: ReadonlyMap<string, string>,
  name: string,
  fallback: number,
): number {
  const text = options.get(name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text))
    throw new UsageError(`--${name} must be a whole number (was ${JSON.stringify(text)})`);
  return Number(text);
}
