// Typed input that was not saved yet, kept in this page's memory (never on disk) across a lock: an
// auto-lock unmounts every screen, and what someone was typing must be there again after the unlock.
// Secrets are never kept here (callers leave password fields out).
const kept = new Map<string, Record<string, unknown>>();

export const unsaved = {
  keep(key: string, values: Record<string, unknown>): void {
    kept.set(key, { ...kept.get(key), ...values });
  },
  peek(key: string): Record<string, unknown> | undefined {
    return kept.get(key);
  },
  /** Keys starting with `prefix` that hold something, e.g. every shop form left open. */
  keys(prefix: string): string[] {
    return [...kept.keys()].filter((k) => k.startsWith(prefix));
  },
  drop(key: string): void {
    kept.delete(key);
  },
};
