// When requests happen, on a clock the test moves: a lone change goes up about a second after it was made
// (a listing, then the upload: it is sealed after the newest member list is read), a stream of changes costs
// one listing and one upload per 30 s (more in a larger team) and no polls besides, and polls come at the set interval.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pushGapFor } from '../../electron/core/sync/sync-engine.ts';
import { FolderTarget } from '../../electron/core/sync/targets/folder-target.ts';
import { staffScope } from '../../shared/domain/sync/scopes.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { machine, tempDir } from './support/team-cores.ts';

async function owner() {
  const dir = path.join(tempDir('shared'), 'team');
  const clock = new ManualClock(Date.now());
  const target = new FolderTarget(dir);
  const m = machine(() => target, { clock, target, pollMs: 60_000 });
  await m.engine.createTeam('老板');
  m.engine.addShop('s1');
  m.engine.start();
  clock.advance(0);
  await m.engine.idle();
  return { m, clock, target };
}

const sub = (i: number) => ({ scope: staffScope('s1'), kind: 'subaccount', id: `r${i}` });

describe('sync schedule', () => {
  it('a lone change goes up about a second after it was made, with one listing and one upload', async () => {
    const { m, clock, target } = await owner();
    clock.advance(60_000);
    await m.engine.idle();
    const before = target.counters.requests;
    m.engine.put(sub(1), { name: 's1:r1' });
    clock.advance(999);
    await m.engine.idle();
    expect(target.counters.requests).toBe(before);
    expect(m.engine.status().waiting).toBe(1);
    clock.advance(1);
    await m.engine.idle();
    expect(m.engine.status().waiting).toBe(0);
    expect(target.counters.requests).toBe(before + 2);
    m.engine.stop();
  });

  it('100 changes over three minutes: at most 0.2 requests per change, polls included', async () => {
    const { m, clock, target } = await owner();
    const before = target.counters.requests;
    for (let i = 0; i < 100; i++) {
      m.engine.put(sub(i % 30), { name: `s1:r${i % 30}`, note: `edit ${i}` });
      clock.advance(1800);
      await m.engine.idle();
    }
    clock.advance(pushGapFor(1));
    await m.engine.idle();
    expect(m.engine.status().waiting).toBe(0);
    const used = target.counters.requests - before;
    expect(used).toBeLessThanOrEqual(20);
    expect(used).toBeGreaterThan(0);
    m.engine.stop();
  });
});
