import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../../electron/core/deposit/holiday-calendar.ts';
import { caseActions, nextState, submitBlockers } from '../../shared/domain/deposit/deposit-case.ts';
import {
  cardWarning,
  maskAccount,
  normalizeCardNumber,
  refusedAccount,
} from '../../shared/domain/deposit/refund-account.ts';
import { isWorkday, nthWorkdayAfter, refundWindow } from '../../shared/domain/workdays.ts';

const cal = chinaCalendar();

describe('China working days', () => {
  it('knows the 2026 Spring Festival: Feb 14 and Feb 28 are workdays, Feb 15-23 are not', () => {
    expect(isWorkday('2026-02-14', cal)).toBe(true); // Saturday, make-up workday
    expect(isWorkday('2026-02-28', cal)).toBe(true); // Saturday, make-up workday
    for (let d = 15; d <= 23; d++) expect(isWorkday(`2026-02-${d}`, cal)).toBe(false);
    expect(isWorkday('2026-02-24', cal)).toBe(true);
  });

  it('counts 3 to 7 working days across the Spring Festival', () => {
    // Submitted Thu 12 Feb: Fri 13 (1), Sat 14 make-up (2), then the holiday, Tue 24 (3) … Sat 28 make-up (7).
    const w = refundWindow('2026-02-12', cal);
    expect(w).toMatchObject({ from: '2026-02-24', to: '2026-02-28', beyondData: false });
    expect(w.overdueAt).toBe(Date.parse('2026-03-01T00:00:00+08:00'));
  });

  it('counts across 国庆 2026 (Oct 1-7 off, Sat Oct 10 a make-up workday)', () => {
    expect(isWorkday('2026-10-01', cal)).toBe(false);
    expect(isWorkday('2026-10-07', cal)).toBe(false);
    expect(isWorkday('2026-10-10', cal)).toBe(true);
    // Submitted Tue 29 Sep: Wed 30 (1), Oct 8 (2), Oct 9 (3), Sat Oct 10 (4), Oct 12 (5), 13 (6), 14 (7).
    expect(refundWindow('2026-09-29', cal)).toMatchObject({ from: '2026-10-09', to: '2026-10-14' });
  });

  it('warns when a date falls beyond the holiday data it has', () => {
    expect(cal.lastYear).toBeGreaterThanOrEqual(2026);
    const late = `${cal.lastYear}-12-28`;
    const w = refundWindow(late, cal);
    expect(w.beyondData).toBe(true);
    expect(nthWorkdayAfter('2026-06-01', 3, cal).beyondData).toBe(cal.lastYear < 2026);
  });
});

describe('refund account rules', () => {
  it('lets an individual business use a personal card or the corporate account; an enterprise only corporate', () => {
    expect(refusedAccount('individual', 'personal')).toBeNull();
    expect(refusedAccount('individual', 'corporate')).toBeNull();
    expect(refusedAccount('enterprise', 'corporate')).toBeNull();
    expect(refusedAccount('enterprise', 'personal')?.zh).toContain('只能退到营业执照上的对公账户');
  });
  it('warns (never blocks) on a failed Luhn check and masks the number', () => {
    expect(cardWarning('6222021234567890123')).toBe(true);
    expect(cardWarning('6222021234567890128')).toBe(false);
    expect(cardWarning('4111111111111111')).toBe(false);
    expect(normalizeCardNumber('6222 0212-3456 7890')).toBe('6222021234567890');
    expect(normalizeCardNumber('abc')).toBeNull();
    expect(maskAccount('6222021234567890128')).toBe('6222 **** **** 0128');
  });
});

describe('deposit case states', () => {
  it('goes preparing → submitted → in review → rejected → preparing → … → refunded, and blocks from any open state', () => {
    expect(nextState('preparing', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'startReview')).toBe('in-review');
    expect(nextState('in-review', 'reject')).toBe('rejected');
    expect(nextState('rejected', 'prepareAgain')).toBe('preparing');
    expect(nextState('in-review', 'approve')).toBe('approved');
    expect(nextState('approved', 'confirmArrival')).toBe('refunded');
    expect(nextState('refunded', 'block')).toBeNull();
    expect(nextState('preparing', 'approve')).toBeNull();
    expect(caseActions('blocked')).toEqual(['unblock']);
  });
  it('names what stops a submission', () => {
    const items = [
      { section: 'preconditions', done: true, text: { zh: '没有未完成的订单', en: 'No unfinished orders' } },
      { section: 'preconditions', done: false, text: { zh: '没有未结算的资金', en: 'No unsettled funds' } },
    ];
    expect(submitBlockers({ items, hasAccount: false }).map((b) => b.zh)).toEqual([
      '未完成：没有未结算的资金',
      '尚未填写退款账户',
    ]);
  });
});
