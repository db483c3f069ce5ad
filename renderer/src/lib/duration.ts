import type { Language } from '../../../shared/contract/types.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** A countdown as a seller reads it: 2天 03:04:05, or 03:04:05 under a day. */
export function formatLeft(ms: number, lang: Language): string {
  const s = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const d = Math.floor(s / 86400);
  const clock = `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
  if (d === 0) return clock;
  return lang === 'zh-CN' ? `${d}天 ${clock}` : `${d}d ${clock}`;
}

/** Beijing time for display (the platforms' deadlines are Beijing time). */
export {
  beijingDateTime as beijing,
  beijingDateTimeSeconds as beijingSeconds,
} from '../../../shared/domain/china-time.ts';
