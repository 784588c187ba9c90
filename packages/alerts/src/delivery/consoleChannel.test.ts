import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../testing/sampleEvent.js';
import { consoleChannel } from './consoleChannel.js';

describe('consoleChannel', () => {
  it('writes one readable line per event', async () => {
    const written: string[] = [];
    const event = sampleEvent();
    expect(await consoleChannel({ write: (text) => written.push(text) }).send(event)).toEqual({
      ok: true,
      httpStatus: null,
    });
    expect(written).toEqual([
      `ALERT WARNING 2026-11-02 vol-high portfolio p1: volatility.1Y of portfolio p1 is 0.31, > 0.25 [key ${event.idempotencyKey.slice(0, 12)}]\n`,
    ]);
  });
});
