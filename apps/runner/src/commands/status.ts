import { distributed, getFreshness, listRunReports } from '@truth-spine/orchestrator';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import { UsageError } from '../cli/usageError.js';
import { withDatabase } from './dbSession.js';

const usage = 'usage: status [--json] [--limit N]';

/**
 * `status [--json] [--limit N]`: the latest pack (the freshness gate) and the newest
 * runs (default 20), newest first, and for distributed runs the newest one's batches per
 * step and status and each worker's throughput over the last 24 h. `--json` prints
 * `{"runs": [run reports], "latest_pack": {pack_id, as_of, status, hash, fresh_at, blocked} | null,
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
      if (json) {
        io.stdout(
          `${JSON.stringify({ runs, latest_pack: latest, distributed: batches }, null, 2)}\n`,
        );
        return ExitCode.ok;
      }
      io.stdout(
        latest === null
          ? 'latest pack: none\n'
          : `latest pack: ${latest.pack_id} as of ${latest.as_of} ${latest.status}` +
              `${latest.blocked === null ? '' : ` (blocked by run ${latest.blocked.run_id} at ${latest.blocked.step}: ${latest.blocked.reason})`}` +
              `${latest.fresh_at === null || latest.status !== 'fresh' ? '' : ` since ${latest.fresh_at}`} sha256 ${latest.hash}\n`,
      );
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
