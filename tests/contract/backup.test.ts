// Encrypted backups, restore on a new machine, and the recovery kit, through the contract.
import { createDecipheriv, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core.ts';
import type { BackupInfo, BackupStatus, BackupSummary } from '../../shared/contract/backup-types.ts';
import type { DepositCaseView } from '../../shared/contract/deposit-types.ts';
import type { PersonView, ShopView, SubAccountView } from '../../shared/contract/inventory-types.ts';
import type { DraftView } from '../../shared/contract/recovery-types.ts';
import type { ReminderView } from '../../shared/contract/work-types.ts';
import { callers } from '../support/contract-calls.ts';
import { generatedSub, taobaoShop } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, type TestCore, tempDataDir } from '../support/test-core.ts';

const dirs: string[] = [];
const cores: TestCore[] = [];
afterEach(async () => {
  for (const tc of cores.splice(0)) await tc.core.shutdown();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function fresh(dataDir?: string): TestCore {
  const tc = makeTestCore(dataDir ? { dataDir } : {});
  cores.push(tc);
  if (!dataDir) dirs.push(tc.dataDir);
  return tc;
}
const folder = () => {
  const d = tempDataDir('sw-backups');
  dirs.push(d);
  return d;
};

const SECRETS = [
  'Main-Pass-机密-001',
  '13912345678',
  '6222021234567890123',
  'Attachment 营业执照 PNG bytes',
] as const;
const NAMES = ['机密旗舰店', '秘密员工', '机密客服'] as const;

/** A vault with a bit of everything: shop secret, sub-accounts, staff, a case with an account and a file. */
async function populate(core: Core) {
  const { ok } = callers(() => core);
  await ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
  await ok('settings.update', { autoLockMinutes: 240 });
  const shop = await ok<ShopView>('shops.create', taobaoShop(NAMES[0], { mainPassword: SECRETS[0] }));
  for (const n of [NAMES[2], '小王', '小李']) await ok('subaccounts.create', generatedSub(shop.id, n));
  await ok('staff.create', { name: NAMES[1], phone: SECRETS[1], position: '客服', notes: '', idNumber: '' });
  const c = await ok<DepositCaseView>('deposit.create', { shopId: shop.id, amount: 5000 });
  await ok('deposit.setAccount', {
    id: c.id,
    kind: 'corporate',
    holder: '某公司',
    bank: '招商银行',
    number: SECRETS[2],
  });
  const item = c.items.find((i) => i.attachable)!;
  await ok('deposit.addAttachment', {
    id: c.id,
    itemId: item.id,
    fileName: 'licence.png',
    contentBase64: Buffer.from(SECRETS[3]).toString('base64'),
  });
  await ok('recovery.create', { kind: 'generic', shopId: shop.id });
  await ok('templates.create', {
    platform: 'taobao',
    name: '备份模板',
    permissions: [],
    nativeRole: null,
    basedOn: null,
  });
  await ok('rules.update', { purgeAfterDays: 45 });
  return { shopId: shop.id, caseId: c.id, itemId: item.id };
}

/** A populated vault with backups set up (which makes the first backup at once). */
async function backedUp(out = folder()) {
  const a = fresh();
  await populate(a.core);
  const status = await callers(() => a.core).ok<BackupStatus>('backup.configure', {
    folder: out,
    masterPassword: GOOD_PASSWORD,
    password: null,
  });
  return { a, status };
}

/** Everything a user can see, secrets included (each revealed as the user would). */
async function everything(core: Core) {
  const { ok } = callers(() => core);
  const shops = await ok<ShopView[]>('shops.list', { includeArchived: true });
  const subs = await ok<SubAccountView[]>('subaccounts.list', {});
  const staff = await ok<PersonView[]>('staff.list');
  const cases = await ok<DepositCaseView[]>('deposit.list');
  const drafts = await ok<DraftView[]>('recovery.list');
  const templates = await ok<unknown[]>('templates.list', {});
  // Rows only: the list also carries the current time, which moves between two reads.
  const verification = (await ok<{ rows: unknown[] }>('verification.list')).rows;
  const agents = await ok<unknown>('agents.list');
  const rules = await ok<unknown>('rules.get');
  const reveal = (collection: string, recordId: string, field: string) =>
    ok<{ value: string }>('secrets.reveal', { ref: { collection, recordId, field } }).then((r) => r.value);
  const secrets: string[] = [];
  for (const s of shops) secrets.push(await reveal(`shop-${s.id}`, s.id, 'mainPassword'));
  for (const s of subs) secrets.push(await reveal(`shop-${s.shopId}`, s.id, 'password'));
  for (const p of staff) secrets.push(await reveal('staff', p.id, 'phone'));
  for (const c of cases) {
    secrets.push((await ok<{ value: string }>('deposit.revealAccount', { id: c.id })).value);
    for (const i of c.items)
      for (const a of i.attachments ?? [])
        secrets.push(
          Buffer.from(
            (
              await ok<{ contentBase64: string }>('deposit.openAttachment', {
                id: c.id,
                itemId: i.id,
                attachmentId: a.id,
              })
            ).contentBase64,
            'base64',
          ).toString(),
        );
  }
  return { shops, subs, staff, cases, drafts, templates, verification, agents, rules, secrets };
}

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
    await nb.ok('backup.restore', { file, password: GOOD_PASSWORD });
    expect((await nb.ok<{ state: string }>('vault.getStatus')).state).toBe('locked');
    await nb.ok('vault.unlock', { password: GOOD_PASSWORD });
    const after = await everything(b.core);
    expect(after).toEqual(before);
    // The restore is audited in the restored log, which still verifies.
    expect(await nb.ok('audit.verify')).toMatchObject({ ok: true });
  });

  it('the file is real AES-256-GCM under scrypt(password): decrypted here with node:crypto alone', async () => {
    const { a, status } = await backedUp();
    const bytes = fs.readFileSync(status.files[0]!.file);
    const magic = 'SHOPWARDEN-BACKUP\n';
    expect(bytes.subarray(0, magic.length).toString()).toBe(magic);
    const headerLen = bytes.readUInt32BE(magic.length);
    const headerEnd = magic.length + 4 + headerLen;
    const header = JSON.parse(bytes.subarray(magic.length + 4, headerEnd).toString());
    expect(Object.keys(header).sort()).toEqual(['bodyLength', 'format', 'kdf', 'keyCheck', 'nonce']);
    const key = scryptSync(GOOD_PASSWORD.normalize('NFKC'), Buffer.from(header.kdf.salt, 'base64'), 32, {
      N: header.kdf.N,
      r: header.kdf.r,
      p: header.kdf.p,
      maxmem: 256 * 1024 * 1024,
    });
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
      Buffer.from(good.subarray(22, headerEnd).toString().replace('"format":1', '"format":9')),
      good.subarray(headerEnd),
    ]);
    newer.writeUInt32BE(headerEnd - 22, 18);
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
        const e = await nb.refused(method, { file, password });
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
    cores.splice(cores.indexOf(a), 1);
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
    await nb.ok('backup.restore', { file: status.files[0]!.file, password: GOOD_PASSWORD });
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
    expect((await refused('backup.restore', { file, password: GOOD_PASSWORD })).code).toBe(
      'RESTORE_NEEDS_UNLOCK',
    );
    await ok('vault.unlock', { password: GOOD_PASSWORD });
    await ok('backup.restore', { file, password: GOOD_PASSWORD });
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

  it('a separate backup password works, and "master password" backups follow a master-password change', async () => {
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
    await ok('backup.inspect', { file: custom.files[0]!.file, password: 'backup-only-password-1' });
    expect(
      (await refused('backup.inspect', { file: custom.files[0]!.file, password: GOOD_PASSWORD })).code,
    ).toBe('BACKUP_WRONG_PASSWORD');
    expect(
      (await refused('backup.configure', { folder: out, masterPassword: 'wrong', password: null })).code,
    ).toBe('WRONG_PASSWORD');
    await ok('backup.configure', { folder: out, masterPassword: GOOD_PASSWORD, password: null });
    const next = `${GOOD_PASSWORD}-二`;
    await ok('vault.changePassword', { current: GOOD_PASSWORD, next, confirm: next });
    a.clock.advance(61_000);
    const made = await ok<BackupInfo>('backup.run');
    await ok('backup.inspect', { file: path.join(out, made.file), password: next });
    expect(
      (await refused('backup.inspect', { file: path.join(out, made.file), password: GOOD_PASSWORD })).code,
    ).toBe('BACKUP_WRONG_PASSWORD');
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
