import { describe, expect, it } from 'vitest';
import { dueReminders, type ReminderSubject } from '../../shared/domain/reminders.ts';
import {
  checkWindow,
  shanghaiYear,
  windowEndsAt,
  windowPhase,
  windowPreset,
} from '../../shared/domain/sale-window.ts';
import { expandNamePattern, nicknamePattern } from '../../shared/domain/temp-agent-names.ts';
import { startVerification, TAOBAO_VERIFICATION } from '../../shared/domain/verification.ts';
import { defaultPolicy, rulesOf, verificationRequired } from '../../shared/domain/verification-policy.ts';

const bj = (s: string) => Date.parse(`${s}+08:00`);
const DAY = 24 * 3600_000;

describe('sale windows in China time', () => {
  it('defaults 双11 to 11-01..12-21 of the year in Beijing, even when UTC is still in the old year', () => {
    // 2027-01-01 05:00 Beijing is 2026-12-31 21:00 UTC.
    expect(shanghaiYear(bj('2027-01-01T05:00:00'))).toBe(2027);
    expect(windowPreset('double11', bj('2027-01-01T05:00:00'))).toEqual({
      start: '2027-11-01',
      end: '2027-12-21',
    });
    expect(windowPreset('618', bj('2026-03-01T00:00:00'))).toEqual({
      start: '2026-05-20',
      end: '2026-06-20',
    });
  });

  it('works through 12-21 and expires at 12-22 00:00 Beijing time', () => {
    const w = { start: '2026-11-01', end: '2026-12-21' };
    expect(windowEndsAt(w)).toBe(bj('2026-12-22T00:00:00'));
    expect(windowPhase(w, bj('2026-10-31T23:59:59'))).toBe('upcoming');
    expect(windowPhase(w, bj('2026-11-01T00:00:00'))).toBe('active');
    expect(windowPhase(w, bj('2026-12-18T23:59:59'))).toBe('active');
    expect(windowPhase(w, bj('2026-12-19T00:00:00'))).toBe('ending');
    expect(windowPhase(w, bj('2026-12-21T23:59:59'))).toBe('ending');
    expect(windowPhase(w, bj('2026-12-22T00:00:00'))).toBe('expired');
  });

  it('crosses month ends and leap days correctly, and refuses impossible dates', () => {
    expect(windowEndsAt({ start: '2028-02-01', end: '2028-02-29' })).toBe(bj('2028-03-01T00:00:00'));
    expect(windowEndsAt({ start: '2026-01-01', end: '2026-01-31' })).toBe(bj('2026-02-01T00:00:00'));
    expect(checkWindow({ start: '2026-02-01', end: '2026-02-29' })).toBe('invalid_date');
    expect(checkWindow({ start: '2026-04-31', end: '2026-05-02' })).toBe('invalid_date');
    expect(checkWindow({ start: '2026-12-21', end: '2026-11-01' })).toBe('end_before_start');
    expect(checkWindow({ start: '2026-01-01', end: '2027-06-01' })).toBe('too_long');
    expect(checkWindow({ start: '2026-12-21', end: '2026-12-21' })).toBeNull();
  });
});

describe('batch name patterns', () => {
  it('numbers from the digits in braces with their width', () => {
    expect(expandNamePattern('双11客服{01}', 3).names).toEqual(['双11客服01', '双11客服02', '双11客服03']);
    expect(expandNamePattern('客服{1}号', 11).names.slice(-2)).toEqual(['客服10号', '客服11号']);
    expect(expandNamePattern('cs{098}', 3).names).toEqual(['cs098', 'cs099', 'cs100']);
    expect(expandNamePattern('客服{9}', 2).names).toEqual(['客服9', '客服10']);
  });
  it('refuses a pattern without exactly one placeholder and counts outside 1-200', () => {
    expect(expandNamePattern('客服', 3).problem).toBe('no_placeholder');
    expect(expandNamePattern('{1}客服{1}', 3).problem).toBe('many_placeholders');
    expect(expandNamePattern('客服{1}', 0).problem).toBe('bad_count');
    expect(expandNamePattern('客服{1}', 201).problem).toBe('bad_count');
    expect(expandNamePattern('客服{1}', 500, 500).names).toHaveLength(500);
  });
  it('takes the shop’s own main-account prefix off a full name', () => {
    expect(nicknamePattern('店名:双11客服{01}', '店名')).toBe('双11客服{01}');
    expect(nicknamePattern('别的店:双11客服{01}', '店名')).toBe('别的店:双11客服{01}');
  });
});

describe('verification policy', () => {
  it('requires verification on Taobao and Tmall, not on Tmall Global, not for temporary agents, off elsewhere by default', () => {
    expect(
      verificationRequired(defaultPolicy('taobao'), { platform: 'taobao', crossBorder: false }, false),
    ).toBe(true);
    expect(
      verificationRequired(defaultPolicy('tmall'), { platform: 'tmall', crossBorder: false }, false),
    ).toBe(true);
    expect(
      verificationRequired(defaultPolicy('tmall'), { platform: 'tmall', crossBorder: true }, false),
    ).toBe(false);
    expect(
      verificationRequired(defaultPolicy('taobao'), { platform: 'taobao', crossBorder: false }, true),
    ).toBe(false);
    expect(defaultPolicy('jd').required).toBe(false);
    expect(rulesOf(defaultPolicy('taobao'))).toEqual(TAOBAO_VERIFICATION);
  });
});

describe('reminders', () => {
  const subject = (over: Partial<ReminderSubject>): ReminderSubject => ({
    subAccountId: 's1',
    shopName: '旗舰店',
    fullName: '旗舰店:小王',
    verification: startVerification(true, bj('2026-11-23T09:00:00'), TAOBAO_VERIFICATION),
    rules: TAOBAO_VERIFICATION,
    temp: null,
    ...over,
  });
  it('reminds a day before the deadline, not earlier, and keys the reminder by its deadline', () => {
    const s = subject({});
    const deadline = bj('2026-11-30T09:00:00');
    expect(dueReminders([s], deadline - DAY - 1)).toEqual([]);
    const [r] = dueReminders([s], deadline - DAY);
    expect(r).toMatchObject({ kind: 'verify-soon', key: `verify-soon:s1:${deadline}`, severity: 'warning' });
  });
  it('puts frozen and ended windows before warnings', () => {
    const frozen = subject({
      subAccountId: 'a',
      verification: { ...startVerification(true, 0, TAOBAO_VERIFICATION), state: 'frozen', deadline: 5 },
    });
    const ending = subject({
      subAccountId: 'b',
      verification: startVerification(false, 0, TAOBAO_VERIFICATION),
      temp: { window: { start: '2026-11-01', end: '2026-12-21' }, retired: false },
    });
    const ended = subject({
      subAccountId: 'c',
      verification: startVerification(false, 0, TAOBAO_VERIFICATION),
      temp: { window: { start: '2026-11-01', end: '2026-12-01' }, retired: false },
    });
    const retired = { ...ended, subAccountId: 'd', temp: { ...ended.temp!, retired: true } };
    const list = dueReminders([ending, frozen, ended, retired], bj('2026-12-20T12:00:00'));
    expect(list.map((r) => `${r.kind}:${r.subjectId}`)).toEqual([
      'frozen:a',
      'temp-ended:c',
      'temp-ending:b',
    ]);
  });
});
