import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipboardGuard } from '../../electron/core/session/clipboard-guard.ts';
import { MemoryClipboard } from '../support/fake-ports.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { makeTestCore, setUpVault, shopWithSecret, type TestCore } from '../support/test-core.ts';

const flush = () => new Promise((r) => setImmediate(r));

describe('ClipboardGuard', () => {
  it('clears the copied secret after the delay', async () => {
    const clock = new ManualClock();
    const cb = new MemoryClipboard();
    let cleared = 0;
    const g = new ClipboardGuard(cb, clock, () => cleared++);
    await g.copy('s3cret', 30_000);
    expect(cb.text).toBe('s3cret');
    clock.advance(29_999);
    await flush();
    expect(cb.text).toBe('s3cret');
    clock.advance(1);
    await flush();
    expect(cb.text).toBe('');
    expect(cleared).toBe(1);
  });

  it('leaves the clipboard alone when the user copied something else since', async () => {
    const clock = new ManualClock();
    const cb = new MemoryClipboard();
    const g = new ClipboardGuard(cb, clock, () => {});
    await g.copy('s3cret', 30_000);
    cb.text = '客户的订单号 123';
    clock.advance(30_000);
    await flush();
    expect(cb.text).toBe('客户的订单号 123');
  });

  it('a second copy replaces the first timer', async () => {
    const clock = new ManualClock();
    const cb = new MemoryClipboard();
    const g = new ClipboardGuard(cb, clock, () => {});
    await g.copy('first', 30_000);
    clock.advance(20_000);
    await g.copy('second', 30_000);
    clock.advance(15_000);
    await flush();
    expect(cb.text).toBe('second');
    clock.advance(15_000);
    await flush();
    expect(cb.text).toBe('');
  });
});

describe('taking a secret back, as lock and quit ask for it', () => {
  it('says whether it cleared: yes once for ours, no when nothing was copied or the user copied since', async () => {
    const clock = new ManualClock();
    const cb = new MemoryClipboard();
    let cleared = 0;
    const g = new ClipboardGuard(cb, clock, () => cleared++);
    expect(await g.clearIfOurs()).toBe(false);
    await g.copy('s3cret', 30_000);
    expect(await g.clearIfOurs()).toBe(true);
    expect([cb.text, cleared, clock.pendingTimers()]).toEqual(['', 1, 0]);
    expect(await g.clearIfOurs()).toBe(false);
    await g.copy('s3cret', 30_000);
    cb.text = '订单号';
    expect(await g.clearIfOurs()).toBe(false);
    expect([cb.text, cleared, clock.pendingTimers()]).toEqual(['订单号', 1, 0]);
  });

  it('a clipboard that cannot be read is left alone, without an error', async () => {
    const clock = new ManualClock();
    const cb = new MemoryClipboard();
    const g = new ClipboardGuard(cb, clock, () => {});
    await g.copy('s3cret', 30_000);
    cb.readText = async () => {
      throw new Error('clipboard busy');
    };
    expect(await g.clearIfOurs()).toBe(false);
    expect(cb.text).toBe('s3cret');
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('clipboard in the core', () => {
  let tc: TestCore;
  afterEach(async () => {
    await tc.core.shutdown();
    fs.rmSync(tc.dataDir, { recursive: true, force: true });
  });

  it('copy uses the configured seconds and is cleared on lock', async () => {
    tc = makeTestCore();
    await setUpVault(tc.core);
    const { ref } = await shopWithSecret(tc.core, 'tb-主账号-pw');
    await tc.core.dispatch('settings.update', { clipboardSeconds: 10 });
    const r = await tc.core.dispatch('secrets.copy', { ref });
    expect(r).toEqual({ ok: true, value: { clearAfterMs: 10_000 } });
    expect(tc.clipboard.text).toBe('tb-主账号-pw');
    await tc.core.dispatch('vault.lock', {});
    expect(tc.clipboard.text).toBe('');
  });

  it('is cleared on quit', async () => {
    tc = makeTestCore();
    await setUpVault(tc.core);
    const { ref } = await shopWithSecret(tc.core, 'tb-主账号-pw');
    await tc.core.dispatch('secrets.copy', { ref });
    await tc.core.shutdown();
    expect(tc.clipboard.text).toBe('');
  });
});
