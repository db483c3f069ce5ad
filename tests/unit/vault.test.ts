import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreBackendFactory } from '../../electron/core/ports.ts';
import { throttleDelayMs } from '../../electron/core/vault/throttle.ts';
import { confBackendFactory } from '../../electron/host/node-adapters.ts';
import { AppError } from '../../shared/contract/errors.ts';
import { FakeProtector } from '../support/fake-ports.ts';
import { ManualClock } from '../support/manual-clock.ts';
import {
  GOOD_PASSWORD,
  makeTestCore,
  setUpVault,
  shopWithSecret,
  type TestCore,
} from '../support/test-core.ts';

const cores: TestCore[] = [];
const make = (...args: Parameters<typeof makeTestCore>) => {
  const tc = makeTestCore(...args);
  cores.push(tc);
  return tc;
};
afterEach(async () => {
  for (const tc of cores.splice(0)) {
    await tc.core.shutdown();
    fs.rmSync(tc.dataDir, { recursive: true, force: true });
  }
});

async function call<T = unknown>(tc: TestCore, method: string, payload: unknown = {}): Promise<T> {
  const r = await tc.core.dispatch(method, payload);
  if (!r.ok) throw AppError.fromWire(r.error);
  return r.value as T;
}

async function failure(tc: TestCore, method: string, payload: unknown = {}) {
  const r = await tc.core.dispatch(method, payload);
  if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
  return r.error;
}

describe('vault setup and unlock', () => {
  it('refuses a short or mismatched master password field by field, then sets up', async () => {
    const tc = make();
    expect(
      (await failure(tc, 'vault.setup', { password: 'short', confirm: 'short', rememberOnDevice: false }))
        .fields,
    ).toEqual({
      password: 'password_too_short',
    });
    expect(
      (
        await failure(tc, 'vault.setup', {
          password: GOOD_PASSWORD,
          confirm: `${GOOD_PASSWORD}!`,
          rememberOnDevice: false,
        })
      ).fields,
    ).toEqual({ confirm: 'password_mismatch' });
    expect(fs.existsSync(path.join(tc.dataDir, 'vault.json'))).toBe(false);
    const status = await call<{ state: string }>(tc, 'vault.setup', {
      password: GOOD_PASSWORD,
      confirm: GOOD_PASSWORD,
      rememberOnDevice: false,
    });
    expect(status.state).toBe('unlocked');
    expect(
      (
        await failure(tc, 'vault.setup', {
          password: GOOD_PASSWORD,
          confirm: GOOD_PASSWORD,
          rememberOnDevice: false,
        })
      ).code,
    ).toBe('VAULT_ALREADY_INITIALIZED');
  });

  it('lock drops the key: the key buffer is zeroed and secrets can no longer be opened', async () => {
    const tc = make();
    await setUpVault(tc.core);
    const { ref } = await shopWithSecret(tc.core, '旺旺密码123');
    const key = tc.core.session.vault.dataKey();
    const copy = Buffer.from(key);
    expect(copy.some((b) => b !== 0)).toBe(true);
    await call(tc, 'vault.lock');
    expect(key.every((b) => b === 0)).toBe(true);
    expect(() => tc.core.session.vault.dataKey()).toThrow(/locked/i);
    expect((await failure(tc, 'secrets.reveal', { ref })).code).toBe('VAULT_LOCKED');
    await call(tc, 'vault.unlock', { password: GOOD_PASSWORD });
    expect(tc.core.session.vault.dataKey().equals(copy)).toBe(true);
  });

  it('a wrong password is refused and throttled with a growing delay', async () => {
    const tc = make();
    await setUpVault(tc.core);
    await call(tc, 'vault.lock');
    expect((await failure(tc, 'vault.unlock', { password: 'wrong one 1' })).code).toBe('WRONG_PASSWORD');
    expect((await failure(tc, 'vault.unlock', { password: 'wrong one 2' })).code).toBe('WRONG_PASSWORD');
    const third = await failure(tc, 'vault.unlock', { password: 'wrong one 3' });
    expect(third.details?.retryAfterMs).toBe(2000);
    // Even the right password waits out the delay.
    const throttled = await failure(tc, 'vault.unlock', { password: GOOD_PASSWORD });
    expect(throttled.code).toBe('THROTTLED');
    tc.clock.advance(2000);
    expect((await failure(tc, 'vault.unlock', { password: 'wrong one 4' })).details?.retryAfterMs).toBe(4000);
    tc.clock.advance(4000);
    await call(tc, 'vault.unlock', { password: GOOD_PASSWORD });
    expect(throttleDelayMs(20)).toBe(5 * 60_000);
  });

  it('parallel wrong passwords are serialised and each is counted before the KDF runs (defect 5)', async () => {
    const tc = make();
    await setUpVault(tc.core);
    await call(tc, 'vault.lock');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        tc.core.dispatch('vault.unlock', { password: `wrong guess ${i}` }),
      ),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    // Two free typos, the third earns a delay: every later attempt in the burst is refused unchecked.
    expect(codes).toEqual([
      'WRONG_PASSWORD',
      'WRONG_PASSWORD',
      'WRONG_PASSWORD',
      ...Array(9).fill('THROTTLED'),
    ]);
    const onDisk = JSON.parse(fs.readFileSync(path.join(tc.dataDir, 'vault.json'), 'utf8')).data;
    expect(onDisk.failedAttempts).toBe(3);
    // Even the right password now waits; after the delay it opens and the count resets.
    expect((await failure(tc, 'vault.unlock', { password: GOOD_PASSWORD })).code).toBe('THROTTLED');
    tc.clock.advance(2000);
    await call(tc, 'vault.unlock', { password: GOOD_PASSWORD });
    expect(JSON.parse(fs.readFileSync(path.join(tc.dataDir, 'vault.json'), 'utf8')).data.failedAttempts).toBe(
      0,
    );
  });

  it('an attempt is on disk before its result is known, so killing the process mid-guess cannot erase it', async () => {
    // Record every text written to vault.json, in order.
    const written: Array<{ failedAttempts: number }> = [];
    const recording: StoreBackendFactory = (o) => {
      const real = confBackendFactory(o);
      return {
        path: real.path,
        writeText(text: string) {
          if (o.name === 'vault') written.push(JSON.parse(text).data);
          real.writeText(text);
        },
      };
    };
    const tc = make({ backendFactory: recording });
    await setUpVault(tc.core);
    await call(tc, 'vault.lock');
    written.length = 0;
    await call(tc, 'vault.unlock', { password: GOOD_PASSWORD });
    // Even the right password is first counted as a failure, then cleared once it proved right: a process
    // killed during the KDF restarts with the attempt counted.
    expect(written.map((d) => d.failedAttempts)).toEqual([1, 0]);
  });

  it('a clock set back after failures never stretches the wait beyond the policy', async () => {
    const tc = make();
    await setUpVault(tc.core);
    await call(tc, 'vault.lock');
    for (let i = 0; i < 4; i++) {
      tc.clock.advance(60 * 60_000);
      await failure(tc, 'vault.unlock', { password: `wrong ${i}` });
    }
    // Restart with a clock four hours behind the last failure.
    await tc.core.shutdown();
    const again = make({ dataDir: tc.dataDir, clock: new ManualClock(tc.clock.now() - 4 * 60 * 60_000) });
    expect(again.core.session.status().retryAfterMs).toBe(throttleDelayMs(4));
  });

  it('changing the master password re-wraps the key without rewriting any record', async () => {
    const tc = make();
    await setUpVault(tc.core);
    const shop = await shopWithSecret(tc.core, '旺旺密码123');
    const recordFile = path.join(tc.dataDir, 'shops', `${shop.id}.json`);
    const before = fs.readFileSync(recordFile);
    const next = '新的主密码-Another-99';
    expect(
      (await failure(tc, 'vault.changePassword', { current: 'nope nope nope', next, confirm: next })).code,
    ).toBe('WRONG_PASSWORD');
    expect(
      (await failure(tc, 'vault.changePassword', { current: GOOD_PASSWORD, next, confirm: 'other' })).fields,
    ).toEqual({
      confirm: 'password_mismatch',
    });
    expect(
      (
        await failure(tc, 'vault.changePassword', {
          current: GOOD_PASSWORD,
          next: GOOD_PASSWORD,
          confirm: GOOD_PASSWORD,
        })
      ).fields,
    ).toEqual({ next: 'password_unchanged' });
    await call(tc, 'vault.changePassword', { current: GOOD_PASSWORD, next, confirm: next });
    expect(fs.readFileSync(recordFile).equals(before)).toBe(true);
    await call(tc, 'vault.lock');
    expect((await failure(tc, 'vault.unlock', { password: GOOD_PASSWORD })).code).toBe('WRONG_PASSWORD');
    await call(tc, 'vault.unlock', { password: next });
    expect(await call(tc, 'secrets.reveal', { ref: shop.ref })).toMatchObject({
      value: '旺旺密码123',
    });
  });
});

describe('remember on this device', () => {
  it('is refused when safeStorage is unavailable or a plain-text backend', async () => {
    const tc = make({ protector: new FakeProtector('safeStorage backend is basic_text') });
    expect(
      (
        await failure(tc, 'vault.setup', {
          password: GOOD_PASSWORD,
          confirm: GOOD_PASSWORD,
          rememberOnDevice: true,
        })
      ).code,
    ).toBe('DEVICE_PROTECTION_UNAVAILABLE');
    await setUpVault(tc.core);
    expect((await failure(tc, 'settings.update', { rememberOnDevice: true })).code).toBe(
      'DEVICE_PROTECTION_UNAVAILABLE',
    );
  });

  it('unlocks a cold start without the password, but never after a lock in the same run', async () => {
    const first = make();
    await setUpVault(first.core, true);
    const vaultFile = fs.readFileSync(path.join(first.dataDir, 'vault.json'), 'utf8');
    expect(JSON.parse(vaultFile).data.deviceKey).toMatch(/^[A-Za-z0-9+/=]+$/);
    await first.core.shutdown();

    const second = make({ dataDir: first.dataDir, protector: first.protector });
    expect(await call<{ deviceUnlockAvailable: boolean }>(second, 'vault.getStatus')).toMatchObject({
      state: 'locked',
      deviceUnlockAvailable: true,
    });
    await call(second, 'vault.unlockWithDevice');
    await call(second, 'vault.lock');
    expect((await failure(second, 'vault.unlockWithDevice')).code).toBe('DEVICE_UNLOCK_UNAVAILABLE');
    await call(second, 'vault.unlock', { password: GOOD_PASSWORD });
    await call(second, 'settings.update', { rememberOnDevice: false });
    expect(
      JSON.parse(fs.readFileSync(path.join(first.dataDir, 'vault.json'), 'utf8')).data.deviceKey,
    ).toBeNull();
  });
});
