import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AutoLock } from '../../electron/core/session/auto-lock.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { GOOD_PASSWORD, makeTestCore, setUpVault, type TestCore } from '../support/test-core.ts';

describe('AutoLock with an injected clock', () => {
  it('fires after exactly N idle minutes, and activity pushes it back', () => {
    const clock = new ManualClock();
    let fired = 0;
    const al = new AutoLock(
      clock,
      () => 5,
      () => fired++,
    );
    al.start();
    clock.advance(4 * 60_000);
    al.touch();
    clock.advance(4 * 60_000);
    expect(fired).toBe(0);
    clock.advance(60_000 - 1);
    expect(fired).toBe(0);
    clock.advance(1);
    expect(fired).toBe(1);
  });

  it('a shorter limit set while running applies from the last activity', () => {
    const clock = new ManualClock();
    let minutes = 10;
    let fired = 0;
    const al = new AutoLock(
      clock,
      () => minutes,
      () => fired++,
    );
    al.start();
    clock.advance(3 * 60_000);
    minutes = 2;
    al.reschedule();
    // Already idle longer than the new limit: it locks on the next tick, not two minutes later.
    clock.advance(0);
    expect(fired).toBe(1);
  });

  it('one timer at a time: a new limit replaces the pending one, and a stopped watch stays stopped', () => {
    const clock = new ManualClock();
    let minutes = 10;
    let fired = 0;
    const al = new AutoLock(
      clock,
      () => minutes,
      () => fired++,
    );
    al.start();
    clock.advance(60_000);
    minutes = 5;
    al.reschedule();
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(4 * 60_000 - 1);
    expect(fired).toBe(0);
    clock.advance(1);
    expect(fired).toBe(1);
    // Locked: a settings change must not start the watch again.
    al.stop();
    al.reschedule();
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(60 * 60_000);
    expect(fired).toBe(1);
  });

  it('stop() cancels the timer', () => {
    const clock = new ManualClock();
    let fired = 0;
    const al = new AutoLock(
      clock,
      () => 1,
      () => fired++,
    );
    al.start();
    al.stop();
    clock.advance(10 * 60_000);
    expect(fired).toBe(0);
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('auto-lock in the core', () => {
  let tc: TestCore;
  afterEach(async () => {
    await tc.core.shutdown();
    fs.rmSync(tc.dataDir, { recursive: true, force: true });
  });

  it('locks after the configured idle minutes, emitting vault.locked with reason idle; calls count as activity', async () => {
    tc = makeTestCore();
    const events: string[] = [];
    tc.core.bus.subscribe((name, payload) => events.push(`${name}:${JSON.stringify(payload)}`));
    await setUpVault(tc.core);
    await tc.core.dispatch('settings.update', { autoLockMinutes: 3 });
    tc.clock.advance(2 * 60_000);
    await tc.core.dispatch('session.reportActivity', {});
    tc.clock.advance(2 * 60_000);
    // Status polls are not activity.
    await tc.core.dispatch('vault.getStatus', {});
    expect(tc.core.session.vault.isUnlocked).toBe(true);
    tc.clock.advance(60_000);
    expect(tc.core.session.vault.isUnlocked).toBe(false);
    expect(events).toContain('vault.locked:{"reason":"idle"}');
  });

  it('locks on system suspend and on screen lock', async () => {
    let fire: ((r: 'suspend' | 'screen-lock') => void) | undefined;
    tc = makeTestCore({
      power: {
        onLockRequired: (l) => {
          fire = l;
          return () => {};
        },
      },
    });
    await setUpVault(tc.core);
    fire?.('suspend');
    expect(tc.core.session.status()).toMatchObject({ state: 'locked', lockReason: 'suspend' });
    await tc.core.dispatch('vault.unlock', { password: GOOD_PASSWORD });
    fire?.('screen-lock');
    expect(tc.core.session.status()).toMatchObject({ state: 'locked', lockReason: 'screen-lock' });
  });
});
