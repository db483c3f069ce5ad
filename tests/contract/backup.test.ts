// Encrypted backups, restore on a new machine, and the recovery kit, through the contract.
import {
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  scryptSync,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupStatus, BackupSummary } from '../../shared/contract/backup-types.ts';
import type { ShopView, SubAccountView } from '../../shared/contract/inventory-types.ts';
import type { ReminderView } from '../../shared/contract/work-types.ts';
import {
  backedUp,
  everything,
  folder,
  forget,
  fresh,
  NAMES,
  populate,
  SECRETS,
} from '../support/backup-vault.ts';
import { callers } from '../support/contract-calls.ts';
import { taobaoShop } from '../support/payloads.ts';
import { GOOD_PASSWORD } from '../support/test-core.ts';

describe('backup and restore', () => {
  it('back up, then restore on an empty data folder: every list and every revealed secret identical', async () => {
    const a = fresh();
    await populate(a.core);
    const out = folder();
    const { ok } = callers(() => a.core);
    const status = await ok<BackupStatus>('backup.configure', {
      folder: out,
      masterPassword: GOOD_PASSWORD,
      password: null,
    });
    // Configuring makes the first backup at once.
    expect(status.lastFile).toMatch(/^shopwarden-\d{17}\.swbackup$/);
    expect(status.files).toHaveLength(1);
    const before = await everything(a.core);
    expect(before.secrets).toEqual(expect.arrayContaining([...SECRETS]));
    const file = status.files[0]!.file;

    // A new machine: an empty data folder, no vault.
    const b = fresh();
    const nb = callers(() => b.core);
    expect((await nb.ok<{ state: string }>('vault.getStatus')).state).toBe('uninitialized');
    const summary = await nb.ok<BackupSummary>('backup.inspect', { file, password: GOOD_PASSWORD });
    expect(summary.counts).toMatchObject({
      shops: 1,
      subAccounts: 3,
      staff: 1,
      cases: 1,
      drafts: 1,
      attachments: 1,
    });
    await nb.ok('backup.restore', { file, password: GOOD_PASSWORD, confirm: true });
    expect((await nb.ok<{ state: string }>('vault.getStatus')).state).toBe('locked');
    await nb.ok('vault.unlock', { password: GOOD_PASSWORD });
    const after = await everything(b.core);
    expect(after).toEqual(before);
    // The restore is audited in the restored log, which still verifies.
    expect(await nb.ok('audit.verify')).toMatchObject({ ok: true });
  });

  it('the file is real X25519 + AES-256-GCM, its key reached from scrypt(password): opened here with node:crypto alone', async () => {
    const { a, status } = await backedUp();
    const bytes = fs.readFileSync(status.files[0]!.file);
    const magic = 'SHOPWARDEN-BACKUP\n';
    expect(bytes.subarray(0, magic.length).toString()).toBe(magic);
    const headerLen = bytes.readUInt32BE(magic.length);
    const framedEnd = magic.length + 4 + headerLen;
    const header = JSON.parse(bytes.subarray(magic.length + 4, framedEnd).toString());
    expect(Object.keys(header).sort()).toEqual(
      [
        'bodyLength',
        'custom',
        'epk',
        'format',
        'kit',
        'master',
        'nonce',
        'outside',
        'priv',
        'to',
        'vault',
        'wrapped',
      ].sort(),
    );
    // The header's own SHA-256 follows it.
    expect(bytes.subarray(framedEnd, framedEnd + 32)).toEqual(
      createHash('sha256').update(bytes.subarray(0, framedEnd)).digest(),
    );
    const headerEnd = framedEnd + 32;
    // v1.<base64url(nonce 12 | ciphertext | tag 16)>, AES-256-GCM with the given associated data.
    const openSealed = (key: Buffer, sealed: string, aad: string) => {
      const raw = Buffer.from(sealed.split('.')[1]!, 'base64url');
      const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      d.setAAD(Buffer.from(aad));
      d.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]);
    };
    const kek = scryptSync(
      GOOD_PASSWORD.normalize('NFKC'),
      Buffer.from(header.master.kdf.salt, 'base64'),
      32,
      {
        N: header.master.kdf.N,
        r: header.master.kdf.r,
        p: header.master.kdf.p,
        maxmem: 256 * 1024 * 1024,
      },
    );
    const dataKey = openSealed(kek, header.master.wrappedKey, 'shopwarden/data-key/v1');
    const priv = createPrivateKey({
      key: openSealed(dataKey, header.priv, 'shopwarden/backup/v2/private-key'),
      format: 'der',
      type: 'pkcs8',
    });
    const shared = diffieHellman({
      privateKey: priv,
      publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: header.epk }, format: 'jwk' }),
    });
    const wrapKey = Buffer.from(
      hkdfSync(
        'sha256',
        shared,
        Buffer.from(`${header.epk}|${header.to}`),
        'shopwarden/backup/v2/content-key',
        32,
      ),
    );
    const key = openSealed(wrapKey, header.wrapped, 'shopwarden/backup/v2/content-key');
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(header.nonce, 'base64'));
    d.setAAD(bytes.subarray(0, headerEnd));
    const bodyEnd = headerEnd + header.bodyLength;
    d.setAuthTag(bytes.subarray(bodyEnd, bodyEnd + 16));
    const plain = Buffer.concat([d.update(bytes.subarray(headerEnd, bodyEnd)), d.final()]);
    const manifest = JSON.parse(plain.subarray(4, 4 + plain.readUInt32BE(0)).toString());
    expect(manifest.counts.subAccounts).toBe(3);
    expect(manifest.parts.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining([
        'vault.json',
        'audit.log',
        'staff.json',
        'deposits.json',
        expect.stringMatching(/^shops\//),
      ]),
    );
    // Attachments travel after the body as the sealed ciphertext they already are; the manifest says so.
    const att = manifest.parts.filter((p: { path: string }) => p.path.startsWith('attachments/'));
    expect(att.map((p: { outside: boolean }) => p.outside)).toEqual([true]);
    const sealedOnDisk = fs.readFileSync(path.join(a.dataDir, att[0].path));
    expect(bytes.subarray(bodyEnd + 16).equals(sealedOnDisk)).toBe(true);
    // No history, quarantine or device-bound key travels in a backup.
    expect(manifest.parts.some((p: { path: string }) => /^(generations|damaged)\//.test(p.path))).toBe(false);
    expect(plain.toString()).toContain('"deviceKey":null');
  });

  it('holds no plaintext secret or name anywhere in the file (canary scan)', async () => {
    const { status } = await backedUp();
    const bytes = fs.readFileSync(status.files[0]!.file);
    for (const needle of [...SECRETS, ...NAMES, GOOD_PASSWORD]) {
      for (const enc of ['utf8', 'utf16le', 'base64'] as const) {
        const pattern = enc === 'base64' ? Buffer.from(needle).toString('base64').slice(0, 12) : needle;
        expect(
          bytes.includes(Buffer.from(pattern, enc === 'base64' ? 'utf8' : enc)),
          `${needle} (${enc})`,
        ).toBe(false);
      }
    }
  });

  it('refuses a wrong password, one flipped byte, a truncated, a foreign and a newer-format file, changing nothing', async () => {
    const out = folder();
    const { status } = await backedUp(out);
    const good = fs.readFileSync(status.files[0]!.file);
    const variant = (name: string, bytes: Buffer) => {
      const f = path.join(out, name);
      fs.writeFileSync(f, bytes);
      return f;
    };
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length * 0.6)]! ^= 0x04;
    const headerEnd = 18 + 4 + good.readUInt32BE(18);
    const newer = Buffer.concat([
      good.subarray(0, 22),
      Buffer.from(good.subarray(22, headerEnd).toString().replace('"format":2', '"format":9')),
      good.subarray(headerEnd),
    ]);
    newer.writeUInt32BE(headerEnd - 22, 18);
    // A newer version's file is whole: its header checksum matches its header.
    newer.set(createHash('sha256').update(newer.subarray(0, headerEnd)).digest(), headerEnd);
    const cases: Array<[string, string, string]> = [
      [status.files[0]!.file, 'not the password', 'BACKUP_WRONG_PASSWORD'],
      [variant('flipped.swbackup', flipped), GOOD_PASSWORD, 'BACKUP_DAMAGED'],
      [
        variant('truncated.swbackup', good.subarray(0, Math.floor(good.length / 2))),
        GOOD_PASSWORD,
        'BACKUP_DAMAGED',
      ],
      [
        variant('foreign.swbackup', Buffer.from('PK\u0003\u0004 this is a zip, not a backup')),
        GOOD_PASSWORD,
        'BACKUP_NOT_A_BACKUP',
      ],
      [variant('newer.swbackup', newer), GOOD_PASSWORD, 'BACKUP_NEWER_FORMAT'],
    ];
    const b = fresh();
    const nb = callers(() => b.core);
    const listing = () => fs.readdirSync(b.dataDir).sort();
    const before = listing();
    for (const [file, password, code] of cases) {
      for (const method of ['backup.inspect', 'backup.restore']) {
        const e = await nb.refused(method, {
          file,
          password,
          ...(method === 'backup.restore' ? { confirm: true } : {}),
        });
        expect(e.code, `${method} ${path.basename(file)}`).toBe(code);
      }
    }
    expect(listing()).toEqual(before);
    expect((await nb.ok<{ state: string }>('vault.getStatus')).state).toBe('uninitialized');
  });

  it('a backup made after a damaged file was quarantined holds the recovered state, never the damage', async () => {
    const a = fresh();
    await populate(a.core);
    const { ok } = callers(() => a.core);
    await ok('staff.create', {
      name: '第二位',
      phone: '13700000002',
      position: '客服',
      notes: '',
      idNumber: '',
    });
    await a.core.shutdown();
    forget(a);
    fs.writeFileSync(path.join(a.dataDir, 'staff.json'), '\u0000'.repeat(100));
    const again = fresh(a.dataDir);
    const na = callers(() => again.core);
    await na.ok('vault.unlock', { password: GOOD_PASSWORD });
    const report = await na.ok<Array<{ file: string }>>('storage.getRecoveryReport');
    expect(report.map((r) => r.file)).toContain('staff.json');
    const recovered = await everything(again.core);
    const status = await na.ok<BackupStatus>('backup.configure', {
      folder: folder(),
      masterPassword: GOOD_PASSWORD,
      password: null,
    });
    const b = fresh();
    const nb = callers(() => b.core);
    await nb.ok('backup.restore', { file: status.files[0]!.file, password: GOOD_PASSWORD, confirm: true });
    await nb.ok('vault.unlock', { password: GOOD_PASSWORD });
    expect(await everything(b.core)).toEqual(recovered);
    expect(fs.existsSync(path.join(b.dataDir, 'damaged'))).toBe(false);
  });

  it('restoring over existing data: only when unlocked; the current data is moved aside, never deleted', async () => {
    const a = fresh();
    await populate(a.core);
    const { ok, refused } = callers(() => a.core);
    const status = await ok<BackupStatus>('backup.configure', {
      folder: folder(),
      masterPassword: GOOD_PASSWORD,
      password: null,
    });
    const file = status.files[0]!.file;
    await ok('shops.create', taobaoShop('备份之后的店'));
    await ok('vault.lock');
    expect((await refused('backup.restore', { file, password: GOOD_PASSWORD, confirm: true })).code).toBe(
      'RESTORE_NEEDS_UNLOCK',
    );
    await ok('vault.unlock', { password: GOOD_PASSWORD });
    await ok('backup.restore', { file, password: GOOD_PASSWORD, confirm: true });
    await ok('vault.unlock', { password: GOOD_PASSWORD });
    expect((await ok<ShopView[]>('shops.list', { includeArchived: true })).map((s) => s.name)).toEqual([
      NAMES[0],
    ]);
    const aside = fs.readdirSync(a.dataDir).filter((f) => f.startsWith('replaced-'));
    expect(aside).toHaveLength(1);
    const shopsAside = fs
      .readdirSync(path.join(a.dataDir, aside[0]!, 'shops'))
      .filter((f) => f.endsWith('.json'));
    expect(shopsAside).toHaveLength(2);
    // Before replacing anything, one more backup of the data being replaced was made.
    expect((await ok<BackupStatus>('backup.status')).files.length).toBeGreaterThanOrEqual(1);
  });

  it("a custom backup password opens it too; after a password change each backup opens with its own day's password", async () => {
    const a = fresh();
    await populate(a.core);
    const { ok, refused } = callers(() => a.core);
    const out = folder();
    const custom = await ok<BackupStatus>('backup.configure', {
      folder: out,
      masterPassword: GOOD_PASSWORD,
      password: { password: 'backup-only-password-1', confirm: 'backup-only-password-1' },
    });
    expect(custom.passwordMode).toBe('custom');
    const customFile = custom.files[0]!.file;
    await ok('backup.inspect', { file: customFile, password: 'backup-only-password-1' });
    await ok('backup.inspect', { file: customFile, password: GOOD_PASSWORD });
    expect((await refused('backup.inspect', { file: customFile, password: 'some other words' })).code).toBe(
      'BACKUP_WRONG_PASSWORD',
    );
    expect(
      (await refused('backup.configure', { folder: out, masterPassword: 'wrong', password: null })).code,
    ).toBe('WRONG_PASSWORD');
    const master = await ok<BackupStatus>('backup.configure', {
      folder: out,
      masterPassword: GOOD_PASSWORD,
      password: null,
    });
    const old = master.files.find((f) => f.file !== customFile)!;
    expect(old.opensWith).toMatchObject({ currentMaster: true, custom: false, otherVault: false });
    a.clock.advance(61_000);
    const next = `${GOOD_PASSWORD}-二`;
    await ok('vault.changePassword', { current: GOOD_PASSWORD, next, confirm: next });
    // The change itself made a backup under the new password at once; the earlier ones keep the old one.
    const after = await ok<BackupStatus>('backup.status');
    const newest = after.files.find((f) => f.opensWith?.currentMaster)!;
    expect(newest).toBeDefined();
    expect(after.files.filter((f) => f.opensWith?.currentMaster)).toHaveLength(1);
    expect(after.files.find((f) => f.file === old.file)?.opensWith?.currentMaster).toBe(false);
    await ok('backup.inspect', { file: newest.file, password: next });
    expect((await refused('backup.inspect', { file: newest.file, password: GOOD_PASSWORD })).code).toBe(
      'BACKUP_WRONG_PASSWORD',
    );
    await ok('backup.inspect', { file: old.file, password: GOOD_PASSWORD });
    expect((await refused('backup.inspect', { file: old.file, password: next })).code).toBe(
      'BACKUP_WRONG_PASSWORD',
    );
  });

  it('removing several sub-accounts at once makes a backup first', async () => {
    const a = fresh();
    await populate(a.core);
    const { ok } = callers(() => a.core);
    const out = folder();
    await ok('backup.configure', { folder: out, masterPassword: GOOD_PASSWORD, password: null });
    a.clock.advance(60_000);
    const subs = await ok<SubAccountView[]>('subaccounts.list', {});
    await ok('subaccounts.delete', { ids: subs.slice(0, 2).map((s) => s.id) });
    const files = fs.readdirSync(out).filter((f) => f.endsWith('.swbackup'));
    expect(files).toHaveLength(2);
    const audit = await ok<{ entries: Array<{ action: string; summary: string }> }>('audit.list', {
      offset: 0,
      limit: 20,
    });
    expect(audit.entries.find((e) => e.action === 'backup.created')?.summary).toMatch(/^before-bulk/);
    // The backup made just before holds both sub-accounts that are now gone.
    const b = fresh();
    const newest = files.sort().at(-1)!;
    const summary = await callers(() => b.core).ok<BackupSummary>('backup.inspect', {
      file: path.join(out, newest),
      password: GOOD_PASSWORD,
    });
    expect(summary.counts.subAccounts).toBe(3);
  });

  it('daily while unlocked; a failure is on the dashboard and notified once; refused bad paths', async () => {
    const a = fresh();
    await populate(a.core);
    const { ok, refused } = callers(() => a.core);
    const out = folder();
    await ok('backup.configure', { folder: out, masterPassword: GOOD_PASSWORD, password: null });
    expect(fs.readdirSync(out)).toHaveLength(1);
    a.clock.advance(24 * 3600_000);
    if ((await ok<{ state: string }>('vault.getStatus')).state === 'locked')
      await ok('vault.unlock', { password: GOOD_PASSWORD });
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.swbackup'))).toHaveLength(2);
    // The folder goes away (a USB disk unplugged): the next daily run fails, and says so.
    fs.rmSync(out, { recursive: true });
    a.clock.advance(24 * 3600_000);
    if ((await ok<{ state: string }>('vault.getStatus')).state === 'locked')
      await ok('vault.unlock', { password: GOOD_PASSWORD });
    const status = await ok<BackupStatus>('backup.status');
    expect(status.lastError?.code).toBe('BACKUP_FOLDER_UNAVAILABLE');
    const reminders = await ok<ReminderView[]>('reminders.list');
    expect(reminders.map((r) => r.kind)).toContain('backup-failed');
    expect(a.notifier.shown.filter((n) => n.title.includes('自动备份失败'))).toHaveLength(1);
    expect(
      (
        await refused('backup.configure', {
          folder: 'http://evil/x',
          masterPassword: GOOD_PASSWORD,
          password: null,
        })
      ).code,
    ).toBe('VALIDATION_FAILED');
  });
});

describe('recovery kit', () => {
  it('needs the master password, shows a 160-bit key once, unlocks and forces a new master password, audited', async () => {
    const a = fresh();
    await populate(a.core);
    const { ok, refused } = callers(() => a.core);
    expect(await ok('kit.status')).toEqual({ exists: false, createdAt: null });
    expect((await refused('kit.create', { masterPassword: 'wrong' })).code).toBe('WRONG_PASSWORD');
    const kit = await ok<{ key: string }>('kit.create', { masterPassword: GOOD_PASSWORD });
    expect(kit.key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await ok('kit.status')).toMatchObject({ exists: true });
    // The key is stored nowhere readable: not in any file of the data folder.
    const all = fs.readdirSync(a.dataDir, { recursive: true }) as string[];
    for (const f of all) {
      const p = path.join(a.dataDir, f);
      if (fs.statSync(p).isFile())
        expect(fs.readFileSync(p).includes(Buffer.from(kit.key.replaceAll('-', '')))).toBe(false);
    }
    const before = await everything(a.core);
    await ok('vault.lock');
    const newPassword = '全新的主密码-Recovered-1';
    expect(
      (
        await refused('vault.unlockWithRecoveryKey', {
          recoveryKey: 'AAAA-BBBB',
          next: newPassword,
          confirm: newPassword,
        })
      ).code,
    ).toBe('RECOVERY_KEY_WRONG');
    a.clock.advance(5_000);
    // Typed loosely: lower case, spaces instead of dashes.
    const typed = kit.key.toLowerCase().replaceAll('-', ' ');
    await ok('vault.unlockWithRecoveryKey', { recoveryKey: typed, next: newPassword, confirm: newPassword });
    expect(await everything(a.core)).toEqual(before);
    await ok('vault.lock');
    expect((await refused('vault.unlock', { password: GOOD_PASSWORD })).code).toBe('WRONG_PASSWORD');
    a.clock.advance(5_000);
    await ok('vault.unlock', { password: newPassword });
    const audit = await ok<{ entries: Array<{ action: string }> }>('audit.list', { offset: 0, limit: 100 });
    const actions = audit.entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['kit.created', 'vault.recoveryKeyFailed', 'vault.recoveryKeyUsed']),
    );
    // A new kit replaces the old one: the old sheet no longer opens the vault.
    await ok('kit.create', { masterPassword: newPassword });
    await ok('vault.lock');
    a.clock.advance(60_000);
    expect(
      (
        await refused('vault.unlockWithRecoveryKey', {
          recoveryKey: kit.key,
          next: newPassword,
          confirm: newPassword,
        })
      ).code,
    ).toBe('RECOVERY_KEY_WRONG');
  });
});
