import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, fieldAad, open, openBytes, seal } from '../../electron/core/crypto/aead.ts';
import { calibrate, deriveKey, newParams } from '../../electron/core/crypto/kdf.ts';

describe('AES-256-GCM field sealing', () => {
  const key = randomBytes(32);
  const aad = fieldAad('shop-1', 'rec-1', 'password');

  it('round-trips text, including Chinese, and uses a fresh nonce every time', () => {
    const a = seal(key, '主账号密码 Pa$$w0rd', aad);
    const b = seal(key, '主账号密码 Pa$$w0rd', aad);
    expect(a).not.toEqual(b);
    expect(open(key, a, aad)).toBe('主账号密码 Pa$$w0rd');
    expect(open(key, b, aad)).toBe('主账号密码 Pa$$w0rd');
  });

  it('refuses a wrong key', () => {
    const sealed = seal(key, 'secret', aad);
    expect(() => open(randomBytes(32), sealed, aad)).toThrow(AuthenticationError);
  });

  it('refuses a ciphertext moved to another record or field (associated data)', () => {
    const sealed = seal(key, 'secret', aad);
    expect(() => open(key, sealed, fieldAad('shop-1', 'rec-2', 'password'))).toThrow(AuthenticationError);
    expect(() => open(key, sealed, fieldAad('shop-1', 'rec-1', 'phone'))).toThrow(AuthenticationError);
  });

  it('refuses any flipped bit in nonce, body or tag', () => {
    const sealed = seal(key, 'a secret of some length', aad);
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    for (const pos of [0, 11, 12, raw.length - 17, raw.length - 1]) {
      const t = Buffer.from(raw);
      t[pos] = (t[pos] ?? 0) ^ 1;
      expect(() => open(key, `v1.${t.toString('base64url')}`, aad)).toThrow(AuthenticationError);
    }
    expect(() => open(key, 'v1.', aad)).toThrow(AuthenticationError);
    expect(() => open(key, 'v2.abc', aad)).toThrow(AuthenticationError);
  });
});

describe('scrypt key wrapping', () => {
  const cheap = { N: 2 ** 12, r: 8, p: 1 };

  it('derives the same key from the same password and salt, another from a different one', async () => {
    const params = newParams(cheap);
    const k1 = await deriveKey('主密码-correct-horse', params);
    const k2 = await deriveKey('主密码-correct-horse', params);
    const k3 = await deriveKey('主密码-correct-horsf', params);
    const k4 = await deriveKey('主密码-correct-horse', newParams(cheap));
    expect(k1.equals(k2)).toBe(true);
    expect(k1.equals(k3)).toBe(false);
    expect(k1.equals(k4)).toBe(false);
  });

  it('wraps a data key that only the right password unwraps', async () => {
    const params = newParams(cheap);
    const dataKey = randomBytes(32);
    const wrapped = seal(await deriveKey('right password', params), dataKey, 'wrap');
    // The very same 32 bytes come back, not merely something.
    const unwrapped = openBytes(await deriveKey('right password', params), wrapped, 'wrap');
    expect(unwrapped.equals(dataKey)).toBe(true);
    await expect(async () =>
      open(await deriveKey('wrong password', params), wrapped, 'wrap'),
    ).rejects.toThrow(AuthenticationError);
  });

  it('calibrates N so one derivation lands near the target time', async () => {
    // A machine where N=2^15 takes 31 ms: 0.5 s is 16x that, so N = 2^19.
    expect(await calibrate(500, async () => 31)).toEqual({ N: 2 ** 19, r: 8, p: 1 });
    // A very slow machine never goes below the floor; a very fast one stops at the ceiling.
    expect((await calibrate(500, async () => 5000)).N).toBe(2 ** 14);
    expect((await calibrate(500, async () => 0.01)).N).toBe(2 ** 20);
  });
});
