import type { distributed, RunReport, StepProgress, StoreHealth } from '@truth-spine/orchestrator';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ProviderCall } from '../runtime/countingMarketSource.js';
import { registerStoreGauges } from './storeGauges.js';

const durationBuckets = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800];

/**
 * The runner's Prometheus metrics (served at `GET /metrics`), in a registry of its own:
 * - `truth_spine_runs_total{status}` and `truth_spine_run_duration_seconds{status}`;
 * - `truth_spine_step_duration_seconds{step,status}` (each finished step, all attempts);
 * - `truth_spine_step_retries_total{step}`;
 * - `truth_spine_deadline_misses_total{deadline="pack"|"run"}`;
 * - `truth_spine_provider_calls_total{source,method}` and
 *   `truth_spine_provider_errors_total{source,method,code}`;
 * - with {@link watchStore}: gauges read from the store at scrape time (storeGauges.ts:
 *   last runs per trigger and status, step seconds, the gate, breaks, dead letters, alerts
 *   pending delivery) — nights run by any process, not only this one;
 * - with {@link watchBatches}: `truth_spine_step_batches{step,status}` (the newest
 *   distributed run's batches) and `truth_spine_worker_portfolios_per_second{worker}`,
 *   `truth_spine_worker_batches{worker}` (done batches over the last 24 h), read at scrape time.
 * Feed it with {@link observeStep} (engine progress), {@link observeRun} (each finished
 * run's report) and {@link observeProviderCall} (the counting market source).
 */
export class PipelineMetrics {
  readonly registry = new Registry();
  private readonly runs = new Counter({
    name: 'truth_spine_runs_total',
    help: 'Pipeline runs finished, by final status.',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  private readonly runDuration = new Histogram({
    name: 'truth_spine_run_duration_seconds',
    help: 'Wall time of finished pipeline runs (started_at to finished_at).',
    labelNames: ['status'] as const,
    buckets: durationBuckets,
    registers: [this.registry],
  });
  private readonly stepDuration = new Histogram({
    name: 'truth_spine_step_duration_seconds',
    help: 'Wall time of finished steps, all attempts included.',
    labelNames: ['step', 'status'] as const,
    buckets: durationBuckets,
    registers: [this.registry],
  });
  private readonly stepRetries = new Counter({
    name: 'truth_spine_step_retries_total',
    help: 'Step attempts that failed and were retried.',
    labelNames: ['step'] as const,
    registers: [this.registry],
  });
  private readonly deadlineMisses = new Counter({
    name: 'truth_spine_deadline_misses_total',
    help: 'Runs that missed the pack deadline or the run deadline.',
    labelNames: ['deadline'] as const,
    registers: [this.registry],
  });
  private readonly providerCalls = new Counter({
    name: 'truth_spine_provider_calls_total',
    help: 'Market data calls, by source (primary/fallback) and method.',
    labelNames: ['source', 'method'] as const,
    registers: [this.registry],
  });
  private readonly providerErrors = new Counter({
    name: 'truth_spine_provider_errors_total',
    help: 'Market data calls that failed after the client retries, by error code.',
    labelNames: ['source', 'method', 'code'] as const,
    registers: [this.registry],
  });

  constructor() {
    // Zero series up front, so an alert rule sees 0 rather than no data before the first miss.
    for (const deadline of ['pack', 'run']) this.deadlineMisses.labels(deadline).inc(0);
  }

  /** Engine progress: durations of finished steps, retries. */
  observeStep(progress: StepProgress): void {
    if (progress.status === 'retrying') {
      this.stepRetries.labels(progress.step).inc();
    } else if (progress.seconds !== undefined && progress.status !== 'running') {
      this.stepDuration.labels(progress.step, progress.status).observe(progress.seconds);
    }
  }

  /** A finished run: its status, duration and deadline misses. */
  observeRun(report: RunReport): void {
    this.runs.labels(report.status).inc();
    if (report.finished_at !== null) {
      const finished = Date.parse(report.finished_at);
      const seconds = (finished - Date.parse(report.started_at)) / 1000;
      this.runDuration.labels(report.status).observe(seconds);
    }
    if (report.deadlines.pack_deadline_missed) this.deadlineMisses.labels('pack').inc();
    if (report.deadlines.run_deadline_missed) this.deadlineMisses.labels('run').inc();
  }

  /** One market data call (from `countingMarketSource`). */
  observeProviderCall(call: ProviderCall): void {
    this.providerCalls.labels(call.source, call.method).inc();
    if (call.errorCode !== null) {
      this.providerErrors.labels(call.source, call.method, call.errorCode).inc();
    }
  }

  /**
   * Gauges of distributed runs, read with `snapshot` at every scrape (a failed read leaves
   * the gauges empty for that scrape).
   */
  watchBatches(snapshot: () => Promise<distributed.DistributedSnapshot>): void {
    const read = () => snapshot().catch(() => null);
    new Gauge({
      name: 'truth_spine_step_batches',
      help: 'Batches of the newest distributed run, by step and status (queued, active, done, failed).',
      labelNames: ['step', 'status'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const s = await read();
        for (const [step, counts] of Object.entries(s?.steps ?? {})) {
          for (const [status, n] of Object.entries(counts)) this.labels(step, status).set(n);
        }
      },
    });
    new Gauge({
      name: 'truth_spine_worker_portfolios_per_second',
      help: 'Portfolios per second of batch time of each worker over the last 24 h.',
      labelNames: ['worker'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const w of (await read())?.workers ?? []) {
          if (w.portfoliosPerSecond !== null) this.labels(w.worker).set(w.portfoliosPerSecond);
        }
      },
    });
    new Gauge({
      name: 'truth_spine_worker_batches',
      help: 'Batches each worker finished over the last 24 h.',
      labelNames: ['worker'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const w of (await read())?.workers ?? []) this.labels(w.worker).set(w.batches);
      },
    });
  }

  /** Registers the store gauges ({@link registerStoreGauges}), read with `read` at scrape time. */
  watchStore(read: () => Promise<StoreHealth>): void {
    registerStoreGauges(this.registry, read);
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
