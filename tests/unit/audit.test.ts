import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog, hashEntry } from '../../electron/core/audit/audit-log.ts';
import type { RecoveryEvent } from '../../shared/contract/types.ts';
import { ManualClock } from '../support/manual-clock.ts';
import { makeTestCore, setUpVault, shopWithSecret, tempDataDir } from '../support/test-core.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function logWith(n: number) {
  const dir = tempDataDir('sw-audit');
  dirs.push(dir);
  const log = new AuditLog(dir, new ManualClock());
  for (let i = 1; i <= n; i++) log.append({ action: 'test.action', object: `obj-${i}`, summary: `第${i}条` });
  log.close();
  return { dir, file: path.join(dir, 'audit.log'), log };
}

const lines = (file: string) => fs.readFileSync(file, 'utf8').trimEnd().split('\n');

describe('hash-chained audit log', () => {
  it('verifies an intact log and survives a reopen', () => {
    const { dir } = logWith(5);
    const reopened = new AuditLog(dir, new ManualClock());
    reopened.append({ action: 'test.more', object: 'x', summary: 'after reopen' });
    expect(reopened.verify()).toEqual({ ok: true, count: 6 });
    expect(reopened.list(0, 2).entries.map((e) => e.seq)).toEqual([6, 5]);
    reopened.close();
  });

  it('verify() reports the first broken link when an entry is edited while the app runs', () => {
    const { file, dir } = logWith(5);
    const running = new AuditLog(dir, new ManualClock());
    const l = lines(file);
    l[2] = l[2]!.replace('第3条', '第3条（已改）');
    fs.writeFileSync(file, `${l.join('\n')}\n`);
    expect(running.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash-mismatch' });
  });

  it('verify() reports a removed entry, and a forged entry whose hash was recomputed', () => {
    const { file, dir } = logWith(5);
    const running = new AuditLog(dir, new ManualClock());
    const l = lines(file);
    l.splice(1, 1);
    fs.writeFileSync(file, `${l.join('\n')}\n`);
    expect(running.verify()).toMatchObject({ ok: false, brokenAt: 2, reason: 'chain-break' });
    const parsed = lines(logWith(4).file).map((x) => JSON.parse(x));
    parsed[1].summary = 'forged';
    const { hash: _h, ...rest } = parsed[1];
    parsed[1].hash = hashEntry(rest);
    fs.writeFileSync(file, `${parsed.map((x) => JSON.stringify(x)).join('\n')}\n`);
    expect(running.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: 'chain-break' });
  });

  it('verify() finds the newest entries cut off, thanks to the anchored head', () => {
    const { file, dir } = logWith(5);
    const running = new AuditLog(dir, new ManualClock());
    fs.writeFileSync(file, `${lines(file).slice(0, 3).join('\n')}\n`);
    expect(running.verify()).toMatchObject({ ok: false, reason: 'anchor' });
  });

  describe('damage is found at start, quarantined, and every entry that still verifies is kept (defect 4)', () => {
    const cases: Array<{
      name: string;
      spoil: (text: string) => string;
      problem: string;
      kept: number;
      lost: string[];
    }> = [
      {
        name: 'cut mid-entry',
        spoil: (t) => t.slice(0, t.length - 30),
        problem: 'torn-tail',
        kept: 5,
        lost: [],
      },
      {
        name: 'NUL-filled',
        spoil: (t) => '\u0000'.repeat(t.length),
        problem: 'nul-filled',
        kept: 0,
        lost: ['entries 1-6'],
      },
      {
        name: 'one flipped byte',
        spoil: (t) => t.replace('第3条', '第8条'),
        problem: 'checksum',
        kept: 5,
        lost: ['line 3'],
      },
      {
        name: 'a line of the wrong shape',
        spoil: (t) => t.replace(/^.*第2条.*$/m, '{"seq":"two"}'),
        problem: 'schema',
        kept: 5,
        lost: ['line 2'],
      },
      { name: 'emptied', spoil: () => '', problem: 'anchor', kept: 0, lost: ['entries 1-6'] },
      {
        name: 'newest entries cut at a line boundary',
        spoil: (t) => `${t.split('\n').slice(0, 4).join('\n')}\n`,
        problem: 'anchor',
        kept: 4,
        lost: ['entries 5-6'],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const { file, dir } = logWith(6);
        const original = fs.readFileSync(file, 'utf8');
        const spoilt = c.spoil(original);
        fs.writeFileSync(file, spoilt);
        const events: RecoveryEvent[] = [];
        const reopened = new AuditLog(dir, new ManualClock(), (e) => events.push(e));
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ file: 'audit.log', problem: c.problem });
        for (const l of c.lost) expect(events[0]!.lost).toContain(l);
        // Quarantined exactly as found, never deleted.
        expect(fs.readFileSync(path.join(dir, events[0]!.movedTo), 'utf8')).toBe(spoilt);
        // Every entry that verified is kept (text and time), plus one entry saying what happened.
        const entries = reopened.list(0, 100).entries.reverse();
        expect(entries).toHaveLength(c.kept + 1);
        expect(entries.at(-1)!.action).toBe('audit.recovered');
        const summaries = entries.slice(0, -1).map((e) => e.summary);
        const originalSummaries = original
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l).summary);
        for (const sm of summaries) expect(originalSummaries).toContain(sm);
        // The live log verifies again and keeps growing; a second start reports nothing more.
        expect(reopened.verify()).toEqual({ ok: true, count: c.kept + 1 });
        reopened.append({ action: 'test.after', object: 'x', summary: 'after recovery' });
        const events2: RecoveryEvent[] = [];
        const third = new AuditLog(dir, new ManualClock(), (e) => events2.push(e));
        expect(events2).toEqual([]);
        expect(third.verify()).toEqual({ ok: true, count: c.kept + 2 });
      });
    }
  });

  it('a damaged anchor alone loses nothing: the log is kept as it is and a new anchor written', () => {
    const { dir, file } = logWith(3);
    fs.writeFileSync(path.join(dir, 'audit-anchor.json'), 'garbage');
    const before = fs.readFileSync(file, 'utf8');
    const events: RecoveryEvent[] = [];
    const reopened = new AuditLog(dir, new ManualClock(), (e) => events.push(e));
    expect(events).toEqual([expect.objectContaining({ file: 'audit-anchor.json', lost: [] })]);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(reopened.verify()).toEqual({ ok: true, count: 3 });
  });

  it('the core logs every change and every reveal or copy, never a secret value', async () => {
    const tc = makeTestCore();
    dirs.push(tc.dataDir);
    await setUpVault(tc.core);
    const { ref } = await shopWithSecret(tc.core, 'TopSecret-淘宝-777');
    await tc.core.dispatch('settings.update', { autoLockMinutes: 9 });
    await tc.core.dispatch('secrets.reveal', { ref });
    await tc.core.dispatch('secrets.copy', { ref });
    const page = await tc.core.dispatch('audit.list', { offset: 0, limit: 50 });
    const actions = page.ok
      ? (page.value as { entries: Array<{ action: string; object: string }> }).entries.map((e) => e.action)
      : [];
    expect(actions).toEqual([
      'secret.copied',
      'secret.revealed',
      'settings.updated',
      'shop.created',
      'vault.unlocked',
      'vault.setup',
    ]);
    expect(fs.readFileSync(path.join(tc.dataDir, 'audit.log'), 'utf8')).not.toContain('TopSecret');
    expect(await tc.core.dispatch('audit.verify', {})).toEqual({ ok: true, value: { ok: true, count: 6 } });
    await tc.core.shutdown();
  });
});
