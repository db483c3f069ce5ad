// The invite a seller sends over WeChat: it opens with the 16 spoken digits however a chat app wraps it,
// never with other digits, and says which of the two went wrong.
import { describe, expect, it } from 'vitest';
import {
  findSealed,
  newOneTimeCode,
  normaliseOneTimeCode,
  openBundle,
  sealBundle,
} from '../../electron/core/sync/invite-bundle.ts';

const bundle = {
  code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789',
  connection: {
    kind: 'webdav' as const,
    url: 'https://dav.jianguoyun.com/dav/店务管家',
    username: 'boss@example.com',
    password: 'app-password-abc123',
  },
};

describe('the sealed invite text', () => {
  const code = newOneTimeCode();
  const text = sealBundle(bundle, code);

  it('opens with the spoken digits after a chat app wrapped it and added words around it', () => {
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    const wrapped = `【转发】老板：\r\n${text.replace(/(.{23})/g, '$1\n\u200b ')}\n\n好的，收到 👍`;
    // Typed with full-width digits and dashes, as a Chinese input method may give them.
    const typed = code
      .replace(/ /g, '－')
      .replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(openBundle(wrapped, typed)).toEqual(bundle);
    expect(text).toContain('店务管家');
  });

  it('never opens with other digits, and tells a wrong code from text that holds no invite', () => {
    const digits = normaliseOneTimeCode(code) ?? '';
    const other = `${digits.slice(0, 15)}${(Number(digits[15]) + 1) % 10}`;
    expect(openBundle(text, other)).toBe('wrong-code');
    expect(openBundle(text, '1234')).toBe('wrong-code');
    expect(openBundle('老板发的邀请码是什么？', code)).toBe('not-an-invite');
    expect(openBundle(text.slice(0, text.length - 30), code)).toBe('not-an-invite');
    // One character of the sealed part changed: it does not open (nothing of it is used).
    const sealed = findSealed(text) ?? '';
    const i = Math.floor(sealed.length / 2);
    const altered = text.replace(
      sealed,
      `${sealed.slice(0, i)}${sealed[i] === 'A' ? 'B' : 'A'}${sealed.slice(i + 1)}`,
    );
    expect(openBundle(altered, code)).toBe('wrong-code');
  });

  it('holds no part of the login in the clear', () => {
    for (const secret of ['boss@example.com', 'app-password-abc123', 'jianguoyun', bundle.code])
      expect(text.includes(secret)).toBe(false);
  });

  it('makes different digits each time, all 16 of them digits', () => {
    const many = new Set(Array.from({ length: 200 }, () => newOneTimeCode()));
    expect(many.size).toBe(200);
    for (const c of many) expect(normaliseOneTimeCode(c)).toMatch(/^\d{16}$/);
  });
});
