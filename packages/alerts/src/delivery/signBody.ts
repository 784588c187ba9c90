import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `X-Signature` header value for a webhook body: `sha256=` + hex HMAC-SHA256 of the raw
 * body bytes (UTF-8) keyed with `ALERT_WEBHOOK_SECRET`.
 */
export function signatureHeader(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** For receivers: true when `header` is the {@link signatureHeader} of `body` (constant-time compare). */
export function verifySignature(body: string, header: string, secret: string): boolean {
  const expected = Buffer.from(signatureHeader(body, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
