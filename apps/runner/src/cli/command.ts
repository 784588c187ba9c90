import type { CliIo } from './io.js';

/** One top-level runner command, e.g. `analyze` or `nightly`. */
export interface Command {
  /** The word typed after the program name. */
  readonly name: string;
  /** One line for `help`. */
  readonly summary: string;
  /** Runs with the arguments after the command word; resolves to the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
