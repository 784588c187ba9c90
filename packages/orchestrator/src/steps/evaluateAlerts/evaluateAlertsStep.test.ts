import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DatabaseAlertStore,
  listAlerts,
  replayDeadLetter,
  verifySignature,
} from '@truth-spine/alerts';
import { readAlertSettings } from '../../config/alertSettings/alertSettings.js';
import { WebhookReceiver } from '@truth-spine/alerts/testing';
import { loadBooks } from '@truth-spine/books';
import { bundledDemoDir } from '../../config/loadConfig.js';
import { upsertMetricSets } from '../metricSets/upsertMetricSets.js';
import { silentLogger } from '../../pipeline/logger.js';
import { recordOperationalAlert } from '../../pipeline/operationalAlert.js';
import { createRun, updateRun } from '../../pipeline/runStore.js';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '@truth-spine/store/testing';
import {
  demoDependencies,
  insertDemoPack,
  stepContext,
} from '../prewarmRatings/testing/demoPack.js';
import { alertSetup } from './alertDelivery.js';
import { deliverOperationalAlerts } from './deliverOperationalAlerts.js';
import { gatherNightFacts } from './gatherNightFacts.js';
import { evaluateAlertsStep } from './evaluateAlertsStep.js';

const secret = 'step-seven-secret-0123456789abcdef';
const nights = ['2024-02-28', '2024-02-29'] as const;
/** 7 days after the first night: the cooldown has passed. */
const afterCooldown = '2024-03-06';
const fastRetry = { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 1, factor: 1 };
/** A stored metric with a value and nothing else. */
const valued = (metric: string, value: number) => ({
  metric,
  value,
  reason: null,
  firstDate: null,
  lastDate: null,
  nObs: null,
  details: null,
});

describe.each(testDatabaseKinds())('evaluate_alerts on %s', (kind) => {
  let test: TestDatabase;
  let receiver: WebhookReceiver;
  let dir: string;
  const consoleLines: string[] = [];

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    receiver = await WebhookReceiver.start();
    dir = await mkdtemp(join(tmpdir(), 'evaluate-alerts-'));
    await loadBooks(test.db, bundledDemoDir);
    for (const asOf of [...nights, afterCooldown]) {
      const packId = await insertDemoPack(test.db, `pack-${asOf}`, asOf);
      // The growth portfolio's 1-year volatility is above the rule's threshold on both nights.
      await upsertMetricSets(test.db.drizzle, packId, [
        { portfolioId: 'P-USD-GROWTH', rows: [valued('volatility.1Y', 0.31)] },
        { portfolioId: 'P-USD-INCOME', rows: [valued('volatility.1Y', 0.12)] },
      ]);
      const scheduledAt = new Date(`${asOf}T23:05:00Z`);
      await createRun(test.db.drizzle, {
        id: `run-${asOf}`,
        asOf,
        trigger: 'manual',
        scheduledAt,
        startedAt: scheduledAt,
      });
    }
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    await test?.dispose();
  });

  async function webhookDeps() {
    const rulesFile = join(dir, 'alerts.json');
    await writeFile(
      rulesFile,
      JSON.stringify({
        rules: [
          {
            id: 'vol-high',
            kind: 'metric',
            metric: 'volatility.1Y',
            op: '>',
            threshold: 0.25,
            scope: 'all',
            severity: 'warning',
            channels: ['webhook'],
            cooldown: '7d',
          },
        ],
      }),
    );
    return demoDependencies({
      alertSettings: readAlertSettings({
        ALERT_RULES: rulesFile,
        ALERT_WEBHOOK_URL: receiver.url,
        ALERT_WEBHOOK_SECRET: secret,
      }),
      alertConsole: { write: (line: string) => consoleLines.push(line) },
      alertRetry: fastRetry,
    });
  }

  async function runNight(asOf: string) {
    const body = evaluateAlertsStep(await webhookDeps());
    return body(
      stepContext(test.db, 'evaluate_alerts', {
        runId: `run-${asOf}`,
        asOf,
        packId: `pack-${asOf}`,
        now: new Date(`${asOf}T23:20:00Z`),
      }),
    );
  }

  it('two nights with a rule that stays true inside its cooldown → one signed webhook delivery', async () => {
    expect(await runNight(nights[0])).toMatchObject({
      status: 'succeeded',
      details: { fired: 1, delivered: 1, dead_lettered: 0 },
    });
    expect(await runNight(nights[1])).toMatchObject({
      status: 'succeeded',
      details: { fired: 0, delivered: 0 },
    });
    // A forced re-run of the second night records and sends nothing again.
    expect(await runNight(nights[1])).toMatchObject({ details: { fired: 0, delivered: 0 } });

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    const signature = request?.headers['x-signature'];
    expect(typeof signature).toBe('string');
    expect(verifySignature(request!.body, signature as string, secret)).toBe(true);
    expect(verifySignature(request!.body, signature as string, `${secret}-wrong`)).toBe(false);
    expect(JSON.parse(request!.body)).toMatchObject({
      ruleId: 'vol-high',
      kind: 'metric',
      scopeKey: 'P-USD-GROWTH',
      asOf: nights[0],
      packId: `pack-${nights[0]}`,
      runId: `run-${nights[0]}`,
      episodeStart: nights[0],
      firing: 1,
    });
    const listing = await listAlerts(new DatabaseAlertStore(test.db));
    expect(listing).toHaveLength(1);
    expect(JSON.stringify(listing)).toContain('delivered');
  });

  it('after the cooldown the rule fires again; a receiver that is down gives a dead letter that replay delivers once', async () => {
    receiver.script(500, 503);
    expect(await runNight(afterCooldown)).toMatchObject({
      details: { fired: 1, delivered: 0, dead_lettered: 1 },
    });
    const store = new DatabaseAlertStore(test.db);
    const [letter] = (await store.listDeadLetters()).filter((l) => l.replayedAt === null);
    expect(letter).toMatchObject({ channel: 'webhook', attempts: 2, httpStatus: 503 });
    const options = { store, channels: (await alertSetup(await webhookDeps())).channels };
    expect(await replayDeadLetter(letter!.id, options)).toMatchObject({ outcome: 'delivered' });
    expect(await replayDeadLetter(letter!.id, options)).toBeNull();
    const fired = receiver.requests.map(
      (r) => JSON.parse(r.body) as { asOf: string; firing: number },
    );
    expect(fired.filter((e) => e.asOf === afterCooldown).map((e) => e.firing)).toEqual([2, 2, 2]);
    expect(receiver.effective).toHaveLength(2);
  });

  it('gathers metrics, holdings and price moves (pack close over the previous market_closes close)', async () => {
    const closeOf = async (symbol: string, asOf: string) => {
      const text = await readFile(`${bundledDemoDir}/market/prices/${symbol}.csv`, 'utf8');
      return text
        .split('\n')
        .find((l) => l.startsWith(`${asOf},`))!
        .split(',')[4]!;
    };
    const [before, today] = [await closeOf('AAPL', nights[0]), await closeOf('AAPL', nights[1])];
    await test.db.query(
      `insert into market_closes (symbol, date, close, currency, provider) values ('AAPL', $1, $2, 'USD', 'offline')`,
      [nights[0], before],
    );
    const facts = await gatherNightFacts(
      test.db,
      demoDependencies(),
      { asOf: nights[1], packId: `pack-${nights[1]}`, runId: `run-${nights[1]}` },
      silentLogger,
      new AbortController().signal,
    );
    expect(facts.priceMoves?.['AAPL']).toBeCloseTo(Number(today) / Number(before) - 1, 12);
    expect(facts.priceMoves?.['MSFT']).toBeNull(); // no earlier close in market history
    const growth = facts.portfolios?.find((p) => p.id === 'P-USD-GROWTH');
    expect(growth?.metrics).toEqual({ 'volatility.1Y': 0.31 });
    expect(growth?.holdings).toEqual(['AAPL', 'BRK-B', 'JPM', 'MSFT', 'SAP', 'VTI']);
    expect(facts.news).toEqual({}); // the bundled sample news starts on 2024-03-06
    expect(facts.regime).toEqual({ current: null, previous: null });
  });

  it('reads only the metrics the rules name when given their names', async () => {
    const packId = `pack-${nights[1]}`;
    await upsertMetricSets(test.db.drizzle, packId, [
      { portfolioId: 'P-USD-GROWTH', rows: [valued('sharpe.1Y', 1.25)] },
    ]);
    const gather = (names?: readonly string[]) =>
      gatherNightFacts(
        test.db,
        demoDependencies(),
        { asOf: nights[1], packId, runId: `run-${nights[1]}` },
        silentLogger,
        new AbortController().signal,
        names,
      );
    const growthOf = (facts: Awaited<ReturnType<typeof gather>>) =>
      facts.portfolios?.find((p) => p.id === 'P-USD-GROWTH')?.metrics;
    expect(growthOf(await gather())).toEqual({ 'volatility.1Y': 0.31, 'sharpe.1Y': 1.25 });
    expect(growthOf(await gather(['sharpe.1Y', 'not.stored']))).toEqual({ 'sharpe.1Y': 1.25 });
    expect(growthOf(await gather([]))).toEqual({});
    // the record back as the other tests expect it: without sharpe.1Y
    await test.db.query(
      `update metric_sets set metrics = (select jsonb_agg(e) from jsonb_array_elements(metrics) e
                                          where e->>'metric' <> 'sharpe.1Y')
        where pack_id = $1 and portfolio_id = 'P-USD-GROWTH'`,
      [packId],
    );
  });

  it("a blocked night's operational alert reaches the outbox once, although step 7 never ran", async () => {
    const asOf = '2024-03-11';
    const runId = `run-${asOf}`;
    const at = new Date(`${asOf}T23:09:00Z`);
    await createRun(test.db.drizzle, {
      id: runId,
      asOf,
      trigger: 'cron',
      scheduledAt: at,
      startedAt: at,
    });
    await updateRun(test.db.drizzle, runId, {
      status: 'blocked',
      blockedAt: 'reconcile_ledger',
      error: 'P-USD-GROWTH: 2 breaks',
      finishedAt: at,
    });
    // The engine's own record of the block (rule_id null) is not delivered a second time.
    await recordOperationalAlert(test.db.drizzle, {
      kind: 'run_blocked',
      severity: 'critical',
      runId,
      asOf,
      packId: null,
      message: 'blocked',
      at,
    });
    const outbox = join(dir, 'outbox.jsonl');
    const deps = demoDependencies({
      alertSettings: readAlertSettings({ ALERT_OUTBOX: outbox }),
      alertConsole: { write: (line: string) => consoleLines.push(line) },
      alertRetry: fastRetry,
    });
    const first = await deliverOperationalAlerts(test.db, deps, runId, at);
    // run_blocked on the outbox and the console (every configured channel).
    expect(first).toMatchObject({ runId, asOf, fired: 1, delivered: 2, dead_lettered: 0 });
    expect(await deliverOperationalAlerts(test.db, deps, runId, at)).toMatchObject({
      fired: 0,
      delivered: 0,
    });
    const lines = (await readFile(outbox, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      ruleId: 'builtin.run_blocked',
      kind: 'run_blocked',
      severity: 'critical',
      asOf,
      runId,
      details: { failedStep: 'reconcile_ledger', error: 'P-USD-GROWTH: 2 breaks' },
    });
    expect(consoleLines.some((line) => line.includes('reconcile_ledger'))).toBe(true);
  });
});
