import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEvent } from '../testing/sampleEvent.js';
import { WebhookReceiver } from '../testing/webhookReceiver.js';
import { webhookChannel } from './webhookChannel.js';

const secret = 'webhook-secret-for-tests-0123456789';
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await WebhookReceiver.start();
});
afterAll(async () => {
  await receiver.close();
});

describe('webhookChannel', () => {
  it('POSTs the JSON payload signed with HMAC-SHA256 of the raw body, with the idempotency key', async () => {
    const event = sampleEvent();
    const outcome = await webhookChannel({ url: receiver.url, secret }).send(event);
    expect(outcome).toEqual({ ok: true, httpStatus: 200 });
    const request = receiver.requests.at(-1);
    if (request === undefined) throw new Error('receiver saw nothing');
    // Independent check: the receiver recomputes the HMAC from the raw bytes it received.
    const expected = `sha256=${createHmac('sha256', secret).update(Buffer.from(request.body, 'utf8')).digest('hex')}`;
    expect(request.headers['x-signature']).toBe(expected);
    expect(request.headers['idempotency-key']).toBe(event.idempotencyKey);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toMatchObject({
      version: 1,
      idempotencyKey: event.idempotencyKey,
      ruleId: 'vol-high',
      severity: 'warning',
      message: event.message,
      firedAt: event.createdAt,
    });
  });

  it('sends byte-identical bodies when the same event is sent again', async () => {
    const channel = webhookChannel({ url: receiver.url, secret });
    const before = receiver.requests.length;
    await channel.send(sampleEvent({ firing: 2 }));
    await channel.send(sampleEvent({ firing: 2 }));
    const [first, second] = receiver.requests.slice(before);
    expect(second?.body).toBe(first?.body);
    expect(second?.headers['x-signature']).toBe(first?.headers['x-signature']);
  });

  it('classifies 5xx as retryable and 4xx as final', async () => {
    const channel = webhookChannel({ url: receiver.url, secret });
    receiver.script(503, 400, 404);
    expect(await channel.send(sampleEvent())).toMatchObject({
      ok: false,
      retryable: true,
      httpStatus: 503,
    });
    expect(await channel.send(sampleEvent())).toMatchObject({
      ok: false,
      retryable: false,
      httpStatus: 400,
    });
    const notFound = await channel.send(sampleEvent());
    expect(notFound).toMatchObject({ ok: false, retryable: false, httpStatus: 404 });
    expect(!notFound.ok && notFound.error).toBe(`webhook ${receiver.url} answered 404 Not Found`);
  });

  it('treats a timeout and a refused connection as retryable, naming the endpoint without its query', async () => {
    receiver.delay(300);
    const slow = await webhookChannel({ url: receiver.url, secret, timeoutMs: 50 }).send(
      sampleEvent(),
    );
    receiver.delay(0);
    expect(slow).toEqual({
      ok: false,
      retryable: true,
      httpStatus: null,
      error: `webhook ${receiver.url}: no answer within 50 ms`,
    });
    const down = await WebhookReceiver.start();
    const downUrl = down.url;
    await down.close();
    const refused = await webhookChannel({ url: `${downUrl}?token=${secret}`, secret }).send(
      sampleEvent(),
    );
    expect(refused).toEqual({
      ok: false,
      retryable: true,
      httpStatus: null,
      error: `webhook ${downUrl}: network error (ECONNREFUSED)`,
    });
  });
});
