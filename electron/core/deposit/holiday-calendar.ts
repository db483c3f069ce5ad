// China's statutory holidays and make-up workdays from the chinese-days tables (2004 through the last
// year the installed version publishes). Loaded once; a newer package version extends it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { HolidayCalendar } from '../../../shared/domain/workdays.ts';

let cached: HolidayCalendar | undefined;

export function chinaCalendar(): HolidayCalendar {
  if (cached) return cached;
  const file = createRequire(import.meta.url).resolve('chinese-days/dist/chinese-days.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const holidays = new Set(Object.keys(data.holidays));
  const lastYear = Math.max(...[...holidays].map((d) => Number(d.slice(0, 4))));
  cached = { holidays, workdays: new Set(Object.keys(data.workdays)), lastYear };
  return cached;
}
