import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../conditions/condition.js';
import { advanceEpisode, type Firing } from './advanceEpisode.js';
import type { EpisodeState } from './episodeState.js';

const day = 86_400;

function condition(holds: boolean | null): Condition {
  const key = { ruleId: 'r', scopeKey: 's' };
  if (holds === null) return { ...key, holds: null, reason: 'metric is null' };
  if (!holds) return { ...key, holds: false };
  return { ...key, holds: true, subject: 's', message: 'm', details: {} };
}

/** Runs nights 2026-11-01, -02, … through the machine; returns the firings by night. */
function run(nights: readonly (boolean | null)[], cooldownSeconds: number): (Firing | null)[] {
  let state: EpisodeState | undefined;
  return nights.map((holds, i) => {
    const asOf = `2026-11-${String(i + 1).padStart(2, '0')}`;
    const next = advanceEpisode(state, condition(holds), cooldownSeconds, asOf);
    state = next.state;
    return next.firing;
  });
}

describe('advanceEpisode', () => {
  it('fires when the condition becomes true, not again inside the cooldown, again after it', () => {
    // cooldown 3d: true on nights 1..7 → fires on nights 1, 4, 7 (hand-worked).
    expect(run([true, true, true, true, true, true, true], 3 * day)).toEqual([
      { episodeStart: '2026-11-01', firing: 1 },
      null,
      null,
      { episodeStart: '2026-11-01', firing: 2 },
      null,
      null,
      { episodeStart: '2026-11-01', firing: 3 },
    ]);
  });

  it('clears when false; a return is a new episode that fires at once', () => {
    expect(run([true, false, true, true], 7 * day)).toEqual([
      { episodeStart: '2026-11-01', firing: 1 },
      null,
      { episodeStart: '2026-11-03', firing: 1 },
      null,
    ]);
  });

  it('neither clears nor fires on an unknown night', () => {
    expect(run([true, null, true, null, null, true], 7 * day)).toEqual([
      { episodeStart: '2026-11-01', firing: 1 },
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(run([null, null, true], 7 * day)).toEqual([
      null,
      null,
      { episodeStart: '2026-11-03', firing: 1 },
    ]);
  });

  it('with a cooldown under a day fires every true night', () => {
    expect(run([true, true], 12 * 3600).map((f) => f?.firing)).toEqual([1, 2]);
  });

  it('property: firings in an episode are at least a cooldown apart, and each episode fires on its first true night', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(true, false, null), { minLength: 1, maxLength: 28 }),
        fc.integer({ min: 0, max: 10 }),
        (nights, cooldownDays) => {
          const firings = run(nights, cooldownDays * day);
          let active = false;
          let lastFiredNight = -1;
          nights.forEach((holds, night) => {
            const fired = firings[night] ?? null;
            if (holds !== true) {
              expect(fired).toBeNull();
              if (holds === false) active = false;
              return;
            }
            if (!active) {
              expect(fired?.firing).toBe(1);
              active = true;
            } else if (fired !== null) {
              expect(night - lastFiredNight).toBeGreaterThanOrEqual(cooldownDays);
            } else {
              expect(night - lastFiredNight).toBeLessThan(cooldownDays);
            }
            if (fired !== null) lastFiredNight = night;
          });
        },
      ),
    );
  });
});
