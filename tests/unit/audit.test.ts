import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog, hashEntry } from '../../electron/core/audit/audit-log.ts';
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

  it('reports the first broken link when an entry is edited', () => {
    const { file, dir } = logWith(5);
    const l = lines(file);
    l[2] = l[2]!.replace('第3条', '第3条（已改）');
    fs.writeFileSync(file, `${l.join('\n')}\n`);
    expect(new AuditLog(dir, new ManualClock()).verify()).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'hash-mismatch',
    });
  });

  it('reports the first broken link when an entry is removed', () => {
    const { file, dir } = logWith(5);
    const l = lines(file);
    l.splice(1, 1);
    fs.writeFileSync(file, `${l.join('\n')}\n`);
    expect(new AuditLog(dir, new ManualClock()).verify()).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'chain-break',
    });
  });

  it('reports an edit whose hash was recomputed, since the next entry no longer links to it', () => {
    const { file, dir } = logWith(4);
    const l = lines(file).map((x) => JSON.parse(x));
    l[1].summary = 'forged';
    const { hash: _h, ...rest } = l[1];
    l[1].hash = hashEntry(rest);
    fs.writeFileSync(file, `${l.map((x) => JSON.stringify(x)).join('\n')}\n`);
    expect(new AuditLog(dir, new ManualClock()).verify()).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'chain-break',
    });
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
