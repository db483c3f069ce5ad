// Which backups to keep: every one from the last 24 hours (a backup made just before a risky operation
// must not be pruned by the next one), the newest of each of the last `daily` days that have one, and the
// newest of each of the `weekly` weeks (Monday to Sunday) before those, in Beijing time, the user's
// calendar. Pure, so the rule is tested on dates rather than by waiting.
import { SHANGHAI_OFFSET_MS, shanghaiDate } from './china-time.ts';

export interface BackupFileInfo {
  name: string;
  createdAt: number;
}

export const DEFAULT_KEEP = { daily: 7, weekly: 4 } as const;
const DAY = 86_400_000;

/** The Monday (Beijing date) of the week holding this instant. */
function weekOf(ms: number): string {
  const dow = (new Date(ms + SHANGHAI_OFFSET_MS).getUTCDay() + 6) % 7;
  return shanghaiDate(ms - dow * DAY);
}

/** The names to keep; every other backup file in the folder may be deleted. */
export function backupsToKeep(
  files: BackupFileInfo[],
  now: number,
  keep: { daily: number; weekly: number } = DEFAULT_KEEP,
): Set<string> {
  const newestFirst = [...files].sort((a, b) => b.createdAt - a.createdAt);
  const kept = new Set<string>(files.filter((f) => f.createdAt > now - DAY).map((f) => f.name));
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const f of newestFirst) {
    const day = shanghaiDate(f.createdAt);
    if (days.has(day)) continue;
    days.add(day);
    if (days.size <= keep.daily) {
      kept.add(f.name);
      continue;
    }
    const week = weekOf(f.createdAt);
    if (weeks.has(week) || weeks.size >= keep.weekly) continue;
    weeks.add(week);
    kept.add(f.name);
  }
  return kept;
}
