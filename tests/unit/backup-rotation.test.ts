// Which backups survive rotation: all of the last 24 hours, the newest of each of 7 days, then the newest
// of each of 4 weeks, in Beijing time.
import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../shared/domain/backup-rotation.ts';

const at = (iso: string) => Date.parse(iso);
const file = (iso: string) => ({ name: iso, createdAt: at(iso) });

describe('backup rotation', () => {
  it('keeps the last day whole, one per day for a week, one per week for four weeks, nothing older', () => {
    const now = at('2026-11-30T10:00:00+08:00');
    const files = [
      // Today and the last 24 hours: all kept (one was made just before a bulk delete).
      file('2026-11-30T09:00:00+08:00'),
      file('2026-11-30T08:59:00+08:00'),
      file('2026-11-29T11:00:00+08:00'),
      // Earlier on the 29th (more than 24 h ago): the day already has a newer one.
      file('2026-11-29T09:00:00+08:00'),
      // One a day from the 28th back to the 23rd: days 3-8 of the daily seven (the 30th and 29th are 1-2).
      ...['28', '27', '26', '25', '24'].map((d) => file(`2026-11-${d}T09:00:00+08:00`)),
      // The 23rd is the 8th day: weekly from here (week of Mon 11-23).
      file('2026-11-23T09:00:00+08:00'),
      file('2026-11-22T09:00:00+08:00'), // week of Mon 11-16 (Sunday the 22nd)
      file('2026-11-20T09:00:00+08:00'), // same week: older, dropped
      file('2026-11-12T09:00:00+08:00'), // week of 11-09
      file('2026-11-03T09:00:00+08:00'), // week of 11-02: the fourth week
      file('2026-10-27T09:00:00+08:00'), // a fifth week: dropped
    ];
    const kept = backupsToKeep(files, now);
    expect([...kept].sort()).toEqual(
      [
        '2026-11-30T09:00:00+08:00',
        '2026-11-30T08:59:00+08:00',
        '2026-11-29T11:00:00+08:00',
        '2026-11-28T09:00:00+08:00',
        '2026-11-27T09:00:00+08:00',
        '2026-11-26T09:00:00+08:00',
        '2026-11-25T09:00:00+08:00',
        '2026-11-24T09:00:00+08:00',
        '2026-11-23T09:00:00+08:00',
        '2026-11-22T09:00:00+08:00',
        '2026-11-12T09:00:00+08:00',
        '2026-11-03T09:00:00+08:00',
      ].sort(),
    );
  });

  it('days follow Beijing time, not UTC', () => {
    const now = at('2026-12-10T12:00:00+08:00');
    // 00:30 and 23:30 Beijing time on the 1st fall on two UTC dates but are one Beijing day.
    const files = [file('2026-12-01T23:30:00+08:00'), file('2026-12-01T00:30:00+08:00')];
    expect([...backupsToKeep(files, now, { daily: 7, weekly: 0 })]).toEqual(['2026-12-01T23:30:00+08:00']);
  });
});
