import * as alerts from '@truth-spine/alerts';
import { DatabaseAlertStore } from '@truth-spine/alerts';
import { type AlertSettings, configureChannels } from '@truth-spine/orchestrator';
import { type Database } from '@truth-spine/store';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import type { CliIo } from '../cli/io.js';
import { UsageError } from '../cli/usageError.js';
import { loadRunnerConfig } from '../runtime/runnerConfig.js';
import { withDatabase } from './dbSession.js';

const usage = 'usage: alerts list [--json] | alerts replay DEAD_LETTER_ID';

/** The alert settings of the command's configuration; a bad one is a usage error (exit 64). */
function settingsOf(io: CliIo): AlertSettings {
  return loadRunnerConfig(io).alerts;
}

async function replay(io: CliIo, db: Database, id: number): Promise<number> {
  const channels = configureChannels(settingsOf(io), [], { write: io.stdout });
  const result = await alerts.replayDeadLetter(id, {
    store: new DatabaseAlertStore(db),
    channels,
  });
  if (result === null) {
    io.stderr(
      `alerts: dead letter ${id} does not exist, was already replayed or its alert was delivered\n`,
    );
    return ExitCode.failed;
  }
  io.stdout(
    `dead letter ${id}: ${result.channel} ${result.outcome} after ${result.attempts} attempt(s)\n`,
  );
  return result.outcome === 'delivered' ? ExitCode.ok : ExitCode.failed;
}

/**
 * `alerts list [--json]`: every alert event, oldest first, with each channel's state
 * (delivered / pending / dead_lettered), attempts and last error (`--json`: the listing as
 * is). `alerts replay ID`: reopens an alert-delivery dead letter and delivers it once on
 * the channel configured now (ALERT_WEBHOOK_URL/SECRET, ALERT_OUTBOX); exit 0 when
 * delivered, 1 when it failed again (a new dead letter) or there was nothing to replay.
 */
export const alertsCommand: Command = {
  name: 'alerts',
  summary: 'alerts list [--json] | alerts replay ID: alert events, deliveries, dead letters',
  run: async (args, io) => {
    const [sub, ...rest] = args;
    if (sub === 'list' && rest.every((a) => a === '--json')) {
      return withDatabase(io, async (db) => {
        const listing = await alerts.listAlerts(new DatabaseAlertStore(db));
        io.stdout(
          rest.includes('--json')
            ? `${JSON.stringify({ alerts: listing }, null, 2)}\n`
            : alerts.formatAlertListing(listing),
        );
        return ExitCode.ok;
      });
    }
    if (sub === 'replay' && rest.length === 1 && /^\d+$/.test(rest[0] ?? '')) {
      const id = Number(rest[0]);
      return withDatabase(io, (db) => replay(io, db, id));
    }
    throw new UsageError(usage);
  },
};
