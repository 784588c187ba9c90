import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../alerts/delivery/signBody.js';
import { listAlerts } from '../../alerts/listing/listAlerts.js';
import { readAlertSettings } from '../../alerts/settings/alertSettings.js';
import { DatabaseAlertStore } from '../../alerts/store/databaseAlertStore.js';
import { WebhookReceiver } from '../../alerts/testing/webhookReceiver.js';
import { loadBooks } from '../../books/loadBooks.js';
import { bundledDemoDir } from '../../config/loadConfig.js';
import { metrics } from '../../db/schema.js';
import { recordOperationalAlert } from '../../pipeline/operationalAlert.js';
import { createRun, updateRun } from '../../pipeline/runStore.js';
import {
  openTestDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../../testing/testDatabases.js';
import {
  demoDependencies,
  insertDemoPack,
  stepContext,
} from '../prewarmRatings/testing/demoPack.js';
import { deliverOperationalAlerts } from './deliverOperationalAlerts.js';
import { evaluateAlertsStep } from './evaluateAlertsStep.js';

const secret = 'step-seven-secret-0123456789abcdef';
const nights = ['2024-03-07', '2024-03-08'] as const;
const fastRetry = { maxAttempts: 2, backoffMs: () => 1 };

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
    for (const asOf of nights) {
      const packId = await insertDemoPack(test.db, `pack-${asOf}`, asOf);
      // The growth portfolio's 1-year volatility is above the rule's threshold on both nights.
      await test.db.drizzle.insert(metrics).values([
        { packId, portfolioId: 'P-USD-GROWTH', metric: 'volatility.1Y', value: 0.31 },
        { packId, portfolioId: 'P-USD-INCOME', metric: 'volatility.1Y', value: 0.12 },
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
