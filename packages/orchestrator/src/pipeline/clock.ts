/** Where the engine reads the time (deadlines, durations); tests inject a fake one. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };
