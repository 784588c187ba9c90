import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledDemoDir, pipelineSteps } from '@truth-spine/orchestrator';
import { openDatabase, schema } from '@truth-spine/store';
import { OfflineReplaySource } from '@truth-spine/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli/io.js';
import { UsageError } from '../cli/usageError.js';
import { openRuntime } from './openRuntime.js';

describe('openRuntime', () => {
  let dir: string;
  let stdout: string;
  let stderr: string;
  const io = (env: Record<string, string>): CliIo => ({
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { LOG_FORMAT: 'json', ...env },
    cwd: dir,
  });
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'truth-spine-runtime-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('with only a database configured: bundled books loaded, offline replay, the seven bodies, logs on stderr only', async () => {
    stdout = '';
    stderr = '';
    const calls: string[] = [];
    const runtime = await openRuntime(io({ DATABASE_URL: 'pglite://db', CALENDAR_SYMBOL: 'SPY' }), {
      onProviderCall: (call) => calls.push(`${call.source}.${call.method}`),
    });
    try {
      expect(runtime.config.booksDir).toBe(bundledDemoDir);
      expect(runtime.deps.ledgerDir).toBe(join(bundledDemoDir, 'ledgers'));
      expect(runtime.deps.calendarSymbol).toBe('SPY');
      expect(runtime.marketMode).toBe('offline');
      expect(runtime.deps.fallback).toBeNull();
      expect(runtime.deps.alertSettings).toEqual({
        rulesFile: null,
        webhook: null,
        outboxFile: null,
      });
      expect(Object.keys(runtime.bodies).sort()).toEqual([...pipelineSteps].sort());
      // data/demo/README.md: four portfolios.
      const portfolios = await runtime.db.drizzle
        .select({ id: schema.portfolios.id })
        .from(schema.portfolios);
      expect(portfolios).toHaveLength(4);
      // The offline data set's last day is the default date.
      const manifest = await new OfflineReplaySource(join(bundledDemoDir, 'market')).manifest();
      expect(await runtime.nightlyDate(new Date())).toBe(manifest.calendar.last);
      // Market calls go through the counting decorator.
      await runtime.deps.market.macroSeries({
        seriesIds: ['DGS10'],
        from: '2024-03-01',
        to: '2024-03-08',
      });
      expect(calls).toEqual(['primary.macroSeries']);
    } finally {
      await runtime.close();
    }
    expect(stdout).toBe('');
    const messages = stderr
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toEqual(
      expect.arrayContaining(['loaded books into an empty database', 'runtime opened']),
    );
    // Loading the demo's books is said as a warning, with how to start empty instead.
    expect(messages).toContain(
      'loaded the bundled demo books into the empty database: 4 portfolio(s), 18 securities, ' +
        '540 transaction(s) (to start with an empty database instead, set BOOKS_DIR=none and ' +
        'add your own with securities add / portfolios add)',
    );
  }, 120_000);

  it('refuses (exit-64 UsageError) a database migrated by a newer release, and leaves it closed', async () => {
    const db = await openDatabase('pglite://db', { cwd: dir });
    await db.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
      'from-the-future',
      Date.UTC(2099, 0, 1),
    ]);
    await db.close();
    const attempt = openRuntime(io({ DATABASE_URL: 'pglite://db' }));
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(
      /1 migration\(s\) this release does not know \(created at 2099-01-01T00:00:00\.000Z\)/,
    );
    // The embedded directory was released: it opens again.
    const again = await openDatabase('pglite://db', { cwd: dir, migrate: false });
    await again.close();
  }, 60_000);

  it('rejects a bad setting before opening anything', async () => {
    await expect(
      openRuntime(io({ DATABASE_URL: 'pglite://db', MARKET_DATA: 'replay' })),
    ).rejects.toThrow(/^MARKET_DATA must be offline or live/);
    await expect(openRuntime(io({ STEP_MAX_ATTEMPTS: 'zero' }))).rejects.toBeInstanceOf(UsageError);
    const secret = 'short-secret';
    const webhook = openRuntime(
      io({ ALERT_WEBHOOK_URL: 'https://hooks.example/x', ALERT_WEBHOOK_SECRET: secret }),
    );
    await expect(webhook).rejects.toBeInstanceOf(UsageError);
    await expect(webhook).rejects.toThrow(/^ALERT_WEBHOOK_SECRET must be at least 16 characters/);
    await expect(webhook).rejects.not.toThrow(secret);
  });
});
