import type { Command } from '../cli/command.js';
import { alertsCommand } from './alerts.js';
import { analyzeCommand } from './analyze.js';
import { backfillCommand } from './backfill.js';
import { dbCommand } from './db.js';
import { dlqCommand } from './dlq.js';
import { factorsCommand } from './factors.js';
import { fetchCommand } from './fetch.js';
import { ledgerCommand } from './ledger.js';
import { metricsCommand } from './metrics.js';
import { nightlyCommand } from './nightly.js';
import { portfoliosCommand } from './portfolios.js';
import { ratingsCommand } from './ratings.js';
import { resumeCommand } from './resume.js';
import { securitiesCommand } from './securities.js';
import { serveCommand } from './serve.js';
import { statusCommand } from './status.js';
import { transactionsCommand } from './transactions.js';
import { workerCommand } from './worker.js';

/**
 * Every runner command, in the order `help` lists them. One module per command under
 * `src/commands/`; add a command by adding its import and one entry here.
 */
export const commands: readonly Command[] = [
  analyzeCommand,
  fetchCommand,
  ledgerCommand,
  statusCommand,
  dlqCommand,
  dbCommand,
  serveCommand,
  nightlyCommand,
  resumeCommand,
  backfillCommand,
  workerCommand,
  metricsCommand,
  factorsCommand,
  ratingsCommand,
  alertsCommand,
  portfoliosCommand,
  securitiesCommand,
  transactionsCommand,
];
