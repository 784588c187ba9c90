import { commands as registeredCommands } from '../commands/index.js';
import type { Command } from './command.js';
import { ExitCode } from './exitCodes.js';
import type { CliIo } from './io.js';
import { UsageError } from './usageError.js';

function helpText(commands: readonly Command[]): string {
  const width = Math.max(4, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['usage: truth-spine <command> [arguments]', '', 'commands:', ...lines, ''].join('\n');
}

/**
 * Dispatches `argv` (without node and script) to a command and returns the exit code.
 * Usage errors print one line on stderr and return 64; any other error prints its
 * message (never a stack trace a user must decode) and returns 1.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = registeredCommands,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout)(helpText(commands));
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr(`unknown command "${name}"; run "help" to list the commands\n`);
    return ExitCode.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${command.name}: ${error.message}\n`);
      return ExitCode.usage;
    }
    io.stderr(`${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.failed;
  }
}
