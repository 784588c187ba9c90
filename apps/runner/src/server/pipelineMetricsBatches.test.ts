import { describe, expect, it } from 'vitest';
import { PipelineMetrics } from './pipelineMetrics.js';
import { parsePrometheusText, sampleValue } from './testing/prometheusText.js';

describe('PipelineMetrics.watchBatches', () => {
  it('exposes the newest distributed run’s batches per step and status and each worker’s throughput, read at scrape time', async () => {
    const metrics = new PipelineMetrics();
    let done = 3;
    metrics.watchBatches(() =>
      Promise.resolve({
        run_id: 'run-1',
        steps: { prewarm_factors: { queued: 1, active: 2, done, failed: 0 } },
        workers: [
          {
            worker: 'vm-a:41',
            batches: 4,
            portfolios: 2000,
            seconds: 8,
            portfoliosPerSecond: 250,
            lastFinishedAt: '2024-03-09 00:20:00+00',
          },
          {
            worker: 'vm-b:7',
            batches: 0,
            portfolios: 0,
            seconds: 0,
            portfoliosPerSecond: null,
            lastFinishedAt: null,
          },
        ],
      }),
    );
    let samples = parsePrometheusText((await metrics.render()).body);
    const batches = (status: string) =>
      sampleValue(samples, 'truth_spine_step_batches', { step: 'prewarm_factors', status });
    expect([batches('queued'), batches('active'), batches('done'), batches('failed')]).toEqual([
      1, 2, 3, 0,
    ]);
    expect(
      sampleValue(samples, 'truth_spine_worker_portfolios_per_second', { worker: 'vm-a:41' }),
    ).toBe(250);
    // A worker without measured time has no rate (never a made-up 0).
    expect(
      sampleValue(samples, 'truth_spine_worker_portfolios_per_second', { worker: 'vm-b:7' }),
    ).toBeUndefined();
    expect(sampleValue(samples, 'truth_spine_worker_batches', { worker: 'vm-a:41' })).toBe(4);
    done = 4;
    samples = parsePrometheusText((await metrics.render()).body);
    expect(batches('done')).toBe(4);
  });

  it('a failed read leaves the gauges empty for that scrape, the other metrics are still served', async () => {
    const metrics = new PipelineMetrics();
    metrics.watchBatches(() => Promise.reject(new Error('connection refused')));
    const samples = parsePrometheusText((await metrics.render()).body);
    expect(samples.filter((s) => s.name.startsWith('truth_spine_step_batches'))).toEqual([]);
    expect(sampleValue(samples, 'truth_spine_deadline_misses_total', { deadline: 'run' })).toBe(0);
  });
});
