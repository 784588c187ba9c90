import {
  describeInputChanges,
  distributed,
  getFreshness,
  inputChangesSince,
  listRunReports,
  type InputChanges,
  type RunReport,
} from '@truth-spine/orchestrator';
import { type Database } from '@truth-spine/store';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import { UsageError } from '../cli/usageError.js';
import { withDatabase } from './dbSession.js';

const usage = 'usage: status [--json] [--limit N]';

/**
 * `status [--json] [--limit N]`: the latest pack (the freshness gate) and the newest
 * runs (default 20), newest first, whether the ledgers or stored books changed since the
 * newest succeeded run reconciled them ("ledger changed since run …"), and for distributed runs the newest one's batches per
 * step and status and each worker's throughput over the last 24 h. `--json` prints
 * `{"runs": [run reports], "latest_pack": {pack_id, as_of, status, hash, fresh_at, blocked} | null,
 *   "input_changes": {since_run, as_of, portfolios: [{portfolio_id, ledger, books, added}]} | null,
 *   "distributed": {run_id, steps: {STEP: {queued, active, done, failed}},
 *   workers: [{worker, batches, portfolios, seconds, portfoliosPerSecond, lastFinishedAt}]}}`.
 */
export const statusCommand: Command = {
  name: 'status',
  summary: 'latest pack and recent runs [--json]',
  async run(args, io) {
    const { json, limit } = parseStatusArgs(args);
    return withDatabase(io, async (db) => {
      const runs = await listRunReports(db, limit);
      const latest = await getFreshness(db);
      const batches = await distributed.distributedSnapshot(db, new Date());
      const changes = await changesSinceLatestSuccess(db, runs);
      if (json) {
        const document = {
          runs,
          latest_pack: latest,
          input_changes: changes,
          distributed: batches,
        };
        io.stdout(`${JSON.stringify(document, null, 2)}\n`);
        return ExitCode.ok;
      }
      io.stdout(
        latest === null
          ? 'latest pack: none\n'
          : `latest pack: ${latest.pack_id} as of ${latest.as_of} ${latest.status}` +
              `${latest.blocked === null ? '' : ` by run ${latest.blocked.run_id} at ${latest.blocked.step} (${latest.blocked.reason})`}` +
              `${latest.fresh_at === null || latest.status !== 'fresh' ? '' : ` since ${latest.fresh_at}`} sha256 ${latest.hash}\n`,
      );
      if (changes !== null) {
        io.stdout(
          `ledger changed since run ${changes.since_run} (${changes.as_of}): ${describeInputChanges(changes)} — \`nightly --date ${changes.as_of}\` reconciles it again\n`,
        );
      }
      if (runs.length === 0) io.stdout('no runs yet\n');
      for (const run of runs) {
        const stopped = run.blocked_at === null ? '' : ` at ${run.blocked_at}`;
        io.stdout(
          `${run.started_at}  ${run.as_of}  ${run.status}${stopped}  ${run.trigger}  ${run.run_id}\n`,
        );
      }
      if (batches.run_id !== null) {
        io.stdout(`distributed run ${batches.run_id}:\n`);
        for (const [step, n] of Object.entries(batches.steps)) {
          io.stdout(
            `  ${step}: ${n.done} done, ${n.active} active, ${n.queued} queued, ${n.failed} failed\n`,
          );
        }
      }
      for (const w of batches.workers) {
        const rate = w.portfoliosPerSecond === null ? '-' : w.portfoliosPerSecond.toFixed(1);
        io.stdout(
          `worker ${w.worker}: ${w.batches} batches, ${w.portfolios} portfolios, ${rate} portfolios/s (24 h)\n`,
        );
      }
      return ExitCode.ok;
    });
  },
};

/**
 * What changed in the ledgers or stored books since the newest succeeded run among `runs`
 * reconciled them; null when nothing did (or no such run recorded its inputs).
 */
async function changesSinceLatestSuccess(
  db: Database,
  runs: readonly RunReport[],
): Promise<InputChanges | null> {
  const latest = runs.find((r) => r.status === 'succeeded');
  if (latest === undefined) return null;
  const changes = await inputChangesSince(db, latest.run_id, latest.as_of);
  return changes === null || changes.portfolios.length === 0 ? null : changes;
}

function parseStatusArgs(args: readonly string[]): { json: boolean; limit: number } {
  let json = false;
  let limit = 20;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--limit' && /^[1-9]\d*$/.test(args[i + 1] ?? '')) limit = Number(args[++i]);
    else throw new UsageError(usage);
  }
  return { json, limit };
}
