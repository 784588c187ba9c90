import { describe, expect, it } from 'vitest';
import type { ResilienceSettings } from '../config/providerConfig.js';
import { ProviderHttpError } from '../errors/providerHttpError.js';
import { ProviderNetworkError } from '../errors/providerNetworkError.js';
import { backoffDelayMs, retryWithBackoff, type RetryEnvironment } from './retryWithBackoff.js';

const settings: ResilienceSettings = {
  timeoutMs: 100,
  maxAttempts: 4,
  backoffBaseMs: 100,
  backoffMaxMs: 1_000,
  retryBudgetMs: 10_000,
  breakerThreshold: 5,
  breakerHalfOpenMs: 1_000,
};

/** A virtual clock: sleeping advances it and records the wait. */
function virtualTime(random = 0.5): RetryEnvironment & { waits: number[] } {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    random: () => random,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

const serverError = () => new ProviderHttpError('polygon', '/v2/x', 503, 'server_error', '');
const rateLimited = (retryAfterMs: number | null) =>
  new ProviderHttpError('polygon', '/v2/x', 429, 'rate_limited', '', retryAfterMs);

describe('backoffDelayMs', () => {
  it('doubles the jitter ceiling per retry up to the cap', () => {
    expect(backoffDelayMs(1, settings, 1, null)).toBe(100);
    expect(backoffDelayMs(3, settings, 1, null)).toBe(400);
    expect(backoffDelayMs(9, settings, 1, null)).toBe(1_000);
    expect(backoffDelayMs(3, settings, 0.25, null)).toBe(100);
  });

  it('never waits less than Retry-After', () => {
    expect(backoffDelayMs(1, settings, 0.5, 3_000)).toBe(3_000);
    expect(backoffDelayMs(4, settings, 1, 10)).toBe(800);
  });
});

describe('retryWithBackoff', () => {
  it('retries transient failures and returns the first success', async () => {
    const time = virtualTime();
    const failures = [serverError(), new ProviderNetworkError('fmp', '/x', true, '100 ms')];
    const retries: string[] = [];
    const result = await retryWithBackoff(
      async (n) => {
        const failure = failures.shift();
        if (failure !== undefined) throw failure;
        return `ok on attempt ${n}`;
      },
      settings,
      time,
      undefined,
      (error, attempt, delay) => retries.push(`${error.code} #${attempt} +${delay}`),
    );
    expect(result).toBe('ok on attempt 3');
    expect(time.waits).toEqual([50, 100]);
    expect(retries).toEqual(['provider_server_error #1 +50', 'provider_timeout #2 +100']);
  });

  it('waits as long as Retry-After says', async () => {
    const time = virtualTime();
    let calls = 0;
    await retryWithBackoff(
      async () => {
        if (++calls === 1) throw rateLimited(2_000);
        return 1;
      },
      settings,
      time,
    );
    expect(time.waits).toEqual([2_000]);
  });

  it('does not retry 400/401/402/403 or non-provider errors', async () => {
    for (const [status, kind] of [
      [400, 'bad_request'],
      [401, 'unauthorized'],
      [402, 'payment_required'],
      [403, 'forbidden'],
    ] as const) {
      let calls = 0;
      const error = new ProviderHttpError('fmp', '/x', status, kind, '');
      await expect(
        retryWithBackoff(
          async () => {
            calls++;
            throw error;
          },
          settings,
          virtualTime(),
        ),
      ).rejects.toBe(error);
      expect(calls).toBe(1);
    }
    await expect(
      retryWithBackoff(
        async () => {
          throw new TypeError('bug');
        },
        settings,
        virtualTime(),
      ),
    ).rejects.toThrow('bug');
  });

  it('stops after maxAttempts with the last error', async () => {
    let calls = 0;
    const time = virtualTime();
    await expect(
      retryWithBackoff(
        async () => {
          calls++;
          throw serverError();
        },
        settings,
        time,
      ),
    ).rejects.toMatchObject({
      code: 'provider_server_error',
      attempts: 4,
      message: 'polygon /v2/x: HTTP 503 server error (gave up after 4 attempts)',
    });
    expect(calls).toBe(4);
    expect(time.waits).toHaveLength(3);
  });

  it('gives up when the next wait would overrun the total budget', async () => {
    let calls = 0;
    await expect(
      retryWithBackoff(
        async () => {
          calls++;
          throw rateLimited(60_000);
        },
        settings,
        virtualTime(),
      ),
    ).rejects.toMatchObject({ code: 'provider_rate_limited' });
    expect(calls).toBe(1);
  });
});
