// The wait after wrong master passwords, as the lock screen shows it: none for the first two, then
// doubling from 2 s to at most five minutes, counted from the last failure; "no wait" is null, never a time
// in the past (the lock screen would show a countdown to it).
import { describe, expect, it } from 'vitest';
import { MAX_DELAY_MS, throttleDelayMs, throttledUntil } from '../../electron/core/vault/throttle.ts';

describe('unlock throttle', () => {
  it('waits 0, 0, 0, 2, 4, 8 … seconds after 0, 1, 2, 3, 4, 5 … failures, at most five minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10, 11, 50].map(throttleDelayMs)).toEqual([
      0,
      0,
      0,
      2000,
      4000,
      8000,
      16_000,
      256_000,
      MAX_DELAY_MS,
      MAX_DELAY_MS,
    ]);
    expect(MAX_DELAY_MS).toBe(300_000);
  });

  it('is a time only when there is a wait and a last failure to count it from', () => {
    expect(throttledUntil(0, null)).toBeNull();
    expect(throttledUntil(2, 1_000_000)).toBeNull();
    expect(throttledUntil(3, null)).toBeNull();
    expect(throttledUntil(3, 1_000_000)).toBe(1_002_000);
    expect(throttledUntil(12, 1_000_000)).toBe(1_300_000);
  });
});
