import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../testing/sampleEvent.js';
import { alertPayload } from './alertPayload.js';

describe('alertPayload', () => {
  it('carries what a receiver needs, survives JSON unchanged, and leaves out routing', () => {
    const event = sampleEvent();
    const payload = alertPayload(event);
    expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
    expect(payload).toMatchObject({
      version: 1,
      idempotencyKey: event.idempotencyKey,
      firedAt: event.createdAt,
      details: event.details,
    });
    expect(Object.keys(payload)).not.toContain('channels');
  });

  it('is the same text for the same stored event, and differs for a different one', () => {
    expect(JSON.stringify(alertPayload(sampleEvent()))).toBe(
      JSON.stringify(alertPayload(sampleEvent())),
    );
    expect(JSON.stringify(alertPayload(sampleEvent({ firing: 2 })))).not.toBe(
      JSON.stringify(alertPayload(sampleEvent())),
    );
  });
});
