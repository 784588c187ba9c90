import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AlertChannels,
  type AlertRule,
  deliverPending,
  evaluateAlerts,
  loadAlertRules,
} from '@truth-spine/alerts';
import { readAlertSettings } from '../../config/alertSettings/alertSettings.js';
import { configureChannels } from '../../config/alertSettings/configureChannels.js';
import { failingOnce, MemoryAlertStore, WebhookReceiver } from '@truth-spine/alerts/testing';

/**
 * Alerts end to end as step 7 would run them: the rules file and settings as a user
 * writes them, a local webhook receiver, the outbox and the console, over consecutive nights.
 */
const secret = 'nightly-alert-secret-0123456789abcdef';
let receiver: WebhookReceiver;
let rules: AlertRule[];
let channels: AlertChannels;
let outbox: string;
const consoleLines: string[] = [];
const store = new MemoryAlertStore();

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  const dir = await mkdtemp(join(tmpdir(), 'alert-nights-'));
  const rulesFile = join(dir, 'alerts.json');
  outbox = join(dir, 'outbox.jsonl');
  await writeFile(
    rulesFile,
    '{"rules": [{"id": "vol-high", "kind": "metric", "metric": "volatility.1Y", "op": ">", "threshold": 0.25, ' +
      '"scope": "all", "severity": "warning", "channels": ["webhook", "outbox", "console"], "cooldown": "7d"}]}',
  );
  const settings = readAlertSettings({
    ALERT_RULES: rulesFile,
    ALERT_WEBHOOK_URL: receiver.url,
    ALERT_WEBHOOK_SECRET: secret,
    ALERT_OUTBOX: outbox,
  });
  rules = await loadAlertRules(settings.rulesFile ?? '');
  channels = configureChannels(settings, rules, { write: (line) => consoleLines.push(line) });
});
afterAll(async () => {
  await receiver.close();
});

/** Step 7 for one night: evaluate, record, deliver. Returns the keys delivered on the webhook. */
async function night(asOf: string, volatility: number | null): Promise<string[]> {
  await evaluateAlerts({
    rules,
    facts: {
      asOf,
      packId: `pack-${asOf}`,
      runId: `run-${asOf}`,
      portfolios: [{ id: 'p1', metrics: { 'volatility.1Y': volatility }, holdings: ['AAPL'] }],
    },
    store,
  });
  const results = await deliverPending({
    store,
    channels,
    retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1, factor: 1 },
  });
  expect(results.every((r) => r.outcome === 'delivered')).toBe(true);
  return results.filter((r) => r.channel === 'webhook').map((r) => r.eventKey);
}

async function outboxKeys(): Promise<string[]> {
  const text = await readFile(outbox, 'utf8');
  return text
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { idempotencyKey: string }).idempotencyKey);
}

describe('alerts across nights (volatility.1Y > 0.25, cooldown 7d)', () => {
  it('night 1: the condition becomes true → one signed delivery on every channel', async () => {
    const [key] = await night('2026-11-02', 0.31);
    expect(receiver.requests).toHaveLength(1);
    const request = receiver.requests[0];
    const independent = createHmac('sha256', secret)
      .update(Buffer.from(request?.body ?? '', 'utf8'))
      .digest('hex');
    expect(request?.headers['x-signature']).toBe(`sha256=${independent}`);
    expect(request?.headers['idempotency-key']).toBe(key);
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      ruleId: 'vol-high',
      asOf: '2026-11-02',
      firing: 1,
    });
    expect(await outboxKeys()).toEqual([key]);
    expect(consoleLines).toHaveLength(1);
  });

  it('night 2 still true, inside the cooldown → no delivery; a --force re-run and a backfill of night 1 → none either', async () => {
    expect(await night('2026-11-03', 0.3)).toEqual([]);
    expect(await night('2026-11-03', 0.3)).toEqual([]);
    expect(await night('2026-11-02', 0.31)).toEqual([]);
    expect(receiver.requests).toHaveLength(1);
  });

  it('still true once the cooldown has passed (7 days after night 1) → another delivery', async () => {
    for (const asOf of ['2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08']) {
      expect(await night(asOf, 0.29)).toEqual([]);
    }
    const keys = await night('2026-11-09', 0.28);
    expect(keys).toHaveLength(1);
    expect(JSON.parse(receiver.requests[1]?.body ?? '{}')).toMatchObject({
      asOf: '2026-11-09',
      episodeStart: '2026-11-02',
      firing: 2,
    });
  });

  it('clears, then returns → a new event at once, whatever the cooldown', async () => {
    expect(await night('2026-11-10', 0.2)).toEqual([]);
    expect(await night('2026-11-11', 0.27)).toHaveLength(1);
    expect(JSON.parse(receiver.requests[2]?.body ?? '{}')).toMatchObject({
      episodeStart: '2026-11-11',
      firing: 1,
    });
  });

  it('in all: three events, each delivered exactly once per channel, never twice', async () => {
    const events = await store.listEvents();
    expect(events).toHaveLength(3);
    const keys = events.map((e) => e.idempotencyKey);
    expect(receiver.requests.map((r) => r.headers['idempotency-key'])).toEqual(keys);
    expect(receiver.effective).toEqual(keys);
    expect(await outboxKeys()).toEqual(keys);
    expect(consoleLines).toHaveLength(3);
    expect(await store.listDelivered()).toHaveLength(9);
    expect(
      JSON.stringify([consoleLines, await store.listAttempts(), await readFile(outbox, 'utf8')]),
    ).not.toContain(secret);
  });
});

describe('a process killed mid-delivery, then step 7 run again for the same night', () => {
  it('records no second event and re-sends only with the same idempotency key', async () => {
    const crashStore = new MemoryAlertStore();
    const facts = {
      asOf: '2026-11-20',
      packId: 'pack-2026-11-20',
      runId: 'run-2026-11-20',
      portfolios: [{ id: 'p9', metrics: { 'volatility.1Y': 0.4 }, holdings: [] }],
    };
    const before = receiver.requests.length;
    await evaluateAlerts({ rules, facts, store: crashStore });
    const dying = failingOnce(crashStore, 'recordAttemptFinished', 'killed');
    await expect(
      deliverPending({ store: dying, channels: { webhook: channels.webhook } }),
    ).rejects.toThrow('killed');
    expect((await crashStore.listAttempts()).map((a) => a.status)).toEqual(['attempting']);

    const rerun = await evaluateAlerts({ rules, facts, store: crashStore });
    expect(rerun.fired).toEqual([]);
    expect(rerun.alreadyRecorded).toHaveLength(1);
    await deliverPending({
      store: crashStore,
      channels,
      retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 1, factor: 1 },
    });
    expect(await deliverPending({ store: crashStore, channels })).toEqual([]);

    const [event] = await crashStore.listEvents();
    expect(await crashStore.listEvents()).toHaveLength(1);
    const sent = receiver.requests.slice(before);
    expect(sent.map((r) => r.headers['idempotency-key'])).toEqual([
      event?.idempotencyKey,
      event?.idempotencyKey,
    ]);
    expect(sent[1]?.body).toBe(sent[0]?.body);
    expect(receiver.effective.filter((k) => k === event?.idempotencyKey)).toHaveLength(1);
  });
});
