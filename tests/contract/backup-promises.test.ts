// The promises backups make when something has already gone wrong: after a kit reset old and new backups
// both open; a safety backup comes before every import, restore, kit reset and team join (or the operation
// does not run); a restore is compared and confirmed and what it replaced can be brought back exactly;
// daily backups run while locked; a full disk mid-backup changes nothing.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupStatus, BackupSummary, RecoveryKitCreated } from '../../shared/contract/backup-types.ts';
import { errorMessages } from '../../shared/contract/errors.ts';
import type { ShopView } from '../../shared/contract/inventory-types.ts';
import type { ImportResult } from '../../shared/contract/transfer-types.ts';
import { canonical, everything, folder, fresh, populate } from '../support/backup-vault.ts';
import { callers } from '../support/contract-calls.ts';
import { taobaoShop } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore } from '../support/test-core.ts';

const NEXT = `${GOOD_PASSWORD}-新`;
const CSV =
  '店铺名称,平台,主账号,主账号密码\n导入店一,淘宝,import-one,Import-Pass-1\n导入店二,淘宝,import-two,Import-Pass-2\n';

async function configured() {
  const a = fresh();
  await populate(a.core);
  const c = callers(() => a.core);
  const out = folder();
  await c.ok<BackupStatus>('backup.configure', {
    folder: out,
    masterPassword: GOOD_PASSWORD,
    password: null,
  });
  return { a, ...c, out };
}

const shopNames = async (ok: ReturnType<typeof callers>['ok']) =>
  (await ok<ShopView[]>('shops.list', { includeArchived: true })).map((s) => s.name).sort();

describe('after a reset with the recovery kit', () => {
  it('older backups open with the kit (and the forgotten password), the next with the new password; a safety backup came first', async () => {
    const { a, ok, refused } = await configured();
    const first = (await ok<BackupStatus>('backup.status')).files[0]!.file;
    const kit = await ok<RecoveryKitCreated>('kit.create', { masterPassword: GOOD_PASSWORD });
    a.clock.advance(61_000);
    await ok('backup.run', {});
    const withKit = (await ok<BackupStatus>('backup.status')).files
      .map((f) => f.file)
      .filter((f) => f !== first);
    expect(withKit).toHaveLength(1);
    await ok('vault.lock');
    a.clock.advance(61_000);
    await ok('vault.unlockWithRecoveryKey', { recoveryKey: kit.key, next: NEXT, confirm: NEXT });
    const after = await ok<BackupStatus>('backup.status');
    const view = (file: string) => after.files.find((f) => f.file === file)?.opensWith;
    // One new backup, made at once, under the new password; each older one says what it needs.
    const made = after.files.filter((f) => f.file !== first && !withKit.includes(f.file));
    expect(made).toHaveLength(1);
    expect(made[0]!.opensWith).toMatchObject({ currentMaster: true, currentKit: true });
    expect(view(withKit[0]!)).toMatchObject({
      currentMaster: false,
      currentKit: true,
      kitCreatedAt: kit.createdAt,
    });
    expect(view(first)).toMatchObject({ currentMaster: false, kitCreatedAt: null });
    await ok('backup.inspect', { file: made[0]!.file, password: NEXT });
    await ok('backup.inspect', { file: withKit[0]!, password: kit.key });
    for (const file of [first, withKit[0]!]) {
      await ok('backup.inspect', { file, password: GOOD_PASSWORD });
      expect((await refused('backup.inspect', { file, password: NEXT })).code).toBe('BACKUP_WRONG_PASSWORD');
    }
    // Made before the kit existed, the first one does not open with it.
    expect((await refused('backup.inspect', { file: first, password: kit.key })).code).toBe(
      'BACKUP_WRONG_PASSWORD',
    );
    // The safety backup holds the vault as it was before the reset: it opens with the old password.
    expect(after.lastSafety?.reason).toBe('before-kit-reset');
    const safety = await ok<BackupSummary>('backup.inspect', {
      file: after.lastSafety!.file,
      password: GOOD_PASSWORD,
    });
    expect(safety.counts.shops).toBe(1);
  });

  it('a kit reset whose safety backup cannot be made resets nothing: the old password still unlocks', async () => {
    const { a, ok, refused } = await configured();
    const kit = await ok<RecoveryKitCreated>('kit.create', { masterPassword: GOOD_PASSWORD });
    await ok('vault.lock');
    // A file where the safety folder should be: the backup cannot be written there.
    fs.writeFileSync(path.join(a.dataDir, 'safety'), 'not a folder');
    const e = await refused('vault.unlockWithRecoveryKey', {
      recoveryKey: kit.key,
      next: NEXT,
      confirm: NEXT,
    });
    expect(e.code).toBe('BACKUP_SAFETY_FAILED');
    expect((await ok<{ state: string }>('vault.getStatus')).state).toBe('locked');
    await ok('vault.unlock', { password: GOOD_PASSWORD });
  });
});

describe('the one safety-backup path', () => {
  it('an import makes a verified backup first and names it; it holds the data from before', async () => {
    const { ok } = await configured();
    const { token } = await ok<{ token: string }>('transfer.readImport', {
      fileName: 'shops.csv',
      contentBase64: Buffer.from(CSV).toString('base64'),
    });
    const r = await ok<ImportResult>('transfer.commitImport', { token, skipInvalid: false });
    expect(r.shopsCreated).toBe(2);
    expect(path.basename(r.safetyBackup!)).toMatch(/^safety-\d{17}-before-import\.swbackup$/);
    const s = await ok<BackupSummary>('backup.inspect', { file: r.safetyBackup!, password: GOOD_PASSWORD });
    expect(s.counts.shops).toBe(1);
    expect(s.current?.shops).toBe(3);
    expect(s.holdsLess).toBe(true);
    expect((await ok<BackupStatus>('backup.status')).lastSafety).toMatchObject({ reason: 'before-import' });
  });

  it('without a backup folder set up, the safety backup is still made (in the data folder)', async () => {
    const a = fresh();
    await populate(a.core);
    const { ok } = callers(() => a.core);
    const { token } = await ok<{ token: string }>('transfer.readImport', {
      fileName: 'shops.csv',
      contentBase64: Buffer.from(CSV).toString('base64'),
    });
    const r = await ok<ImportResult>('transfer.commitImport', { token, skipInvalid: false });
    expect(path.dirname(r.safetyBackup!)).toBe(path.join(a.dataDir, 'safety'));
    await ok('backup.inspect', { file: r.safetyBackup!, password: GOOD_PASSWORD });
  });

  it('when the safety backup cannot be made, the import does not run and says why', async () => {
    const { a, ok, refused } = await configured();
    const { token } = await ok<{ token: string }>('transfer.readImport', {
      fileName: 'shops.csv',
      contentBase64: Buffer.from(CSV).toString('base64'),
    });
    fs.writeFileSync(path.join(a.dataDir, 'safety'), 'not a folder');
    const e = await refused('transfer.commitImport', { token, skipInvalid: false });
    expect(e.code).toBe('BACKUP_SAFETY_FAILED');
    expect(e.message).toMatch(/safety backup could not be made/);
    expect(await shopNames(ok)).toEqual(['机密旗舰店']);
  });
  // A team join: tests/contract/team.test.ts (the invite flow) checks its safety backup.
});

describe('a restore that protects the user', () => {
  it('compares first, needs a confirmation, keeps what it replaced, and restoring that brings it back exactly', async () => {
    const { a, ok, refused } = await configured();
    const small = (await ok<BackupStatus>('backup.status')).files[0]!.file;
    for (const n of ['后来的店一', '后来的店二']) await ok('shops.create', taobaoShop(n));
    const was = await everything(a.core);
    const preview = await ok<BackupSummary>('backup.inspect', { file: small, password: GOOD_PASSWORD });
    expect(preview.counts.shops).toBe(1);
    expect(preview.current?.shops).toBe(3);
    expect(preview.holdsLess).toBe(true);
    expect(preview.sameVault).toBe(true);
    expect(preview.device).toBeTruthy();
    expect(
      (await refused('backup.restore', { file: small, password: GOOD_PASSWORD, confirm: false })).code,
    ).toBe('RESTORE_NOT_CONFIRMED');
    expect(await shopNames(ok)).toHaveLength(3);
    a.clock.advance(61_000);
    const done = await ok<BackupSummary>('backup.restore', {
      file: small,
      password: GOOD_PASSWORD,
      confirm: true,
    });
    expect(path.basename(done.safetyBackup!)).toMatch(/-before-restore\.swbackup$/);
    await ok('vault.unlock', { password: GOOD_PASSWORD });
    expect(await shopNames(ok)).toEqual(['机密旗舰店']);
    // The kept data, restored, is exactly what was there.
    a.clock.advance(61_000);
    await ok('backup.restore', { file: done.safetyBackup!, password: GOOD_PASSWORD, confirm: true });
    await ok('vault.unlock', { password: GOOD_PASSWORD });
    expect(canonical(await everything(a.core))).toEqual(canonical(was));
  });

  it('says when a backup is of another vault', async () => {
    const { ok } = await configured();
    const other = fresh();
    await populate(other.core);
    const out = folder();
    const s = await callers(() => other.core).ok<BackupStatus>('backup.configure', {
      folder: out,
      masterPassword: GOOD_PASSWORD,
      password: null,
    });
    const preview = await ok<BackupSummary>('backup.inspect', {
      file: s.files[0]!.file,
      password: GOOD_PASSWORD,
    });
    expect(preview.sameVault).toBe(false);
  });
});

describe('backups while locked', () => {
  it('the daily backup runs on a locked computer, and restores to the same data', async () => {
    const { a, ok, out } = await configured();
    const was = await everything(a.core);
    await ok('vault.lock');
    const count = () => fs.readdirSync(out).filter((f) => f.endsWith('.swbackup')).length;
    const n = count();
    a.clock.advance(25 * 3600_000);
    expect((await ok<{ state: string }>('vault.getStatus')).state).toBe('locked');
    expect(count()).toBe(n + 1);
    const newest = path.join(
      out,
      fs
        .readdirSync(out)
        .filter((f) => f.endsWith('.swbackup'))
        .sort()
        .at(-1)!,
    );
    const b = fresh();
    const nb = callers(() => b.core);
    await nb.ok('backup.restore', { file: newest, password: GOOD_PASSWORD, confirm: true });
    await nb.ok('vault.unlock', { password: GOOD_PASSWORD });
    expect(await everything(b.core)).toEqual(was);
  });
});

describe('a disk that fills up mid-backup', () => {
  it('DISK_FULL in both languages, no file under a backup name, nothing else changed', async () => {
    const { a, ok, refused, out } = await configured();
    const listing = () => fs.readdirSync(out).sort();
    const before = listing();
    a.clock.advance(61_000);
    const realOpen = fs.openSync;
    const realWrite = fs.writeSync;
    const full = new Set<number>();
    // The disk fills after the first 100 bytes of the backup file.
    fs.openSync = ((file: fs.PathLike, ...rest: unknown[]) => {
      const fd = (realOpen as (...a: unknown[]) => number)(file, ...rest);
      if (String(file).startsWith(out)) full.add(fd);
      return fd;
    }) as typeof fs.openSync;
    fs.writeSync = ((fd: number, ...rest: unknown[]) => {
      if (full.has(fd)) {
        full.delete(fd);
        realWrite(fd, Buffer.alloc(100));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      return (realWrite as (...a: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync;
    syncBuiltinESMExports();
    try {
      const e = await refused('backup.run', {});
      expect(e.code).toBe('DISK_FULL');
      // What the user reads, in both languages (the renderer shows the code's message).
      expect(errorMessages[e.code as 'DISK_FULL']).toEqual({
        zh: expect.stringContaining('磁盘空间已满'),
        en: expect.stringContaining('disk is full'),
      });
    } finally {
      fs.openSync = realOpen;
      fs.writeSync = realWrite;
      syncBuiltinESMExports();
    }
    expect(listing()).toEqual(before);
    const status = await ok<BackupStatus>('backup.status');
    expect(status.lastError?.code).toBe('DISK_FULL');
    await ok('backup.run');
    expect(listing()).toHaveLength(before.length + 1);
  });
});

describe('choosing the backup folder', () => {
  it('the desktop app answers the folder picked in the system dialog; the preview host says it has none', async () => {
    const withPicker = makeTestCore({ folderPicker: { pickFolder: async () => '/picked/备份' } });
    const without = fresh();
    try {
      for (const core of [withPicker.core, without.core])
        await callers(() => core).ok('vault.setup', {
          password: GOOD_PASSWORD,
          confirm: GOOD_PASSWORD,
          rememberOnDevice: false,
        });
      expect(await callers(() => withPicker.core).ok('backup.pickFolder', {})).toEqual({
        available: true,
        folder: '/picked/备份',
      });
      expect(await callers(() => without.core).ok('backup.pickFolder', {})).toEqual({
        available: false,
        folder: null,
      });
    } finally {
      await withPicker.core.shutdown();
      fs.rmSync(withPicker.dataDir, { recursive: true, force: true });
    }
  });
});

describe('the recovery key is guessed no faster than the password', () => {
  it('wrong keys earn the same growing delay; even the right key waits it out', async () => {
    const { a, ok, refused } = await configured();
    const kit = await ok<RecoveryKitCreated>('kit.create', { masterPassword: GOOD_PASSWORD });
    await ok('vault.lock');
    const guess = (key: string) =>
      refused('vault.unlockWithRecoveryKey', { recoveryKey: key, next: NEXT, confirm: NEXT });
    const wrong = 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH';
    expect((await guess(wrong)).code).toBe('RECOVERY_KEY_WRONG');
    expect((await guess(wrong)).code).toBe('RECOVERY_KEY_WRONG');
    const third = await guess(wrong);
    expect(third.code).toBe('RECOVERY_KEY_WRONG');
    expect((await guess(kit.key)).code).toBe('THROTTLED');
    a.clock.advance(2000);
    await ok('vault.unlockWithRecoveryKey', { recoveryKey: kit.key, next: NEXT, confirm: NEXT });
  });
});

describe('rotation', () => {
  it('a month of daily backups keeps the last 7 days and a few weeklies, and deletes the rest from the folder', async () => {
    const { a, out } = await configured();
    const names = () =>
      fs
        .readdirSync(out)
        .filter((f) => f.endsWith('.swbackup'))
        .sort();
    const first = names()[0]!;
    // The app runs on, locked most of the time: the daily backup runs by itself.
    for (let day = 1; day <= 40; day++) a.clock.advance(24 * 3600_000);
    const kept = names();
    // 7 daily (today's among them) and at most 4 weekly: never the 41 made.
    expect(kept.length).toBeGreaterThanOrEqual(7);
    expect(kept.length).toBeLessThanOrEqual(11);
    expect(kept).not.toContain(first);
    // A file this app did not name is never deleted.
    fs.writeFileSync(path.join(out, 'my-notes.swbackup'), 'mine');
    a.clock.advance(24 * 3600_000);
    expect(names()).toHaveLength(kept.length + 1);
    expect(names()).toContain('my-notes.swbackup');
  });
});

describe('after restoring another vault', () => {
  it('a custom backup password bound to the old key pair is dropped, and the list says master password', async () => {
    const { a, ok, out } = await configured();
    await ok('backup.configure', {
      folder: out,
      masterPassword: GOOD_PASSWORD,
      password: { password: 'backup-only-password-1', confirm: 'backup-only-password-1' },
    });
    const other = fresh();
    await populate(other.core);
    const s = await callers(() => other.core).ok<BackupStatus>('backup.configure', {
      folder: folder(),
      masterPassword: GOOD_PASSWORD,
      password: null,
    });
    a.clock.advance(61_000);
    await ok('backup.restore', { file: s.files[0]!.file, password: GOOD_PASSWORD, confirm: true });
    await ok('vault.unlock', { password: GOOD_PASSWORD });
    const after = await ok<BackupStatus>('backup.status');
    expect(after.passwordMode).toBe('master');
    expect(after.folder).toBe(out);
  });
});
