import { describe, expect, it } from 'vitest';
import {
  luhnValid,
  maskEmail,
  maskMobile,
  normalizeEmail,
  normalizeIdNumber,
  normalizeMobile,
} from '../../shared/domain/validators.ts';

describe('validators', () => {
  it('mainland mobile after stripping +86, 0086, spaces and dashes', () => {
    expect(normalizeMobile('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizeMobile('0086 13800138000')).toBe('13800138000');
    expect(normalizeMobile('12800138000')).toBeNull();
    expect(normalizeMobile('1380013800')).toBeNull();
    expect(normalizeMobile('138001380001')).toBeNull();
    expect(maskMobile('13800138000')).toBe('138****8000');
  });

  it('e-mail', () => {
    expect(normalizeEmail(' Shop@Example.COM ')).toBe('shop@example.com');
    expect(normalizeEmail('shop@localhost')).toBeNull();
    expect(normalizeEmail('a b@c.cn')).toBeNull();
    expect(maskEmail('shop@example.com')).toBe('s***@example.com');
  });

  it('resident ID: GB 11643 check digit and a real, past birth date', () => {
    const today = new Date('2026-11-23T00:00:00Z');
    expect(normalizeIdNumber('11010519491231002X', today)).toBe('11010519491231002X');
    expect(normalizeIdNumber('11010519491231002x', today)).toBe('11010519491231002X');
    expect(normalizeIdNumber('110105194912310021', today)).toBeNull(); // wrong check digit
    // Numbers with a correct check digit, so only the date decides.
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const withCheck = (s17: string) =>
      `${s17}${'10X98765432'[w.reduce((a, x, i) => a + x * Number(s17[i]), 0) % 11]}`;
    expect(normalizeIdNumber(withCheck('44030619900101123'), today)).toBe(withCheck('44030619900101123'));
    expect(normalizeIdNumber(withCheck('44030619900230123'), today)).toBeNull(); // 30 February
    expect(normalizeIdNumber(withCheck('44030619901301123'), today)).toBeNull(); // month 13
    expect(normalizeIdNumber(withCheck('44030620301231123'), today)).toBeNull(); // born in the future
    expect(normalizeIdNumber(withCheck('44030620000229123'), today)).not.toBeNull(); // 2000 was a leap year
    expect(normalizeIdNumber(withCheck('44030619000229123'), today)).toBeNull(); // 1900 was not
  });

  it('Luhn', () => {
    expect(luhnValid('6222 0202 0000 0000 009')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(true);
    expect(luhnValid('6212 2602 0000 0000 0')).toBe(false);
    expect(luhnValid('79927398713')).toBe(false); // too short for a card
    expect(luhnValid('4111-1111-1111-1112')).toBe(false);
  });
});
