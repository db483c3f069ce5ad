// The platforms' sub-account rules as the form, the import and team sync apply them: lengths as the platform
// counts them, the names a free-name suggestion offers, the password rules, and the passwords the app makes
// (every one checked over seeded random draws, so a failure names the seed and repeats).
import { describe, expect, it } from 'vitest';
import {
  advisedPolicy,
  checkPassword,
  checkSubAccountName,
  generateEasyPassword,
  generatePassword,
  suggestFreeName,
  weightedLength,
} from '../../shared/domain/subaccount-rules.ts';

/** A seeded uniform integer source (mulberry32): the same seed gives the same passwords. */
function seeded(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const none = new Set<string>();

describe('names', () => {
  it('counts CJK and full-width characters as two where the platform does, one elsewhere', () => {
    expect(weightedLength('店a', 2)).toBe(3);
    expect(weightedLength('店a', 1)).toBe(2);
    expect(weightedLength('１　ａ', 2)).toBe(6);
    expect(weightedLength('abc', 2)).toBe(3);
  });

  it('refuses an all-digit name only where the platform does, and the full name just past its limit', () => {
    expect(checkSubAccountName('taobao', '店', '123', none)).toBe('all_digits');
    expect(checkSubAccountName('taobao', '店', '12a', none)).toBeNull();
    expect(checkSubAccountName('pinduoduo', 'm', '123', none)).toBeNull();
    // Taobao counts `主账号:昵称`, 30 at most, 店 as two: 2 + 1 + 27 = 30 fits, 31 does not.
    expect(checkSubAccountName('taobao', '店', 'a'.repeat(27), none)).toBeNull();
    expect(checkSubAccountName('taobao', '店', 'a'.repeat(28), none)).toBe('too_long');
    expect(checkSubAccountName('taobao', '店', '  ', none)).toBe('empty');
  });

  it('suggests the smallest free number, on the name without its own number, shortened to fit', () => {
    const taken = new Set(['kefu', 'kefu2', 'kefu3'].map((n) => n.toLowerCase()));
    expect(suggestFreeName('jd', 'm', 'kefu', taken)).toBe('kefu4');
    expect(suggestFreeName('jd', 'm', 'kefu2', taken)).toBe('kefu4');
    expect(suggestFreeName('jd', 'm', 'kefu', none)).toBe('kefu2');
    // A name of digits only keeps them as its base.
    expect(suggestFreeName('pinduoduo', 'm', '123', new Set(['123']))).toBe('1232');
    // At the limit the base gives up characters for the number (Taobao: 店: + 27 = 30).
    const long = 'a'.repeat(27);
    const s = suggestFreeName('taobao', '店', long, new Set([`店:${long}`]));
    expect(s).toBe(`${'a'.repeat(26)}2`);
    // An e-mail name (Amazon) takes no number: nothing is suggested.
    expect(suggestFreeName('amazon', 'm', 'a@b.com', new Set(['a@b.com']))).toBeNull();
  });
});

describe('passwords', () => {
  it('checks length both ways and each required kind of character', () => {
    const p = { minLength: 4, maxLength: 6, requireUpper: true, requireLower: true, requireDigit: true };
    expect(checkPassword(p, 'Ab1')).toBe('too_short');
    expect(checkPassword(p, 'Ab1xyz')).toBeNull();
    expect(checkPassword(p, 'Ab1xyzw')).toBe('too_long');
    expect(checkPassword(p, 'ab1x')).toBe('needs_upper');
    expect(checkPassword(p, 'AB1X')).toBe('needs_lower');
    expect(checkPassword(p, 'ABcx')).toBe('needs_digit');
    expect(
      checkPassword({ ...p, requireUpper: false, requireLower: false, requireDigit: false }, '____'),
    ).toBeNull();
  });

  it('advises 12 characters with all three kinds, never beyond the platform’s maximum', () => {
    expect(advisedPolicy('taobao')).toEqual({
      minLength: 12,
      maxLength: 20,
      requireUpper: true,
      requireLower: true,
      requireDigit: true,
    });
    expect(advisedPolicy('amazon').maxLength).toBe(64);
  });

  it('makes passwords of the asked length within the policy, every kind present, no formula lead, shuffled', () => {
    const allowed = /^[A-HJ-NP-Za-km-z2-9!@#$%^&*\-_=+]+$/;
    const firsts = new Set<string>();
    for (let seed = 1; seed <= 300; seed++) {
      const r = seeded(seed);
      const pw = generatePassword('taobao', r);
      expect(pw, `seed ${seed}`).toHaveLength(16);
      expect(pw, `seed ${seed}`).toMatch(allowed);
      expect(checkPassword(advisedPolicy('taobao'), pw), `seed ${seed}`).toBeNull();
      expect(pw, `seed ${seed}`).toMatch(/[!@#$%^&*\-_=+]/);
      expect('=+-@'.includes(pw[0]!), `seed ${seed}`).toBe(false);
      firsts.add(/[A-Z]/.test(pw[0]!) ? 'upper' : /[a-z]/.test(pw[0]!) ? 'lower' : 'other');
      expect(generatePassword('taobao', seeded(seed), 4)).toHaveLength(12);
      expect(generatePassword('taobao', seeded(seed), 40)).toHaveLength(20);
    }
    // The guaranteed upper-case letter does not always come first.
    expect(firsts.size).toBe(3);
  });

  it('easy passwords are three capitalised syllable pairs and digits, within the policy', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const pw = generateEasyPassword('taobao', seeded(seed));
      expect(pw, `seed ${seed}`).toMatch(/^([BDFGHJKMNPRSTVWZ][aeiu][bdfghjkmnprstvwz][aeiu]){3}[2-9]{3}$/);
      expect(checkPassword(advisedPolicy('taobao'), pw), `seed ${seed}`).toBeNull();
    }
  });
});
