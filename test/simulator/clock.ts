/**
 * The simulator's clock: real time plus whatever the test has advanced it by. It stamps
 * created_at / expires_at / ended_at and decides when files expire; reset() leaves it alone.
 */
export interface SimClock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number;
  /** Moves the clock forward by `ms` (>= 0); real time keeps running on top. */
  advance(ms: number): void;
}

export function createClock(): SimClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`clock.advance: ms must be a finite number >= 0, got ${ms}`);
      }
      offset += ms;
    },
  };
}

/** RFC 3339 with milliseconds and "Z", as the API writes its timestamps. */
export const rfc3339 = (ms: number): string => new Date(ms).toISOString();
