// Dates and times as a Chinese seller reads them: Beijing time (UTC+8 all year, no daylight saving).
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

const shifted = (epochMs: number) => new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString();

/** YYYY-MM-DD, the calendar date in China at this instant. */
export const shanghaiDate = (epochMs: number): string => shifted(epochMs).slice(0, 10);

/** 2026-11-30 09:00 */
export const beijingDateTime = (epochMs: number): string => shifted(epochMs).slice(0, 16).replace('T', ' ');

/** 2026-11-30 09:00:05, for logs where the second matters. */
export const beijingDateTimeSeconds = (epochMs: number): string =>
  shifted(epochMs).slice(0, 19).replace('T', ' ');

/** 202611300900, for file names. */
export const fileStamp = (epochMs: number): string => shifted(epochMs).slice(0, 16).replace(/[-:T]/g, '');

export const shanghaiYear = (epochMs: number): number => Number(shifted(epochMs).slice(0, 4));
