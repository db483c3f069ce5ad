// A restore stopped anywhere: the disk as a crash (kill -9, power cut) would leave it at each step, and a
// disk that fills up midway. Either way the data afterwards is what was there before the restore, every
// record of it, and the user is told in both languages what happened.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { BackupStatus } from '../../shared/contract/backup-types.ts';
import type { RecoveryEvent } from '../../shared/contract/types.ts';
import { canonical, everything, folder, fresh, populate } from '../support/backup-vault.ts';
import { callers } from '../support/contract-calls.ts';
import { taobaoShop } from '../support/payloads.ts';
import { GOOD_PASSWORD, tempDataDir } from '../support/test-core.ts';

/** A vault with a backup of it, then more data added: restoring that backup would drop the two shops. */
async function vaultWithOlderBackup() {
  const a = fresh();
  await populate(a.core);
  const c = callers(() => a.core);
  const s = await c.ok<BackupStatus>('backup.configure', {
    folder: folder(),
    masterPassword: GOOD_PASSWORD,
    password: null,
  });
  for (const n of ['之后的店一', '之后的店二']) await c.ok('shops.create', taobaoShop(n));
  return { a, ...c, file: s.files[0]!.file, was: canonical(await everything(a.core)) };
}

const copyDir = (from: string) => {
  const to = tempDataDir('sw-crash-copy');
  fs.cpSync(from, to, { recursive: true });
  return to;
};

describe('a restore a crash stopped', () => {
  it('at every step it leaves the disk in, the next start undoes it: the data before, and a notice', async () => {
    const { a, ok, file, was } = await vaultWithOlderBackup();
    // The disk as it is at each point: after the old data is moved aside, and after each file written.
    const crashes: string[] = [];
    a.core.backup.restoreHooks = {
      afterMove: () => crashes.push(copyDir(a.dataDir)),
      afterPart: () => {
        if (crashes.length < 6) crashes.push(copyDir(a.dataDir));
      },
    };
    await ok('backup.restore', { file, password: GOOD_PASSWORD, confirm: true });
    expect(crashes.length).toBeGreaterThanOrEqual(4);
    onTestFinished(() => {
      for (const dir of crashes) fs.rmSync(dir, { recursive: true, force: true });
    });
    for (const dir of crashes) {
      const b = fresh(dir);
      const nb = callers(() => b.core);
      await nb.ok('vault.unlock', { password: GOOD_PASSWORD });
      expect(canonical(await everything(b.core)), dir).toEqual(was);
      const report = await nb.ok<RecoveryEvent[]>('storage.getRecoveryReport');
      expect(report.map((e) => e.problem)).toContain('interrupted-restore');
      expect(fs.existsSync(path.join(dir, 'restore-intent.json'))).toBe(false);
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('replaced-'))).toEqual([]);
    }
  });
});

describe("a crash while another vault's backup replaces this one", () => {
  it('what the backup brought that was never here (its attachments) goes, what was here comes back', async () => {
    // Here: a vault with one shop and no attached files. The backup: another vault's, with attachments.
    const here = fresh();
    const c = callers(() => here.core);
    await c.ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
    await c.ok('shops.create', taobaoShop('这台电脑的店'));
    const was = canonical(await everything(here.core));
    expect(fs.existsSync(path.join(here.dataDir, 'attachments'))).toBe(false);
    const other = fresh();
    await populate(other.core);
    const s = await callers(() => other.core).ok<BackupStatus>('backup.configure', {
      folder: folder(),
      masterPassword: GOOD_PASSWORD,
      password: null,
    });
    const crashes: string[] = [];
    onTestFinished(() => {
      for (const dir of crashes) fs.rmSync(dir, { recursive: true, force: true });
    });
    here.core.backup.restoreHooks = {
      afterPart: (p) => {
        if (p.startsWith('attachments/')) crashes.push(copyDir(here.dataDir));
      },
    };
    await c.ok('backup.restore', { file: s.files[0]!.file, password: GOOD_PASSWORD, confirm: true });
    expect(crashes.length).toBeGreaterThanOrEqual(1);
    for (const dir of crashes) {
      const b = fresh(dir);
      await callers(() => b.core).ok('vault.unlock', { password: GOOD_PASSWORD });
      expect(canonical(await everything(b.core))).toEqual(was);
      expect(fs.existsSync(path.join(dir, 'attachments'))).toBe(false);
    }
  });
});

describe('a disk that fills up during a restore', () => {
  it('DISK_FULL, rolled back: every record as before, and the app unlocks as before', async () => {
    const { ok, refused, file, a, was } = await vaultWithOlderBackup();
    const realOpen = fs.openSync;
    const realWrite = fs.writeSync;
    let parts = 0;
    let full: number | null = null;
    fs.openSync = ((f: fs.PathLike, ...rest: unknown[]) => {
      const fd = (realOpen as (...a: unknown[]) => number)(f, ...rest);
      // The third file of the backup written into the data folder finds the disk full.
      if (String(f).startsWith(a.dataDir) && String(f).endsWith('.tmp') && ++parts === 3) full = fd;
      return fd;
    }) as typeof fs.openSync;
    fs.writeSync = ((fd: number, ...rest: unknown[]) => {
      if (fd === full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return (realWrite as (...a: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync;
    syncBuiltinESMExports();
    try {
      expect((await refused('backup.restore', { file, password: GOOD_PASSWORD, confirm: true })).code).toBe(
        'DISK_FULL',
      );
    } finally {
      fs.openSync = realOpen;
      fs.writeSync = realWrite;
      syncBuiltinESMExports();
    }
    expect(parts).toBeGreaterThanOrEqual(3);
    await ok('vault.unlock', { password: GOOD_PASSWORD });
    expect(canonical(await everything(a.core))).toEqual(was);
    expect(fs.existsSync(path.join(a.dataDir, 'restore-intent.json'))).toBe(false);
  });
});
