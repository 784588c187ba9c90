import {
  datesToCatchUp,
  runNightly,
  RunInProgressError,
  systemClock,
  type Clock,
  type PipelineLogger,
  type PipelineOptions,
  type RunReport,
  type StepBodies,
  type StepProgress,
} from '@truth-spine/orchestrator';
import { type Database } from '@truth-spine/store';
import { Cron } from 'croner';

/** What the scheduler runs and how. */
export interface NightlySchedulerOptions {
  readonly db: Database;
  readonly bodies: StepBodies;
  /** Engine settings (retries, timeouts, deadlines); `signal`/`onProgress`/`clock` are set here. */
  readonly pipeline: Omit<PipelineOptions, 'signal' | 'onProgress' | 'clock' | 'logger'>;
  readonly logger: PipelineLogger;
  readonly clock?: Clock;
  /** The date a run started at `now` is for (runtime's `nightlyDate`). */
  nightlyDate(now: Date): Promise<string>;
  /** CATCH_UP_MAX_DAYS: missed dates run at start (a cron tick always runs its own date). */
  readonly catchUpMaxDays: number;
  /** Aborted on shutdown: no new run starts and the current one is interrupted. */
  readonly signal: AbortSignal;
  readonly onProgress?: (progress: StepProgress) => void;
  /** Every run that ran (not no-ops), once finished. */
  readonly onRunFinished?: (report: RunReport) => void;
}

/** What one pass ({@link NightlyScheduler.catchUp} or a tick) did. */
export interface PassOutcome {
  /** The dates it meant to run, ascending. */
  readonly dates: readonly string[];
  /** Reports of the runs that ran, in order. */
  readonly reports: readonly RunReport[];
  /** Why it ended early, if it did. */
  readonly stoppedBy: 'shutdown' | 'failed' | 'blocked' | 'interrupted' | 'busy' | null;
}

/**
 * Runs the nightly pipeline on a schedule. Every pass runs, in date order with trigger
 * `cron`, the dates after the newest succeeded-or-skipped date up to today's nightly date
 * (`datesToCatchUp`), at most `catchUpMaxDays` at start and at least today's on a tick; it
 * stops at the first date that does not succeed (later dates need the earlier ones' books
 * and history) and when shutdown is signalled. Passes never overlap: a tick that finds a
 * pass still running is skipped with a warning (croner `protect`, plus the same guard for
 * the start-up catch-up); a run held by another process (`RunInProgressError`) skips the pass.
 */
export class NightlyScheduler {
  private readonly clock: Clock;
  private current: Promise<PassOutcome> | null = null;
  private job: Cron | null = null;

  constructor(private readonly options: NightlySchedulerOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** The start-up pass: missed dates, bounded by `catchUpMaxDays`. */
  catchUp(): Promise<PassOutcome> {
    return this.exclusive(this.options.catchUpMaxDays);
  }

  /** One scheduled pass (what a cron tick does): today's date and any missed before it. */
  tick(): Promise<PassOutcome> {
    return this.exclusive(Math.max(1, this.options.catchUpMaxDays));
  }

  /** Starts the cron job (`pattern` in `timezone`); ticks call {@link tick}. */
  start(pattern: string, timezone: string): void {
    this.job = new Cron(
      pattern,
      {
        name: 'truth-spine-nightly',
        timezone,
        protect: (job) =>
          this.options.logger.warn(
            { startedAt: job.currentRun()?.toISOString() ?? null },
            'scheduled run skipped: the previous one is still running (overrun)',
          ),
        catch: (error) => this.options.logger.error({ err: error }, 'scheduled pass failed'),
      },
      async () => {
        await this.tick();
      },
    );
    this.options.logger.info(
      { cron: pattern, timezone, next: this.job.nextRun()?.toISOString() ?? null },
      'schedule started',
    );
  }

  /** The next scheduled start, or null when not started or stopped. */
  nextRun(): Date | null {
    return this.job?.nextRun() ?? null;
  }

  /** Stops taking new work (the cron job); resolves when the current pass, if any, ends. */
  async stop(): Promise<void> {
    this.job?.stop();
    await this.current?.catch(() => undefined);
  }

  private exclusive(maxDays: number): Promise<PassOutcome> {
    if (this.current !== null) {
      this.options.logger.warn({}, 'a pass is already running; this one is skipped (overrun)');
      return Promise.resolve({ dates: [], reports: [], stoppedBy: 'busy' });
    }
    const pass = this.pass(maxDays).finally(() => {
      this.current = null;
    });
    this.current = pass;
    return pass;
  }

  private async pass(maxDays: number): Promise<PassOutcome> {
    const { db, bodies, logger, signal } = this.options;
    const scheduledAt = this.clock.now();
    const through = await this.options.nightlyDate(scheduledAt);
    const dates = await datesToCatchUp(db, through, maxDays);
    const reports: RunReport[] = [];
    logger.info({ through, dates }, 'scheduled pass');
    for (const asOf of dates) {
      if (signal.aborted) return { dates, reports, stoppedBy: 'shutdown' };
      let outcome;
      try {
        outcome = await runNightly(
          db,
          bodies,
          { asOf, trigger: 'cron', scheduledAt },
          {
            ...this.options.pipeline,
            clock: this.clock,
            logger,
            signal,
            ...(this.options.onProgress === undefined
              ? {}
              : { onProgress: this.options.onProgress }),
          },
        );
      } catch (error) {
        if (!(error instanceof RunInProgressError)) throw error;
        logger.warn(
          { asOf, reason: error.message },
          'another runner holds the run lock; pass skipped',
        );
        return { dates, reports, stoppedBy: 'busy' };
      }
      if (!outcome.ran) continue;
      reports.push(outcome.report);
      this.options.onRunFinished?.(outcome.report);
      const status = outcome.report.status;
      if (status === 'failed' || status === 'blocked' || status === 'interrupted') {
        logger.warn({ asOf, status, runId: outcome.report.run_id }, 'pass stopped');
        return { dates, reports, stoppedBy: signal.aborted ? 'shutdown' : status };
      }
    }
    return { dates, reports, stoppedBy: null };
  }
}
