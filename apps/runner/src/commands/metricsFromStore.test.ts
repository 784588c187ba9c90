import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  demoCopy,
  withoutTransaction,
  type DemoCopy,
  type RunReport,
} from '@truth-spine/orchestrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePrometheusText, sampleValue } from '../server/testing/prometheusText.js';
import { dbTimeoutMs } from './dbTestSupport.js';
import { runRunner } from './testing/runnerProcess.js';
import { withServe } from './testing/serveProcess.js';

const D = '2024-03-08';
const DIVIDEND = '2024-02-16 * "AAPL dividend USD 0.24 per share on 520 shares';

async function scrape(env: Record<string, string>) {
  return withServe(env, async (port) => {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    return parsePrometheusText(await response.text());
  });
}

describe('/metrics of serve shows nights it did not run itself (processes)', () => {
  let demo: DemoCopy;
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    demo = await demoCopy(['P-USD-GROWTH']);
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-metrics-store-'));
    env = {
      BOOKS_DIR: demo.booksDir,
      LEDGER_DIR: demo.ledgerDir,
      OFFLINE_DATA_DIR: demo.marketDir,
      DATABASE_URL: `pglite://${join(dir, 'db')}`,
    };
  });
  afterAll(async () => {
    await demo.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'after a CLI night: last run, its steps, the gate; after a blocked CLI re-run: blocked, breaks',
    async () => {
      const night = await runRunner(['nightly', '--date', D, '--json'], env);
      expect(night.code, night.stderr).toBe(0);
      const report = JSON.parse(night.stdout) as RunReport;
      const samples = await scrape(env);
      const finished = Date.parse(report.finished_at!) / 1000;
      const manual = { trigger: 'manual', status: 'succeeded' };
      expect(sampleValue(samples, 'truth_spine_last_run_finished_timestamp_seconds', manual)).toBe(
        finished,
      );
      expect(sampleValue(samples, 'truth_spine_last_run_seconds', manual)).toBeCloseTo(
        finished - Date.parse(report.started_at) / 1000,
        6,
      );
      for (const step of report.steps) {
        expect(
          sampleValue(samples, 'truth_spine_last_run_step_seconds', {
            trigger: 'manual',
            step: step.name,
            status: 'succeeded',
          }),
        ).toBe(step.seconds);
      }
      expect(sampleValue(samples, 'truth_spine_stored_runs', { status: 'succeeded' })).toBe(1);
      expect(
        sampleValue(samples, 'truth_spine_last_run_timestamp_seconds', { status: 'succeeded' }),
      ).toBe(finished);
      expect(sampleValue(samples, 'truth_spine_pack_fresh', {})).toBe(1);
      expect(sampleValue(samples, 'truth_spine_pack_status', { status: 'fresh' })).toBe(1);
      expect(sampleValue(samples, 'truth_spine_latest_pack_as_of_timestamp_seconds', {})).toBe(
        Date.parse(`${D}T00:00:00Z`) / 1000,
      );
      expect(sampleValue(samples, 'truth_spine_fresh_pack_age_seconds', {})).toBeGreaterThan(0);
      expect(sampleValue(samples, 'truth_spine_reconciliation_breaks_open', {})).toBe(0);
      expect(sampleValue(samples, 'truth_spine_alerts_pending_delivery', {})).toBe(0);

      await demo.edit('ledgers/P-USD-GROWTH.beancount', (text) =>
        withoutTransaction(text, DIVIDEND),
      );
      const forced = await runRunner(['nightly', '--date', D, '--force', '--json'], env);
      expect(forced.code, forced.stderr).toBe(2);
      const blocked = JSON.parse(forced.stdout) as RunReport;
      expect(blocked.blocked_at).toBe('reconcile_ledger');
      const after = await scrape(env);
      expect(sampleValue(after, 'truth_spine_pack_fresh', {})).toBe(0);
      expect(sampleValue(after, 'truth_spine_pack_status', { status: 'blocked' })).toBe(1);
      expect(sampleValue(after, 'truth_spine_pack_status', { status: 'fresh' })).toBeUndefined();
      expect(
        sampleValue(after, 'truth_spine_last_run_finished_timestamp_seconds', {
          trigger: 'manual',
          status: 'blocked',
        }),
      ).toBe(Date.parse(blocked.finished_at!) / 1000);
      expect(sampleValue(after, 'truth_spine_reconciliation_breaks_open', {})).toBeGreaterThan(0);
      expect(sampleValue(after, 'truth_spine_reconciliation_unreconciled_portfolios', {})).toBe(1);
      expect(sampleValue(after, 'truth_spine_stored_runs', { status: 'blocked' })).toBe(1);
    },
    dbTimeoutMs * 2,
  );
});
