import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { quantile, runLoad } from './loadTest.js';

describe('quantile', () => {
  it('is the nearest rank', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(hundred, 0.99)).toBe(99);
    expect(quantile(hundred, 0.5)).toBe(50);
    expect(quantile(hundred, 1)).toBe(100);
    expect(quantile([7], 0.99)).toBe(7);
  });
});

describe('runLoad', () => {
  it('counts every answer, failures by status, over the given paths', async () => {
    const seen = new Map<string, number>();
    const server = createServer((req, res) => {
      seen.set(req.url!, (seen.get(req.url!) ?? 0) + 1);
      res.writeHead(req.url === '/bad' ? 503 : 200).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const result = await runLoad({
        baseUrl: `http://127.0.0.1:${port}`,
        paths: ['/good', '/bad'],
        connections: 4,
        seconds: 0.3,
      });
      const served = [...seen.values()].reduce((a, b) => a + b, 0);
      expect(result.requests).toBe(served);
      expect(result.failures).toBe(seen.get('/bad'));
      expect(Math.abs((seen.get('/good') ?? 0) - (seen.get('/bad') ?? 0))).toBeLessThanOrEqual(1);
      expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
      expect(result.requestsPerSecond).toBeCloseTo(result.requests / result.seconds, 6);
    } finally {
      server.close();
    }
  });
});
