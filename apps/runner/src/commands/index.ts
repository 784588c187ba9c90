import type { Command } from '../cli/command.js';
import { fetchCommand } from './fetch.js';
import { ledgerCommand } from './ledger.js';

/**
 * Every runner command, in the order `help` lists them. One module per command under
 * `src/commands/`; add a command by adding its import and one entry here.
 */
export const commands: readonly Command[] = [fetchCommand, ledgerCommand];
