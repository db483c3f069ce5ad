// How long to wait after a failed request: exponential from 2 s up to 15 minutes, with jitter so several
// machines of one team that failed together do not come back together, and never sooner than the server's
// Retry-After. 坚果云 counts requests per account per 30 minutes: hammering a 503 only extends the block.

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 15 * 60_000;

export function backoffDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(Math.max(attempt, 0), 20));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.max(Math.round(jittered), Math.min(retryAfterMs ?? 0, 3_600_000));
}
