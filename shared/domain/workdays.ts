// Working days in mainland China: weekends off, statutory holidays off, make-up workdays (调休) on.
// The calendar is data passed in (the core loads the chinese-days tables); dates are Asia/Shanghai
// calendar dates as YYYY-MM-DD. Beyond the years the data covers, only weekends are known, and the
// answer says so.

export interface HolidayCalendar {
  /** Dates that are days off although they may fall on a weekday. */
  holidays: ReadonlySet<string>;
  /** Weekend dates that are working days (调休). */
  workdays: ReadonlySet<string>;
  /** Last year the data covers. */
  lastYear: number;
}

const DAY = 24 * 3600_000;

export { shanghaiDate } from './china-time.ts';

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

export function isWorkday(date: string, cal: HolidayCalendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

export interface WorkdayResult {
  date: string;
  /** True when the count passed the last year of holiday data: weekends only beyond it. */
  beyondData: boolean;
}

/** The n-th working day after `from` (from itself does not count). */
export function nthWorkdayAfter(from: string, n: number, cal: HolidayCalendar): WorkdayResult {
  let d = from;
  let left = n;
  let beyondData = false;
  while (left > 0) {
    d = addDays(d, 1);
    if (Number(d.slice(0, 4)) > cal.lastYear) beyondData = true;
    if (isWorkday(d, cal)) left--;
  }
  return { date: d, beyondData };
}

export interface ExpectedWindow {
  from: string;
  to: string;
  /** The first instant the window is over: 00:00 Beijing time after `to`. */
  overdueAt: number;
  beyondData: boolean;
}

/** Review usually takes 3 to 7 working days from submission (抖店 and other platforms' help pages). */
export function refundWindow(submittedOn: string, cal: HolidayCalendar, min = 3, max = 7): ExpectedWindow {
  const a = nthWorkdayAfter(submittedOn, min, cal);
  const b = nthWorkdayAfter(submittedOn, max, cal);
  return {
    from: a.date,
    to: b.date,
    overdueAt: Date.parse(`${addDays(b.date, 1)}T00:00:00+08:00`),
    beyondData: a.beyondData || b.beyondData,
  };
}
