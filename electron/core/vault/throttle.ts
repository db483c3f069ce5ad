// Growing delay after wrong master passwords: the first two mistakes are free (typos happen), then each
// further one doubles the wait, up to five minutes. Pure, so the policy is tested without waiting.

export const FREE_ATTEMPTS = 2;
export const MAX_DELAY_MS = 5 * 60_000;

export function throttleDelayMs(failedAttempts: number): number {
  if (failedAttempts <= FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failedAttempts - FREE_ATTEMPTS));
}

export function throttledUntil(failedAttempts: number, lastFailedAt: number | null): number | null {
  const delay = throttleDelayMs(failedAttempts);
  if (delay === 0 || lastFailedAt === null) return null;
  return lastFailedAt + delay;
}
