// Validity windows of temporary sale agents, as calendar dates in China time (Asia/Shanghai, UTC+8 all
// year, no daylight saving). A window includes its end date: 双11 agents work through 12-21 and are
// expired from 12-22 00:00 Beijing time.
import { shanghaiYear } from './china-time.ts';

export interface SaleWindow {
  /** YYYY-MM-DD, first day the agents may work. */
  start: string;
  /** YYYY-MM-DD, last day (inclusive). */
  end: string;
}

export type WindowPresetId = 'double11' | '618';

const DAY = 24 * 3600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export { shanghaiYear };

/** Presets for the current year. 双11 is the platform's published window; 618 is our editable default. */
export function windowPreset(id: WindowPresetId, now: number): SaleWindow {
  const y = shanghaiYear(now);
  return id === 'double11'
    ? { start: `${y}-11-01`, end: `${y}-12-21` }
    : { start: `${y}-05-20`, end: `${y}-06-20` };
}

export function isValidDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** 00:00 Beijing time on that date, as epoch ms. */
export function startOfDayShanghai(date: string): number {
  if (!isValidDate(date)) throw new RangeError(`not a date: ${date}`);
  return Date.parse(`${date}T00:00:00+08:00`);
}

export function windowStartsAt(w: SaleWindow): number {
  return startOfDayShanghai(w.start);
}

/** The first instant the window is over: midnight after its last day. */
export function windowEndsAt(w: SaleWindow): number {
  return startOfDayShanghai(w.end) + DAY;
}

export type WindowProblem = 'invalid_date' | 'end_before_start' | 'too_long';

/** A window must be real dates, end on or after it starts, and last at most a year. */
export function checkWindow(w: SaleWindow): WindowProblem | null {
  if (!isValidDate(w.start) || !isValidDate(w.end)) return 'invalid_date';
  if (w.end < w.start) return 'end_before_start';
  if (windowEndsAt(w) - windowStartsAt(w) > 366 * DAY) return 'too_long';
  return null;
}

export type WindowPhase = 'upcoming' | 'active' | 'ending' | 'expired';

/** Where "now" is relative to the window; 'ending' within `endingWithinMs` of the end (3 days by default). */
export function windowPhase(w: SaleWindow, now: number, endingWithinMs = 3 * DAY): WindowPhase {
  const end = windowEndsAt(w);
  if (now >= end) return 'expired';
  if (now < windowStartsAt(w)) return 'upcoming';
  return end - now <= endingWithinMs ? 'ending' : 'active';
}
