import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryAlertStore } from '../store/memoryAlertStore.js';
import { failingOnce } from '../testing/failingOnce.js';
import { sampleEvent } from '../testing/sampleEvent.js';
import { deliverPending } from './deliverPending.js';
import { outboxChannel } from './outboxChannel.js';

let path: string;
beforeEach(async () => {
  path = join(await mkdtemp(join(tmpdir(), 'alert-outbox-')), 'nested', 'outbox.jsonl');
});

async function lines(): Promise<{ idempotencyKey: string }[]> {
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { idempotencyKey: string });
}

describe('outboxChannel', () => {
  it('appends one JSON line per event, creating the folder', async () => {
    const channel = outboxChannel(path);
    const a = sampleEvent();
    const b = sampleEvent({ firing: 2 });
    expect(await channel.send(a)).toEqual({ ok: true, httpStatus: null });
    await channel.send(b);
    expect((await lines()).map((l) => l.idempotencyKey)).toEqual([
      a.idempotencyKey,
      b.idempotencyKey,
    ]);
    expect((await lines())[0]).toMatchObject({
      version: 1,
      ruleId: 'vol-high',
      message: a.message,
    });
  });

  it('never writes a key twice — same instance, a new process, or after a crash before the record', async () => {
    const event = sampleEvent({ channels: ['outbox'] });
    await outboxChannel(path).send(event);
    await outboxChannel(path).send(event);

    const store = new MemoryAlertStore();
    await store.insertEvent(event, new Date(event.createdAt));
    const other = sampleEvent({ firing: 3, channels: ['outbox'] });
    await store.insertEvent(other, new Date(other.createdAt));
    const dying = failingOnce(store, 'recordAttemptFinished', 'process killed');
    await expect(
      deliverPending({ store: dying, channels: { outbox: outboxChannel(path) } }),
    ).rejects.toThrow();
    await deliverPending({ store, channels: { outbox: outboxChannel(path) } });
    expect(await deliverPending({ store, channels: { outbox: outboxChannel(path) } })).toEqual([]);
    expect((await lines()).map((l) => l.idempotencyKey)).toEqual([
      event.idempotencyKey,
      other.idempotencyKey,
    ]);
  });

  it('notices lines appended by someone else and cuts a torn last line before appending', async () => {
    const channel = outboxChannel(path);
    const first = sampleEvent();
    await channel.send(first);
    const torn = sampleEvent({ firing: 4 });
    await appendFile(path, JSON.stringify({ idempotencyKey: torn.idempotencyKey }).slice(0, 20));
    await channel.send(torn);
    await channel.send(torn);
    expect((await lines()).map((l) => l.idempotencyKey)).toEqual([
      first.idempotencyKey,
      torn.idempotencyKey,
    ]);
  });

  it('reports an unwritable path as a retryable failure naming the file', async () => {
    const blocker = join(await mkdtemp(join(tmpdir(), 'alert-outbox-')), 'file');
    await writeFile(blocker, 'x');
    const outcome = await outboxChannel(join(blocker, 'outbox.jsonl')).send(sampleEvent());
    expect(outcome).toMatchObject({ ok: false, retryable: true, httpStatus: null });
    // The folder cannot be created because a file is in the way (EEXIST or ENOTDIR, by platform).
    expect(!outcome.ok && outcome.error).toMatch(
      /^outbox \S+\/file\/outbox\.jsonl: E(EXIST|NOTDIR)$/,
    );
  });
});
