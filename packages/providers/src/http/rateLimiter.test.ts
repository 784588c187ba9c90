import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rateLimiter.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RateLimiter', () => {
  it('starts at most `requests` calls in any window of `intervalMs`, in FIFO order', async () => {
    const limiter = new RateLimiter(10, { requests: 2, intervalMs: 150 });
    const t0 = Date.now();
    const started: { id: number; at: number }[] = [];
    const call = (id: number) =>
      limiter.run(async () => {
        started.push({ id, at: Date.now() - t0 });
        return id;
      });
    expect(await Promise.all([call(1), call(2), call(3), call(4), call(5)])).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(started.map((s) => s.id)).toEqual([1, 2, 3, 4, 5]);
    // the third start waits for the first to leave the window, the fifth for the third
    for (let i = 2; i < started.length; i++) {
      expect(started[i]!.at - started[i - 2]!.at).toBeGreaterThanOrEqual(149);
    }
    expect(started[1]!.at).toBeLessThan(100);
  });

  it('never runs more than `concurrency` at once', async () => {
    const limiter = new RateLimiter(2, { requests: 100, intervalMs: 1_000 });
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        limiter.run(async () => {
          running++;
          most = Math.max(most, running);
          await sleep(20);
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
  });

  it('holds no timer once nothing waits — an idle limiter keeps no process alive', async () => {
    const limiter = new RateLimiter(1, { requests: 1, intervalMs: 60_000 });
    await limiter.run(async () => 'first');
    expect(limiter.holdsTimer).toBe(false);
    const controller = new AbortController();
    const second = limiter.run(async () => 'second', controller.signal);
    // the second call waits for the window: a timer is held only for it
    expect(limiter.waiting).toBe(1);
    expect(limiter.holdsTimer).toBe(true);
    controller.abort(new Error('shutting down'));
    await expect(second).rejects.toThrow('shutting down');
    expect(limiter.waiting).toBe(0);
    expect(limiter.holdsTimer).toBe(false);
  });

  it('passes a failing call’s error through and frees its slot', async () => {
    const limiter = new RateLimiter(1, { requests: 10, intervalMs: 1_000 });
    await expect(limiter.run(async () => Promise.reject(new Error('503')))).rejects.toThrow('503');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });
});
