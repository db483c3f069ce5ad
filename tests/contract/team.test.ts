// The team area through the contract, with three real cores (owner, admin, lead) in their own data folders
// sharing a folder target: invite and approve with matching safety codes, what each role sees, edits that
// travel both ways byte-identical, a conflict resolved from the list, a removal with its rotation list.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../shared/contract/backup-types.ts';
import type { DepositCaseView } from '../../shared/contract/deposit-types.ts';
import type { ShopView, SubAccountView } from '../../shared/contract/inventory-types.ts';
import type {
  ConflictView,
  InviteView,
  TeamMembersView,
  TeamStatus,
} from '../../shared/contract/team-types.ts';
import type { WorkRules } from '../../shared/contract/work-types.ts';
import { callers } from '../support/contract-calls.ts';
import { generatedSub, taobaoShop, typedSub } from '../support/payloads.ts';
import { join, type Member, member } from '../support/team-members.ts';
import { GOOD_PASSWORD, makeTestCore, tempDataDir } from '../support/test-core.ts';
import { filesUnder } from '../sync/support/team-cores.ts';

const sync = (m: Member) => m.ok<TeamStatus>('team.syncNow');

/** A recovery draft for the shop with one attached file, `身份证.jpg` holding `id-card-photo`. */
async function draftWithFile(m: Member, shopId: string): Promise<{ id: string }> {
  const draft = await m.ok<{ id: string }>('recovery.create', { kind: 'generic', shopId });
  await m.ok('recovery.addAttachment', {
    id: draft.id,
    fileName: '身份证.jpg',
    contentBase64: Buffer.from('id-card-photo').toString('base64'),
  });
  return draft;
}

describe('team area (three cores, shared folder)', () => {
  it('owner, admin and lead work on the same shops, each seeing exactly what their role allows', async () => {
    const folder = path.join(tempDataDir('team-folder'), 'shared');
    const owner = await member();
    const shopA = await owner.ok<ShopView>(
      'shops.create',
      taobaoShop('美妆旗舰店', { mainPassword: 'CANARY-main-A1', phone: '13900139000' }),
    );
    const shopB = await owner.ok<ShopView>(
      'shops.create',
      taobaoShop('家居专营店', { mainPassword: 'CANARY-main-B2' }),
    );
    const subA = await owner.ok<SubAccountView>(
      'subaccounts.create',
      typedSub(shopA.id, '小美', 'Sp-77 "q" <&>x'),
    );
    await owner.ok<SubAccountView>('subaccounts.create', generatedSub(shopB.id, '小家'));
    await owner.ok('staff.create', {
      name: '王小二',
      phone: '13800138000',
      position: '客服',
      notes: '',
      idNumber: '',
    });

    // Bad input changes nothing: a public http address, a relative folder.
    expect(
      (
        await owner.refused('team.create', {
          connection: { kind: 'webdav', url: 'http://dav.example.com/x', username: 'u', password: 'p' },
          ownerName: '老板',
        })
      ).code,
    ).toBe('SYNC_ADDRESS_REFUSED');
    expect(
      (
        await owner.refused('team.create', {
          connection: { kind: 'folder', dir: 'relative/x' },
          ownerName: '老板',
        })
      ).code,
    ).toBe('VALIDATION_FAILED');
    expect((await owner.ok<TeamStatus>('team.status')).phase).toBe('not-set-up');

    const created = await owner.ok<TeamStatus>('team.create', {
      connection: { kind: 'folder', dir: folder },
      ownerName: '老板',
    });
    expect(created).toMatchObject({ phase: 'idle', role: 'owner', waiting: 0 });

    const admin = await member();
    const lead = await member();
    await join(owner, admin, folder, '管理员小王', { role: 'admin', shops: [] });
    await join(owner, lead, folder, '客服主管小李', { role: 'lead', shops: [shopA.id] });
    await sync(admin);
    await sync(lead);

    // The admin has everything, main accounts included.
    const adminShops = await admin.ok<ShopView[]>('shops.list', { includeArchived: true });
    expect(adminShops.map((s) => s.name).sort()).toEqual(['家居专营店', '美妆旗舰店']);
    const main = await admin.ok<{ value: string }>('secrets.reveal', {
      ref: { collection: `shop-${shopA.id}`, recordId: shopA.id, field: 'mainPassword' },
    });
    expect(main.value).toBe('CANARY-main-A1');

    // The lead has shop A without its main account, its sub-accounts with passwords, and nothing of shop B.
    const leadShops = await lead.ok<ShopView[]>('shops.list', { includeArchived: true });
    expect(leadShops).toHaveLength(1);
    expect(leadShops[0]).toMatchObject({
      id: shopA.id,
      name: '美妆旗舰店',
      mainHidden: true,
      phoneMasked: null,
    });
    const leadSubs = await lead.ok<SubAccountView[]>('subaccounts.list', {});
    expect(leadSubs.map((s) => s.fullName)).toEqual(['美妆旗舰店:小美']);
    const subPw = await lead.ok<{ value: string }>('secrets.reveal', {
      ref: { collection: `shop-${shopA.id}`, recordId: subA.id, field: 'password' },
    });
    expect(subPw.value).toBe('Sp-77 "q" <&>x');
    expect(
      (
        await lead.refused('secrets.reveal', {
          ref: { collection: `shop-${shopA.id}`, recordId: shopA.id, field: 'mainPassword' },
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect((await lead.refused('shops.create', taobaoShop('新店'))).code).toBe('SYNC_SCOPE_FORBIDDEN');
    expect((await lead.refused('deposit.list', {})).code).toBe('SYNC_SCOPE_FORBIDDEN');
    expect((await lead.refused('team.invite', { minutes: 30, includeLogin: true })).code).toBe(
      'SYNC_SCOPE_FORBIDDEN',
    );
    // The lead's data folder and the shared folder never hold a main-account password in any readable form.
    for (const dir of [lead.dataDir, folder])
      for (const { bytes } of filesUnder(dir))
        for (const c of ['CANARY-main-A1', 'CANARY-main-B2', '家居专营店'])
          expect(bytes.includes(Buffer.from(c))).toBe(false);
    for (const { bytes } of filesUnder(folder))
      for (const c of ['美妆旗舰店', '王小二', '13800138000', 'Sp-77'])
        expect(bytes.includes(Buffer.from(c))).toBe(false);

    // The lead changes a sub-account password; the owner gets exactly those bytes.
    await lead.ok('subaccounts.changePassword', {
      id: subA.id,
      password: 'Lead-Set 9/"x"',
      confirm: 'Lead-Set 9/"x"',
      generate: false,
    });
    await sync(lead);
    await sync(owner);
    const back = await owner.ok<{ value: string }>('secrets.reveal', {
      ref: { collection: `shop-${shopA.id}`, recordId: subA.id, field: 'password' },
    });
    expect(back.value).toBe('Lead-Set 9/"x"');

    // Owner and admin change the same password at once: one wins everywhere, the other is in the list.
    await sync(admin);
    await owner.ok('subaccounts.changePassword', {
      id: subA.id,
      password: 'Owner-Pw-111',
      confirm: 'Owner-Pw-111',
      generate: false,
    });
    await admin.ok('subaccounts.changePassword', {
      id: subA.id,
      password: 'Admin-Pw-222',
      confirm: 'Admin-Pw-222',
      generate: false,
    });
    await sync(owner);
    await sync(admin);
    await sync(owner);
    const reveal = (m: Member) =>
      m.ok<{ value: string }>('secrets.reveal', {
        ref: { collection: `shop-${shopA.id}`, recordId: subA.id, field: 'password' },
      });
    const winner = (await reveal(owner)).value;
    expect((await reveal(admin)).value).toBe(winner);
    const conflicts = [
      ...(await owner.ok<ConflictView[]>('team.conflicts')),
      ...(await admin.ok<ConflictView[]>('team.conflicts')),
    ];
    const c = conflicts.find((x) => x.field === 'password');
    expect(c).toMatchObject({ secret: true, kept: null, lost: null });
    const holder = (await owner.ok<ConflictView[]>('team.conflicts')).some((x) => x.cid === c?.cid)
      ? owner
      : admin;
    await holder.ok('team.resolveConflict', { cid: c?.cid, choice: 'restore' });
    await sync(holder);
    await sync(owner);
    await sync(admin);
    const loser = winner === 'Owner-Pw-111' ? 'Admin-Pw-222' : 'Owner-Pw-111';
    expect((await reveal(owner)).value).toBe(loser);
    expect((await reveal(admin)).value).toBe(loser);
    // The restore settles the conflict on both machines.
    for (const m of [owner, admin])
      expect((await m.ok<ConflictView[]>('team.conflicts')).filter((x) => x.field === 'password')).toEqual(
        [],
      );

    // Removing the lead lists every password the lead could see.
    const leadId = (await lead.ok<TeamStatus>('team.status')).memberId;
    const removed = await owner.ok<{ rotate: Array<{ account: string; what: string }> }>('team.remove', {
      memberId: leadId,
    });
    expect(removed.rotate).toContainEqual({
      shopName: '美妆旗舰店',
      account: '美妆旗舰店:小美',
      what: 'sub-password',
    });
    expect(removed.rotate.some((r) => r.what === 'main-password')).toBe(false);
    // Each of those passwords is a follow-up on the dashboard (as for a person who left), on every admin's
    // computer, until it is changed.
    const reminders = await owner.ok<Array<{ kind: string; fullName: string }>>('reminders.list');
    expect(reminders).toContainEqual(
      expect.objectContaining({ kind: 'leaver-account', fullName: '美妆旗舰店:小美（客服主管小李）' }),
    );
    await sync(owner);
    await sync(admin);
    expect(await admin.ok<Array<{ kind: string }>>('reminders.list')).toContainEqual(
      expect.objectContaining({ kind: 'leaver-account' }),
    );
    await owner.ok('subaccounts.changePassword', { id: subA.id, generate: true });
    expect(
      (await owner.ok<Array<{ kind: string }>>('reminders.list')).some((r) => r.kind === 'leaver-account'),
    ).toBe(false);
    await owner.ok('subaccounts.create', generatedSub(shopA.id, '新人'));
    await sync(owner);
    await sync(lead);
    expect((await lead.ok<TeamStatus>('team.status')).phase).toBe('removed');
    expect((await lead.ok<SubAccountView[]>('subaccounts.list', {})).map((s) => s.fullName)).not.toContain(
      '美妆旗舰店:新人',
    );
    const audit = await owner.ok<{ entries: Array<{ action: string }> }>('audit.list', {
      offset: 0,
      limit: 100,
    });
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['team.created', 'team.invited', 'team.approved', 'team.removed']),
    );
  });

  it('a grant or role taken away: that computer deletes what it may no longer hold, and says so', async () => {
    const folder = path.join(tempDataDir('team-folder'), 'shared');
    const owner = await member();
    const shopA = await owner.ok<ShopView>(
      'shops.create',
      taobaoShop('美妆旗舰店', { mainPassword: 'Main-A-1' }),
    );
    const shopB = await owner.ok<ShopView>(
      'shops.create',
      taobaoShop('家居专营店', { mainPassword: 'Main-B-2' }),
    );
    await owner.ok<SubAccountView>('subaccounts.create', typedSub(shopA.id, '小美', 'Sub-A-pw'));
    await owner.ok<SubAccountView>('subaccounts.create', typedSub(shopB.id, '小家', 'Sub-B-pw'));
    const c = await owner.ok<DepositCaseView>('deposit.create', { shopId: shopA.id, amount: 5000 });
    await owner.ok('deposit.setAccount', {
      id: c.id,
      kind: 'corporate',
      holder: '某公司',
      bank: '招商银行',
      number: '6222020200112233445',
    });
    const item = c.items.find((i) => i.attachable);
    await owner.ok('deposit.addAttachment', {
      id: c.id,
      itemId: item?.id,
      fileName: 'licence.png',
      contentBase64: Buffer.from('scan-of-licence').toString('base64'),
    });
    await owner.ok('team.create', { connection: { kind: 'folder', dir: folder }, ownerName: '老板' });
    const admin = await member();
    const lead = await member();
    await join(owner, admin, folder, '管理员小王', { role: 'admin', shops: [] });
    await join(owner, lead, folder, '客服主管小李', { role: 'lead', shops: [shopA.id, shopB.id] });
    await sync(admin);
    await sync(lead);
    expect(await lead.ok<ShopView[]>('shops.list', { includeArchived: true })).toHaveLength(2);
    expect(await admin.ok<DepositCaseView[]>('deposit.list')).toHaveLength(1);
    const idOf = async (name: string) =>
      (await owner.ok<TeamMembersView>('team.members')).members.find((m) => m.name === name)?.id;
    const shopFiles = (m: Member, shopId: string) =>
      filesUnder(m.dataDir).filter(({ file }) => file.includes(shopId));

    // The lead loses shop B: gone from its lists, its files and old versions deleted; shop A untouched.
    expect(shopFiles(lead, shopB.id).length).toBeGreaterThan(0);
    await owner.ok('team.setGrant', {
      memberId: await idOf('客服主管小李'),
      grant: { role: 'lead', shops: [shopA.id] },
    });
    await sync(owner);
    const told = await sync(lead);
    expect((await lead.ok<ShopView[]>('shops.list', { includeArchived: true })).map((s) => s.id)).toEqual([
      shopA.id,
    ]);
    expect((await lead.ok<SubAccountView[]>('subaccounts.list', {})).map((s) => s.fullName)).toEqual([
      '美妆旗舰店:小美',
    ]);
    expect(shopFiles(lead, shopB.id).map((f) => f.file)).toEqual([]);
    expect(told.reports.find((r) => r.code === 'withdrawn-shop')?.zh).toContain('家居专营店');
    expect(told.reports.find((r) => r.code === 'withdrawn-shop')?.en).toContain('家居专营店');

    // The admin is made a lead of shop A: main accounts, deposit cases, refund account and attachment go.
    const mainRef = { collection: `shop-${shopA.id}`, recordId: shopA.id, field: 'mainPassword' };
    expect((await admin.ok<{ value: string }>('secrets.reveal', { ref: mainRef })).value).toBe('Main-A-1');
    await owner.ok('team.setGrant', {
      memberId: await idOf('管理员小王'),
      grant: { role: 'lead', shops: [shopA.id] },
    });
    await sync(owner);
    const adminTold = await sync(admin);
    expect(adminTold.role).toBe('lead');
    const adminShops = await admin.ok<ShopView[]>('shops.list', { includeArchived: true });
    expect(adminShops.map((s) => [s.id, s.mainHidden])).toEqual([[shopA.id, true]]);
    expect((await admin.refused('secrets.reveal', { ref: mainRef })).code).toBe('NOT_FOUND');
    const subPw = await admin.ok<{ value: string }>('secrets.reveal', {
      ref: {
        collection: `shop-${shopA.id}`,
        recordId: (await admin.ok<SubAccountView[]>('subaccounts.list', {}))[0]?.id,
        field: 'password',
      },
    });
    expect(subPw.value).toBe('Sub-A-pw');
    // No file on the admin's computer still holds a sealed main password (current or old version), a deposit
    // case or an attachment.
    for (const { file, bytes } of filesUnder(admin.dataDir)) {
      expect(bytes.includes(Buffer.from('"mainPassword"')), file).toBe(false);
      expect(path.basename(file).startsWith('deposits'), file).toBe(false);
      expect(file.includes(`${path.sep}attachments${path.sep}`), file).toBe(false);
    }
    expect(shopFiles(admin, shopB.id)).toEqual([]);
    const codes = adminTold.reports.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['withdrawn-main', 'withdrawn-private', 'withdrawn-shop']));

    // The owner's own data is untouched, and what the demoted admin keeps still syncs both ways.
    expect(await owner.ok<DepositCaseView[]>('deposit.list')).toHaveLength(1);
    expect((await owner.ok<{ value: string }>('secrets.reveal', { ref: mainRef })).value).toBe('Main-A-1');
  });

  it('a member restored from an older .swbackup on a new computer goes on as the same member', async () => {
    const folder = path.join(tempDataDir('team-folder'), 'shared');
    const owner = await member();
    const shop = await owner.ok<ShopView>('shops.create', taobaoShop('美妆旗舰店'));
    await owner.ok('team.create', { connection: { kind: 'folder', dir: folder }, ownerName: '老板' });
    const admin = await member();
    await join(owner, admin, folder, '管理员小王', { role: 'admin', shops: [] });
    await owner.ok<SubAccountView>('subaccounts.create', typedSub(shop.id, '备份前', 'Before-1'));
    await sync(owner);
    await sync(admin);
    const backups = tempDataDir('team-backups');
    const made = await admin.ok<{ files: Array<{ file: string }> }>('backup.configure', {
      folder: backups,
      masterPassword: GOOD_PASSWORD,
      password: null,
    });
    const file = made.files[0]?.file as string;
    // After the backup the admin adds a sub-account; then its computer is lost.
    const later = await admin.ok<SubAccountView>(
      'subaccounts.create',
      typedSub(shop.id, '备份后', 'After-2'),
    );
    await sync(admin);

    const fresh = makeTestCore();
    const b = { ...fresh, ...callers(() => fresh.core) };
    await b.ok('backup.restore', { file, password: GOOD_PASSWORD, confirm: true });
    await b.ok('vault.unlock', { password: GOOD_PASSWORD });
    const status = await sync(b as Member);
    expect(status).toMatchObject({ phase: 'idle', role: 'admin' });
    expect(status.reports.map((r) => r.code)).toContain('own-restored');
    // What was uploaded after the backup is back, secret included, byte for byte.
    const pw = await b.ok<{ value: string }>('secrets.reveal', {
      ref: { collection: `shop-${shop.id}`, recordId: later.id, field: 'password' },
    });
    expect(pw.value).toBe('After-2');
    // It goes on: its next change reaches the owner, and nobody refuses anything.
    await b.ok<SubAccountView>('subaccounts.create', typedSub(shop.id, '恢复后', 'Restored-3'));
    await sync(b as Member);
    const ownerStatus = await sync(owner);
    expect(ownerStatus.reports).toEqual([]);
    expect((await owner.ok<SubAccountView[]>('subaccounts.list', {})).map((x) => x.fullName).sort()).toEqual(
      ['美妆旗舰店:备份前', '美妆旗舰店:备份后', '美妆旗舰店:恢复后'].sort(),
    );
  });

  it("work rules are the team's: changes to different numbers on two computers both hold, a lead follows them", async () => {
    const folder = path.join(tempDataDir('team-folder'), 'shared');
    const owner = await member();
    await owner.ok('rules.update', { purgeAfterDays: 45 });
    const shop = await owner.ok<ShopView>('shops.create', taobaoShop('美妆旗舰店'));
    await owner.ok('team.create', { connection: { kind: 'folder', dir: folder }, ownerName: '老板' });
    const admin = await member();
    const lead = await member();
    await join(owner, admin, folder, '管理员小王', { role: 'admin', shops: [] });
    await join(owner, lead, folder, '客服主管小李', { role: 'lead', shops: [shop.id] });
    await sync(admin);
    await sync(lead);
    // The owner's rules (made before the team) are everyone's.
    for (const m of [admin, lead]) expect((await m.ok<WorkRules>('rules.get')).purgeAfterDays).toBe(45);
    // Owner and admin change different numbers while apart.
    const base = await owner.ok<WorkRules>('rules.get');
    await owner.ok('rules.update', {
      verification: { taobao: { ...base.verification.taobao, verifyWithinDays: 5 } },
    });
    await admin.ok('rules.update', {
      verification: { jd: { ...base.verification.jd, verifyWithinDays: 9 } },
      registrationMinutes: 60,
    });
    expect((await lead.refused('rules.update', { purgeAfterDays: 1 })).code).toBe('SYNC_SCOPE_FORBIDDEN');
    await sync(owner);
    await sync(admin);
    await sync(owner);
    await sync(lead);
    const all = await Promise.all([owner, admin, lead].map((m) => m.ok<WorkRules>('rules.get')));
    for (const r of all) {
      expect(r.verification.taobao.verifyWithinDays).toBe(5);
      expect(r.verification.jd.verifyWithinDays).toBe(9);
      expect(r.registrationMinutes).toBe(60);
      expect(r.purgeAfterDays).toBe(45);
    }
    expect(all[1]).toEqual(all[0]);
    expect(all[2]).toEqual(all[0]);
  });

  it('attached files reach the owner and admins sealed and signed, never a lead; an altered one is refused', async () => {
    const folder = path.join(tempDataDir('team-folder'), 'shared');
    const owner = await member();
    const shop = await owner.ok<ShopView>('shops.create', taobaoShop('美妆旗舰店'));
    const c = await owner.ok<DepositCaseView>('deposit.create', { shopId: shop.id, amount: 5000 });
    const item = c.items.find((i) => i.attachable);
    const attach = (name: string, text: string) =>
      owner.ok<DepositCaseView>('deposit.addAttachment', {
        id: c.id,
        itemId: item?.id,
        fileName: name,
        contentBase64: Buffer.from(text).toString('base64'),
      });
    await attach('营业执照.png', 'licence-scan-before-team');
    await owner.ok('team.create', { connection: { kind: 'folder', dir: folder }, ownerName: '老板' });
    const admin = await member();
    const lead = await member();
    await join(owner, admin, folder, '管理员小王', { role: 'admin', shops: [] });
    await join(owner, lead, folder, '客服主管小李', { role: 'lead', shops: [shop.id] });
    const withFiles = await attach('退款截图.png', 'refund-shot-after-team');
    const draft = await draftWithFile(owner, shop.id);
    await sync(owner);
    await sync(admin);
    await sync(lead);
    const files = withFiles.items.find((i) => i.id === item?.id)?.attachments ?? [];
    expect(files).toHaveLength(2);
    const open = (m: Member, attachmentId: string) =>
      m.ok<{ contentBase64: string }>('deposit.openAttachment', { id: c.id, itemId: item?.id, attachmentId });
    for (const [i, text] of ['licence-scan-before-team', 'refund-shot-after-team'].entries())
      expect(Buffer.from((await open(admin, files[i]?.id ?? '')).contentBase64, 'base64').toString()).toBe(
        text,
      );
    const eml = await admin.ok<{ contentBase64: string }>('recovery.exportEml', { id: draft.id });
    expect(Buffer.from(eml.contentBase64, 'base64').toString()).toContain(
      Buffer.from('id-card-photo').toString('base64'),
    );
    // Nothing of them on the lead's computer or, readable, in the shared folder.
    expect(fs.existsSync(path.join(lead.dataDir, 'attachments'))).toBe(false);
    for (const dir of [lead.dataDir, folder])
      for (const { bytes } of filesUnder(dir))
        for (const t of ['licence-scan', 'refund-shot', 'id-card-photo', '营业执照', '身份证'])
          expect(bytes.includes(Buffer.from(t))).toBe(false);
    // A second admin finds every file altered by one byte: refused, said, and nothing kept.
    for (const f of fs.readdirSync(folder).filter((n) => n.startsWith('b-'))) {
      const b = fs.readFileSync(path.join(folder, f));
      b[Math.floor(b.length / 2)] = (b[Math.floor(b.length / 2)] ?? 0) ^ 1;
      fs.writeFileSync(path.join(folder, f), b);
    }
    const late = await member();
    await join(owner, late, folder, '管理员小赵', { role: 'admin', shops: [] });
    const told = await sync(late);
    expect(told.reports.filter((r) => r.code === 'tampered')).toHaveLength(3);
    expect(told.reports.find((r) => r.code === 'tampered')?.zh).toContain('已拒绝');
    expect(await late.ok<DepositCaseView[]>('deposit.list')).toHaveLength(1);
    expect(
      (
        await late.refused('deposit.openAttachment', {
          id: c.id,
          itemId: item?.id,
          attachmentId: files[0]?.id,
        })
      ).code,
    ).toBe('ATTACHMENT_NOT_HERE');
  });

  it('a file removed from a case, or in a deleted draft, leaves the target a week later; named files stay', async () => {
    const folder = path.join(tempDataDir('team-folder'), 'shared');
    const owner = await member();
    const shop = await owner.ok<ShopView>('shops.create', taobaoShop('美妆旗舰店'));
    const c = await owner.ok<DepositCaseView>('deposit.create', { shopId: shop.id, amount: 5000 });
    const itemId = c.items.find((i) => i.attachable)?.id;
    await owner.ok('team.create', { connection: { kind: 'folder', dir: folder }, ownerName: '老板' });
    const admin = await member();
    await join(owner, admin, folder, '管理员小王', { role: 'admin', shops: [] });
    const add = (name: string) =>
      admin.ok<DepositCaseView>('deposit.addAttachment', {
        id: c.id,
        itemId,
        fileName: name,
        contentBase64: Buffer.from(`content of ${name}`).toString('base64'),
      });
    await sync(admin);
    await add('留下.png');
    const both = await add('删掉.png');
    const draft = await draftWithFile(owner, shop.id);
    await sync(owner);
    await sync(admin);
    await sync(owner);
    const blobs = () => fs.readdirSync(folder).filter((n) => n.startsWith('b-'));
    expect(blobs()).toHaveLength(3);
    const [kept, dropped] = both.items.find((i) => i.id === itemId)?.attachments ?? [];
    await admin.ok('deposit.removeAttachment', { id: c.id, itemId, attachmentId: dropped?.id });
    await owner.ok('recovery.delete', { id: draft.id });
    await sync(admin);
    for (let i = 0; i < 4; i++) await sync(owner);
    // Unnamed, but not for a week yet: nothing deleted (another member may still be uploading the record).
    expect(blobs()).toHaveLength(3);
    owner.clock.advance(8 * 24 * 60 * 60_000);
    if ((await owner.ok<{ state: string }>('vault.getStatus')).state === 'locked')
      await owner.ok('vault.unlock', { password: GOOD_PASSWORD });
    for (let i = 0; i < 3; i++) await sync(owner);
    expect(blobs()).toHaveLength(1);
    // The file still named is there and opens on a computer that never had it.
    const late = await member();
    await join(owner, late, folder, '管理员小赵', { role: 'admin', shops: [] });
    await sync(late);
    const opened = await late.ok<{ contentBase64: string }>('deposit.openAttachment', {
      id: c.id,
      itemId,
      attachmentId: kept?.id,
    });
    expect(Buffer.from(opened.contentBase64, 'base64').toString()).toBe('content of 留下.png');
  });

  it('a seller joins with the pasted invite and the spoken digits; the invite is single-use and leaves the list', async () => {
    const folder = path.join(tempDataDir('team-folder'), 'shared');
    const owner = await member();
    await owner.ok('team.create', { connection: { kind: 'folder', dir: folder }, ownerName: '老板' });
    const inv = await owner.ok<InviteView>('team.invite', { minutes: 72 * 60, includeLogin: true });
    expect(inv.oneTimeCode).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(inv.text).not.toContain(folder);
    expect(inv.fileName).toMatch(/\.swinvite$/);
    expect((await owner.ok<TeamMembersView>('team.members')).invites.map((i) => i.id)).toEqual([inv.id]);
    const pasted = `老板 12:03\n${inv.text.replace(/(.{30})/g, '$1\n')}\n[微笑]`;
    const joiner = await member();
    // Wrong digits, or a message with no invite in it: said in words, nothing set up.
    const wrong = await joiner.refused('team.joinByInvite', {
      text: pasted,
      oneTimeCode: '0000 0000 0000 0000',
      name: '小李',
      login: null,
    });
    expect(wrong.code).toBe('SYNC_INVITE_CODE_WRONG');
    const none = await joiner.refused('team.joinByInvite', {
      text: '邀请在哪？',
      oneTimeCode: inv.oneTimeCode,
      name: '小李',
      login: null,
    });
    expect(none.code).toBe('SYNC_INVITE_TEXT_INVALID');
    expect((await joiner.ok<TeamStatus>('team.status')).phase).toBe('not-set-up');
    // Refused invites changed nothing, so no safety backup was needed; the real join makes one first.
    expect((await joiner.ok<BackupStatus>('backup.status')).lastSafety).toBeNull();
    const waiting = await joiner.ok<TeamStatus>('team.joinByInvite', {
      text: pasted,
      oneTimeCode: inv.oneTimeCode,
      name: '小李',
      login: null,
    });
    expect(waiting.phase).toBe('waiting-approval');
    expect((await joiner.ok<BackupStatus>('backup.status')).lastSafety).toMatchObject({
      reason: 'before-join',
    });
    // Someone else with the same text and digits asks too: the owner sees both (the safety code tells them
    // apart), the invite is no longer listed as open, and it admits one member only.
    const second = await member();
    await second.ok('team.joinByInvite', {
      text: inv.text,
      oneTimeCode: inv.oneTimeCode,
      name: '小王',
      login: null,
    });
    await sync(owner);
    const seen = await owner.ok<TeamMembersView>('team.members');
    expect(seen.joins.map((j) => j.name).sort()).toEqual(['小李', '小王'].sort());
    expect(seen.invites).toEqual([]);
    const li = seen.joins.find((j) => j.name === '小李');
    const wang = seen.joins.find((j) => j.name === '小王');
    expect(li?.safetyCode).toBe(waiting.safetyCode);
    await owner.ok('team.approve', {
      inviteId: li?.inviteId,
      memberId: li?.memberId,
      grant: { role: 'lead', shops: [] },
    });
    const used = await owner.refused('team.approve', {
      inviteId: wang?.inviteId,
      memberId: wang?.memberId,
      grant: { role: 'lead', shops: [] },
    });
    expect(used.code).toBe('SYNC_INVITE_EXPIRED');
    expect((await owner.ok<TeamMembersView>('team.members')).joins).toEqual([]);
    // An unused invite leaves the list when it expires (the shortest validity here; the screen's default is 72 h).
    await owner.ok('settings.update', { autoLockMinutes: 240 });
    const later = await owner.ok<InviteView>('team.invite', { minutes: 5, includeLogin: true });
    expect((await owner.ok<TeamMembersView>('team.members')).invites.map((i) => i.id)).toEqual([later.id]);
    owner.clock.advance(5 * 60_000 + 1000);
    expect((await owner.ok<TeamMembersView>('team.members')).invites).toEqual([]);
  });

  it("two members opening a deposit case for the same shop while apart end with one case holding both sides' work", async () => {
    const folder = path.join(tempDataDir('team-folder'), 'shared');
    const owner = await member();
    const shop = await owner.ok<ShopView>('shops.create', taobaoShop('美妆旗舰店'));
    await owner.ok('team.create', { connection: { kind: 'folder', dir: folder }, ownerName: '老板' });
    const admin = await member();
    await join(owner, admin, folder, '管理员小王', { role: 'admin', shops: [] });
    await sync(owner);
    await sync(admin);
    // Apart: each opens the shop's case, ticks a different item, notes one, and the admin adds the account.
    const a = await owner.ok<DepositCaseView>('deposit.create', { shopId: shop.id, amount: 5000 });
    const b = await admin.ok<DepositCaseView>('deposit.create', { shopId: shop.id, amount: 5000 });
    expect(a.id).not.toBe(b.id);
    await owner.ok('deposit.updateItem', {
      id: a.id,
      itemId: a.items[0]?.id,
      done: true,
      note: '老板已核对',
    });
    await admin.ok('deposit.updateItem', {
      id: b.id,
      itemId: b.items[1]?.id,
      done: true,
      note: '管理员已办',
    });
    await admin.ok('deposit.addItem', { id: b.id, section: 'materials', text: '管理员加的材料' });
    await admin.ok('deposit.setAccount', {
      id: b.id,
      kind: 'corporate',
      holder: '杭州美妆有限公司',
      bank: '招商银行',
      number: '6225880137706868',
    });
    for (let i = 0; i < 3; i++) for (const m of [owner, admin]) await sync(m);
    const lists = [
      await owner.ok<DepositCaseView[]>('deposit.list'),
      await admin.ok<DepositCaseView[]>('deposit.list'),
    ];
    for (const list of lists)
      expect(list.filter((c) => c.shopId === shop.id && c.state !== 'refunded')).toHaveLength(1);
    const [mine, theirs] = lists.map((l) => l[0]) as [DepositCaseView, DepositCaseView];
    expect(theirs).toEqual(mine);
    const byText = (zh: string | undefined) => mine.items.find((i) => i.text.zh === zh);
    expect(byText(a.items[0]?.text.zh)).toMatchObject({ done: true, note: '老板已核对' });
    expect(byText(b.items[1]?.text.zh)).toMatchObject({ done: true, note: '管理员已办' });
    expect(mine.items.map((i) => i.text.zh)).toContain('管理员加的材料');
    expect(mine.items).toHaveLength(a.items.length + 1);
    // The refund account moved with it, sealed again under the kept case: it opens on both computers.
    for (const m of [owner, admin]) {
      const shown = await m.ok<{ value: string }>('deposit.revealAccount', { id: mine.id });
      expect(shown.value).toBe('6225880137706868');
    }
    // Said on the computer that found the two and merged them (the other only ever saw one live case).
    const reports = [
      ...(await owner.ok<TeamStatus>('team.status')).reports,
      ...(await admin.ok<TeamStatus>('team.status')).reports,
    ];
    const told = reports.find((r) => r.code === 'cases-merged');
    expect(told?.zh).toContain('美妆旗舰店');
    expect(told?.en).toMatch(/merged into one/);
    // The team's records hold one case too: nothing to merge again, and no conflict to look at.
    expect((await owner.ok<unknown[]>('team.conflicts')).length).toBe(0);
  });

  it('two people working through one case and one draft while apart keep every tick, item, entry and field', async () => {
    const folder = path.join(tempDataDir('team-folder'), 'shared');
    const owner = await member();
    const shop = await owner.ok<ShopView>('shops.create', taobaoShop('美妆旗舰店'));
    const c = await owner.ok<DepositCaseView>('deposit.create', { shopId: shop.id, amount: 5000 });
    const draft = await owner.ok<{ id: string }>('recovery.create', { kind: 'generic', shopId: shop.id });
    await owner.ok('team.create', { connection: { kind: 'folder', dir: folder }, ownerName: '老板' });
    const admin = await member();
    await join(owner, admin, folder, '管理员小王', { role: 'admin', shops: [] });
    await sync(owner);
    await sync(admin);
    const [first, second, third] = c.items;
    const both = async () => {
      for (let i = 0; i < 2; i++) for (const m of [owner, admin]) await sync(m);
    };

    // Apart: each ticks a different item, adds an item of their own, and fills a different draft field.
    await owner.ok('deposit.updateItem', { id: c.id, itemId: first?.id, done: true, note: '老板已核对' });
    await owner.ok('deposit.addItem', { id: c.id, section: 'materials', text: '老板加的材料' });
    await owner.ok('recovery.update', { id: draft.id, fields: { subject: '店铺找回申请' } });
    await admin.ok('deposit.updateItem', { id: c.id, itemId: second?.id, done: true });
    await admin.ok('deposit.addItem', { id: c.id, section: 'materials', text: '管理员加的材料' });
    await admin.ok('recovery.update', {
      id: draft.id,
      fields: { body: '您好，申请找回。' },
      checks: { 'id-photo': true },
    });
    await both();
    const seen = [
      await owner.ok<DepositCaseView>('deposit.get', { id: c.id }),
      await admin.ok<DepositCaseView>('deposit.get', { id: c.id }),
    ];
    expect(seen[1]).toEqual(seen[0]);
    const merged = seen[0] as DepositCaseView;
    expect(merged.items.find((i) => i.id === first?.id)).toMatchObject({ done: true, note: '老板已核对' });
    expect(merged.items.find((i) => i.id === second?.id)?.done).toBe(true);
    expect(merged.items.map((i) => i.text.zh)).toEqual(
      expect.arrayContaining(['老板加的材料', '管理员加的材料']),
    );
    expect(merged.items).toHaveLength(c.items.length + 2);
    // Both people's four actions are in the timeline, on both computers.
    expect(merged.timeline.length).toBe(c.timeline.length + 4);
    const drafts = [
      await owner.ok<{ fields: Record<string, string>; checks: Record<string, boolean> }>('recovery.get', {
        id: draft.id,
      }),
      await admin.ok<{ fields: Record<string, string>; checks: Record<string, boolean> }>('recovery.get', {
        id: draft.id,
      }),
    ];
    expect(drafts[1]).toEqual(drafts[0]);
    expect(drafts[0]?.fields).toMatchObject({ subject: '店铺找回申请', body: '您好，申请找回。' });
    expect(drafts[0]?.checks).toEqual({ 'id-photo': true });
    // Nothing for a person to look at: no change was lost.
    expect(await owner.ok<ConflictView[]>('team.conflicts')).toEqual([]);
    expect(await admin.ok<ConflictView[]>('team.conflicts')).toEqual([]);

    // An item removed on one computer goes on the other.
    const ownersItem = merged.items.find((i) => i.text.zh === '老板加的材料');
    await admin.ok('deposit.removeItem', { id: c.id, itemId: ownersItem?.id });
    await both();
    const after = await owner.ok<DepositCaseView>('deposit.get', { id: c.id });
    expect(after.items.map((i) => i.id)).not.toContain(ownersItem?.id);
    expect(after.items).toHaveLength(c.items.length + 1);

    // The same item changed by both at once: one note kept, the other in the conflict list.
    await owner.ok('deposit.updateItem', { id: c.id, itemId: third?.id, note: '老板的说明' });
    await admin.ok('deposit.updateItem', { id: c.id, itemId: third?.id, note: '管理员的说明' });
    await both();
    // Each computer lists it once, and both kept the same note.
    const lists = [
      await owner.ok<ConflictView[]>('team.conflicts'),
      await admin.ok<ConflictView[]>('team.conflicts'),
    ];
    for (const list of lists) {
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ field: 'items', record: '美妆旗舰店' });
      const notes = [list[0]?.kept, list[0]?.lost].join(' ');
      expect(notes).toContain('老板的说明');
      expect(notes).toContain('管理员的说明');
    }
    expect(lists[0]?.[0]?.kept).toBe(lists[1]?.[0]?.kept);
    expect((await owner.ok<DepositCaseView>('deposit.get', { id: c.id })).items).toEqual(
      (await admin.ok<DepositCaseView>('deposit.get', { id: c.id })).items,
    );
  });

  it('joining needs an empty vault, and a wrong code changes nothing', async () => {
    const folder = path.join(tempDataDir('team-folder'), 'shared');
    const owner = await member();
    await owner.ok('team.create', { connection: { kind: 'folder', dir: folder }, ownerName: '老板' });
    const busy = await member();
    await busy.ok('shops.create', taobaoShop('自己的店'));
    const inv = await owner.ok<InviteView>('team.invite', { minutes: 30, includeLogin: true });
    expect(
      (
        await busy.refused('team.join', {
          connection: { kind: 'folder', dir: folder },
          code: inv.code,
          name: 'x',
        })
      ).code,
    ).toBe('SYNC_JOIN_NEEDS_EMPTY_VAULT');
    const empty = await member();
    const typo = inv.code.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'));
    expect(
      (
        await empty.refused('team.join', {
          connection: { kind: 'folder', dir: folder },
          code: typo,
          name: 'x',
        })
      ).code,
    ).toBe('SYNC_INVITE_INVALID');
    expect((await empty.ok<TeamStatus>('team.status')).phase).toBe('not-set-up');
    expect(fs.existsSync(path.join(empty.dataDir, 'sync'))).toBe(false);
  });
});
