import { pino, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';

/** How {@link createLogger} writes. */
export interface LoggerOptions {
  /** Minimum level (LOG_LEVEL; default `info`). */
  readonly level?: string;
  /** Human-readable lines (pino-pretty) instead of JSON lines. */
  readonly pretty?: boolean;
}

const levels = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * The runner's structured logger: pino JSON lines (or pino-pretty text) handed to
 * `writeStderr`, synchronously, one line per call — never stdout, which is reserved for
 * the JSON documents commands print. An unknown level falls back to `info`.
 */
export function createLogger(
  writeStderr: (text: string) => void,
  options: LoggerOptions = {},
): Logger {
  const level = options.level !== undefined && levels.has(options.level) ? options.level : 'info';
  const prettify = options.pretty === true ? prettyFactory({ colorize: true }) : null;
  const destination = {
    write: (line: string) => writeStderr(prettify === null ? line : prettify(line)),
  };
  return pino({ level, base: { name: 'truth-spine' } }, destination);
}
