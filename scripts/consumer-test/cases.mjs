// Inputs and independently computed expectations shared by the two consumers (plain ESM and
// strict TypeScript). Nothing here imports finance-core: every expected number is worked out
// by hand or constructed from a known answer, so a wrong package result cannot agree with it.

/** Epoch day of a UTC calendar date, by the platform's own Date (not the package's). */
const epochDay = (year, month, day) => Date.UTC(year, month - 1, day) / 86_400_000;

/**
 * TWR with flows at the end of the day: start 100; day 1 ends at 160 after a 50 deposit
 * (r = 110/100 − 1 = 0.10); day 2 ends at 122 after a 30 withdrawal (r = 152/160 − 1 = −0.05);
 * day 3 ends at 130.54 (r = 130.54/122 − 1 = 0.07). TWR = 1.10 · 0.95 · 1.07 − 1 = 0.11815.
 */
export const twrCase = {
  startValue: 100,
  values: [160, 122, 130.54],
  flows: [50, -30, 0],
  expectedDailyReturns: [0.1, -0.05, 0.07],
  expectedTwr: 0.11815,
};

/**
 * XIRR with a known rate of 8 %: −1000 on 2021-01-01, −500 on 2021-04-11 (100 days later) and
 * a final value on 2023-01-01 (730 days) equal to both flows grown at 8 % Actual/365F.
 */
const knownRate = 0.08;
const xirrDays = [epochDay(2021, 1, 1), epochDay(2021, 4, 11), epochDay(2023, 1, 1)];
const growth = (from) => Math.pow(1 + knownRate, (xirrDays[2] - from) / 365);
export const xirrCase = {
  days: xirrDays,
  amounts: [-1000, -500, 1000 * growth(xirrDays[0]) + 500 * growth(xirrDays[1])],
  expectedRate: knownRate,
  expectedSpanDays: 730,
};

/** y = 0.0002 + 1.5·MKT − 0.7·SMB exactly, over 60 days of deterministic factor returns. */
const n = 60;
const mkt = Array.from({ length: n }, (_, t) => 0.01 * Math.sin(0.7 * t + 0.3));
const smb = Array.from({ length: n }, (_, t) => 0.004 * Math.cos(1.3 * t) + 0.001 * ((t % 7) - 3));
export const factorCase = {
  names: ['MKT', 'SMB'],
  mkt,
  smb,
  y: mkt.map((m, t) => 0.0002 + 1.5 * m - 0.7 * smb[t]),
  expectedIntercept: 0.0002,
  expectedLoadings: { MKT: 1.5, SMB: -0.7 },
  expectedObservations: n,
};

/** Throws unless |actual − expected| ≤ tolerance, naming the check. */
export function assertClose(label, actual, expected, tolerance) {
  if (typeof actual !== 'number' || !(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`${label}: got ${String(actual)}, expected ${expected} ± ${tolerance}`);
  }
}

/** Throws unless `condition` holds. */
export function assertThat(label, condition) {
  if (!condition) throw new Error(`${label}: check failed`);
}
