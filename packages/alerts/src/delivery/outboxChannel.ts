import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StoredAlertEvent } from '../events/alertEvent.js';
import { alertPayload } from '../events/alertPayload.js';
import type { AlertChannel, SendOutcome } from './alertChannel.js';

/**
 * The file outbox channel: appends the event's JSON payload as one line to `path` (JSONL,
 * `ALERT_OUTBOX`) and fsyncs. Never writes a second line for an idempotency key already in
 * the file, so a crash between the write and the store's record cannot duplicate a line;
 * a torn last line left by a crash mid-write is cut off before appending.
 */
export function outboxChannel(path: string): AlertChannel {
  let cache: { size: number; keys: Set<string> } | null = null;
  return {
    name: 'outbox',
    async send(event: StoredAlertEvent): Promise<SendOutcome> {
      try {
        await mkdir(dirname(path), { recursive: true });
        const file = await open(path, 'a+');
        try {
          const { size } = await file.stat();
          if (cache === null || cache.size !== size) cache = await readKeys(file, size);
          if (!cache.keys.has(event.idempotencyKey)) {
            const line = Buffer.from(`${JSON.stringify(alertPayload(event))}\n`, 'utf8');
            await file.write(line);
            await file.sync();
            cache.keys.add(event.idempotencyKey);
            cache.size += line.length;
          }
        } finally {
          await file.close();
        }
        return { ok: true, httpStatus: null };
      } catch (error) {
        cache = null;
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        return { ok: false, retryable: true, httpStatus: null, error: `outbox ${path}: ${reason}` };
      }
    },
  };
}

/** The idempotency keys of the file's complete lines; truncates a torn tail (no final newline). */
async function readKeys(
  file: FileHandle,
  size: number,
): Promise<{ size: number; keys: Set<string> }> {
  const buffer = Buffer.alloc(size);
  if (size > 0) await file.read(buffer, 0, size, 0);
  const complete = buffer.lastIndexOf(0x0a) + 1;
  if (complete < size) {
    await file.truncate(complete);
    await file.sync();
  }
  const keys = new Set<string>();
  for (const line of buffer.toString('utf8', 0, complete).split('\n')) {
    if (line === '') continue;
    const key = keyOf(line);
    if (key !== null) keys.add(key);
  }
  return { size: complete, keys };
}

function keyOf(line: string): string | null {
  try {
    const parsed = JSON.parse(line) as { idempotencyKey?: unknown };
    return typeof parsed.idempotencyKey === 'string' ? parsed.idempotencyKey : null;
  } catch {
    return null;
  }
}
