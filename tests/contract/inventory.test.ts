// Shops, templates, sub-accounts and staff through the contract, including every refusal.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listZip, readZipEntry } from '../../electron/core/inventory/zip-guard.ts';
import type { WireError } from '../../shared/contract/errors.ts';
import type {
  ImportPreview,
  PersonView,
  ShopView,
  SubAccountView,
  TemplateView,
} from '../../shared/contract/inventory-types.ts';
import { GOOD_PASSWORD } from '../support/test-core.ts';
import { zipOf } from '../support/zip-of.ts';
import { type ContractClient, directClient } from './clients.ts';

let c: ContractClient;
beforeEach(async () => {
  c = await directClient();
  await c.call('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
});
afterEach(async () => {
  await c.close();
  fs.rmSync(c.tc.dataDir, { recursive: true, force: true });
});

async function ok<T>(method: string, payload: unknown): Promise<T> {
  const r = await c.call(method, payload);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
async function refused(method: string, payload: unknown): Promise<WireError> {
  const r = await c.call(method, payload);
  if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
  return r.error;
}

const shopInput = (over: Record<string, unknown> = {}) => ({
  platform: 'taobao',
  name: '旗舰店',
  platformShopId: '100200300',
  entityType: 'enterprise',
  mainLogin: '旗舰店',
  phone: '138 0013 8000',
  email: 'Boss@Example.com',
  depositAmount: 1000,
  notes: '',
  crossBorder: false,
  mainPassword: 'Main-Pass-123',
  ...over,
});
const subInput = (shopId: string, over: Record<string, unknown> = {}) => ({
  shopId,
  nickname: '小王',
  password: 'Sub-Pass-123',
  confirm: 'Sub-Pass-123',
  generate: false,
  templateId: null,
  permissions: [],
  nativeRole: null,
  staffId: null,
  phone: '',
  confirmHighRisk: false,
  ...over,
});
const person = (over: Record<string, unknown> = {}) => ({
  name: '王小明',
  phone: '13900139000',
  position: '客服',
  notes: '',
  idNumber: '',
  ...over,
});

describe('shops', () => {
  it('validates contact fields, masks them in lists and reveals them only on request', async () => {
    expect((await refused('shops.create', shopInput({ phone: '12345', email: 'nope' }))).fields).toEqual({
      phone: 'invalid_mobile',
      email: 'invalid_email',
    });
    const shop = await ok<ShopView>('shops.create', shopInput());
    expect(shop).toMatchObject({
      phoneMasked: '138****8000',
      emailMasked: 'b***@example.com',
      subAccountCount: 0,
    });
    expect(JSON.stringify(await ok('shops.list', { includeArchived: false }))).not.toContain('13800138000');
    const ref = (field: string) => ({ ref: { collection: `shop-${shop.id}`, recordId: shop.id, field } });
    expect(await ok('secrets.reveal', ref('phone'))).toMatchObject({ value: '13800138000' });
    expect(await ok('secrets.reveal', ref('mainPassword'))).toMatchObject({ value: 'Main-Pass-123' });
    await ok('secrets.copy', ref('mainPassword'));
    expect(c.tc.clipboard.text).toBe('Main-Pass-123');
  });

  it('edits, archives (refusing new sub-accounts) and opens the seller center through the allow-listed opener', async () => {
    const shop = await ok<ShopView>('shops.create', shopInput());
    expect(
      await ok('shops.update', { id: shop.id, name: '旗舰店二号', depositAmount: 2000.456 }),
    ).toMatchObject({ name: '旗舰店二号', depositAmount: 2000.46 });
    await ok('shops.setArchived', { id: shop.id, archived: true });
    expect(await ok('shops.list', { includeArchived: false })).toEqual([]);
    expect((await refused('subaccounts.create', subInput(shop.id))).code).toBe('SHOP_ARCHIVED');
    expect(await ok('shops.openSellerCenter', { id: shop.id })).toEqual({
      url: 'https://myseller.taobao.com/',
    });
    expect(c.tc.opener.opened).toEqual(['https://myseller.taobao.com/']);
  });
});

describe('sub-accounts', () => {
  it('creates from a template; a taken name is refused with a free suggestion; the platform password policy applies', async () => {
    const shop = await ok<ShopView>('shops.create', shopInput());
    const sub = await ok<SubAccountView>(
      'subaccounts.create',
      subInput(shop.id, { templateId: 'builtin-taobao-presales' }),
    );
    expect(sub).toMatchObject({
      fullName: '旗舰店:小王',
      templateName: '售前客服',
      sync: 'pending',
      verification: 'pending',
    });
    expect(sub.permissions).toEqual(['cs.chat', 'item.view', 'trade.view']);
    const taken = await refused('subaccounts.create', subInput(shop.id));
    expect(taken).toMatchObject({
      code: 'NAME_TAKEN',
      fields: { nickname: 'name_taken' },
      details: { suggestion: '小王2' },
    });
    expect(
      (
        await refused(
          'subaccounts.create',
          subInput(shop.id, { nickname: '小李', password: '12345', confirm: '1234' }),
        )
      ).fields,
    ).toEqual({
      password: 'password_too_short_platform',
      confirm: 'password_mismatch',
    });
    const generated = await ok<SubAccountView>(
      'subaccounts.create',
      subInput(shop.id, { nickname: '小李', password: undefined, confirm: undefined, generate: true }),
    );
    const pw = await ok<{ value: string }>('secrets.reveal', {
      ref: { collection: `shop-${shop.id}`, recordId: generated.id, field: 'password' },
    });
    expect(pw.value).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{16}$/);
  });

  it('a high-risk permission needs confirmation and is logged', async () => {
    const shop = await ok<ShopView>('shops.create', shopInput());
    const sub = await ok<SubAccountView>(
      'subaccounts.create',
      subInput(shop.id, { templateId: 'builtin-taobao-presales' }),
    );
    const choice = {
      id: sub.id,
      templateId: null,
      permissions: [...sub.permissions, 'refund.handle'],
      nativeRole: null,
    };
    const r = await refused('subaccounts.configure', { ...choice, confirmHighRisk: false });
    expect(r).toMatchObject({
      code: 'HIGH_RISK_CONFIRMATION_REQUIRED',
      details: { permissions: 'refund.handle' },
    });
    expect((await ok<SubAccountView[]>('subaccounts.list', {}))[0]?.permissions).not.toContain(
      'refund.handle',
    );
    const after = await ok<SubAccountView>('subaccounts.configure', { ...choice, confirmHighRisk: true });
    expect(after).toMatchObject({ templateId: null, templateName: null });
    const audit = await ok<{ entries: Array<{ action: string; summary: string }> }>('audit.list', {
      offset: 0,
      limit: 5,
    });
    expect(audit.entries.find((e) => e.action === 'subaccount.highRiskGranted')?.summary).toContain(
      'refund.handle',
    );
  });

  it('password change refuses a mismatch and the current password; rename only where allowed; delete is audited', async () => {
    const shop = await ok<ShopView>('shops.create', shopInput());
    const sub = await ok<SubAccountView>('subaccounts.create', subInput(shop.id));
    expect(
      (
        await refused('subaccounts.changePassword', {
          id: sub.id,
          password: 'Sub-Pass-123',
          confirm: 'Sub-Pass-123',
          generate: false,
        })
      ).fields,
    ).toEqual({
      password: 'password_unchanged',
    });
    expect(
      (
        await refused('subaccounts.changePassword', {
          id: sub.id,
          password: 'New-Pass-1',
          confirm: 'New-Pass-2',
          generate: false,
        })
      ).fields,
    ).toEqual({
      confirm: 'password_mismatch',
    });
    await ok('subaccounts.changePassword', {
      id: sub.id,
      password: 'New-Pass-1',
      confirm: 'New-Pass-1',
      generate: false,
    });
    expect(
      await ok('secrets.reveal', {
        ref: { collection: `shop-${shop.id}`, recordId: sub.id, field: 'password' },
      }),
    ).toMatchObject({ value: 'New-Pass-1' });
    expect((await refused('subaccounts.rename', { id: sub.id, nickname: '小张' })).code).toBe(
      'NAME_IMMUTABLE',
    );

    const jd = await ok<ShopView>(
      'shops.create',
      shopInput({ platform: 'jd', name: '京东店', mainLogin: 'jdshop' }),
    );
    const jsub = await ok<SubAccountView>('subaccounts.create', subInput(jd.id, { nickname: 'agent01' }));
    expect(await ok('subaccounts.rename', { id: jsub.id, nickname: 'agent02' })).toMatchObject({
      fullName: 'agent02',
    });

    expect(await ok('subaccounts.delete', { ids: [sub.id, jsub.id] })).toEqual({ deleted: 2 });
    expect(await ok('subaccounts.list', {})).toEqual([]);
    const audit = await ok<{ entries: Array<{ action: string }> }>('audit.list', { offset: 0, limit: 2 });
    expect(audit.entries.map((e) => e.action)).toEqual(['subaccount.deleted', 'subaccount.deleted']);
  });

  it('sync: new is 待在平台操作 with the full checklist; confirmed is 已在平台完成; a change lists only the difference', async () => {
    const shop = await ok<ShopView>(
      'shops.create',
      shopInput({ platform: 'pinduoduo', name: '拼多多店', mainLogin: 'pdd' }),
    );
    const sub = await ok<SubAccountView>(
      'subaccounts.create',
      subInput(shop.id, { templateId: 'builtin-pinduoduo-presales', phone: '13700137000' }),
    );
    const first = await ok<{ steps: Array<{ text: { zh: string } }>; sync: string }>(
      'subaccounts.getChecklist',
      { id: sub.id },
    );
    expect(first.sync).toBe('pending');
    expect(first.steps.map((s) => s.text.zh).join('\n')).toContain('选择角色「客服」');
    expect(await ok('subaccounts.markSynced', { id: sub.id })).toMatchObject({ sync: 'synced' });
    await ok('subaccounts.configure', {
      id: sub.id,
      templateId: 'builtin-pinduoduo-aftersales',
      permissions: [],
      nativeRole: null,
      confirmHighRisk: true,
    });
    const diff = await ok<{ steps: Array<{ text: { zh: string } }>; sync: string }>(
      'subaccounts.getChecklist',
      { id: sub.id },
    );
    expect(diff.sync).toBe('pending');
    const text = diff.steps.map((s) => s.text.zh).join('\n');
    expect(text).toContain('勾选：售后处理（退款）');
    expect(text).not.toContain('客服接待');
  });

  it('Pinduoduo: one phone per sub-account; JD: order export to at most 3 sub-accounts', async () => {
    const pdd = await ok<ShopView>(
      'shops.create',
      shopInput({ platform: 'pinduoduo', name: '拼多多店', mainLogin: 'pdd' }),
    );
    expect((await refused('subaccounts.create', subInput(pdd.id, { phone: '' }))).fields).toEqual({
      phone: 'required',
    });
    await ok('subaccounts.create', subInput(pdd.id, { phone: '13700137000' }));
    expect(
      await refused('subaccounts.create', subInput(pdd.id, { nickname: '小李', phone: '+86 137-0013-7000' })),
    ).toMatchObject({
      code: 'PHONE_IN_USE',
      details: { subAccount: '小王' },
    });
    const jd = await ok<ShopView>(
      'shops.create',
      shopInput({ platform: 'jd', name: '京东店', mainLogin: 'jdshop' }),
    );
    for (let i = 1; i <= 3; i++) {
      await ok(
        'subaccounts.create',
        subInput(jd.id, { nickname: `agent${i}`, permissions: ['order.export'], confirmHighRisk: true }),
      );
    }
    expect(
      await refused(
        'subaccounts.create',
        subInput(jd.id, { nickname: 'agent4', permissions: ['order.export'], confirmHighRisk: true }),
      ),
    ).toMatchObject({
      code: 'HOLDER_LIMIT_REACHED',
      details: { permission: 'order.export', limit: 3 },
    });
  });

  it('bulk disable, bulk template change (all or nothing across platforms)', async () => {
    const tb = await ok<ShopView>('shops.create', shopInput());
    const jd = await ok<ShopView>(
      'shops.create',
      shopInput({ platform: 'jd', name: '京东店', mainLogin: 'jdshop' }),
    );
    const a = await ok<SubAccountView>('subaccounts.create', subInput(tb.id, { nickname: 'a' }));
    const b = await ok<SubAccountView>('subaccounts.create', subInput(tb.id, { nickname: 'b' }));
    const j = await ok<SubAccountView>('subaccounts.create', subInput(jd.id, { nickname: 'jagent' }));
    expect(await ok('subaccounts.setStatus', { ids: [a.id, b.id, j.id], status: 'disabled' })).toEqual({
      changed: 3,
    });
    expect(
      await refused('subaccounts.bulkSetTemplate', {
        ids: [a.id, j.id],
        templateId: 'builtin-taobao-warehouse',
        confirmHighRisk: false,
      }),
    ).toMatchObject({
      code: 'PLATFORM_MISMATCH',
    });
    expect(
      (await ok<SubAccountView[]>('subaccounts.list', { shopId: tb.id })).every((s) => s.templateId === null),
    ).toBe(true);
    expect(
      await ok('subaccounts.bulkSetTemplate', {
        ids: [a.id, b.id],
        templateId: 'builtin-taobao-warehouse',
        confirmHighRisk: false,
      }),
    ).toEqual({ changed: 2 });
  });
});

describe('staff registry', () => {
  it('one person, one sub-account per shop (any number of shops); leaving unbinds and keeps permissions', async () => {
    const p = await ok<PersonView>('staff.create', person());
    expect(p.phoneMasked).toBe('139****9000');
    const s1 = await ok<ShopView>('shops.create', shopInput());
    const s2 = await ok<ShopView>('shops.create', shopInput({ name: '二店', mainLogin: '二店' }));
    const a = await ok<SubAccountView>(
      'subaccounts.create',
      subInput(s1.id, { staffId: p.id, templateId: 'builtin-taobao-presales' }),
    );
    expect(a.staffName).toBe('王小明');
    const second = await refused('subaccounts.create', subInput(s1.id, { nickname: '小李', staffId: p.id }));
    expect(second).toMatchObject({
      code: 'STAFF_ALREADY_BOUND',
      details: { subAccount: '旗舰店:小王', person: '王小明' },
    });
    await ok('subaccounts.create', subInput(s2.id, { staffId: p.id }));
    const left = await ok<{ unbound: number }>('staff.setStatus', { id: p.id, status: 'left' });
    expect(left.unbound).toBe(2);
    const subs = await ok<SubAccountView[]>('subaccounts.list', {});
    expect(subs.every((s) => s.staffId === null)).toBe(true);
    expect(subs.find((s) => s.id === a.id)?.permissions).toEqual(['cs.chat', 'item.view', 'trade.view']);
    expect((await refused('subaccounts.bindStaff', { id: a.id, staffId: p.id })).code).toBe('STAFF_LEFT');
  });

  it('an ID number is validated and kept only as a keyed hash and its last 4; a duplicate is refused', async () => {
    expect((await refused('staff.create', person({ idNumber: '110105194912310021' }))).fields).toEqual({
      idNumber: 'invalid_id_number',
    });
    expect((await refused('staff.create', person({ phone: '2345' }))).fields).toEqual({
      phone: 'invalid_mobile',
    });
    const p = await ok<PersonView>('staff.create', person({ idNumber: '11010519491231002x' }));
    expect(p.idLast4).toBe('002X');
    expect(
      (await refused('staff.create', person({ name: '别人', idNumber: '11010519491231002X' }))).code,
    ).toBe('ID_ALREADY_REGISTERED');
    await c.close();
    for (const f of fs.readdirSync(c.tc.dataDir, { recursive: true }) as string[]) {
      const p2 = `${c.tc.dataDir}/${f}`;
      if (fs.statSync(p2).isFile()) expect(fs.readFileSync(p2, 'utf8')).not.toContain('11010519491231');
    }
    c = await directClient();
    await c.call('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
  });

  it('imports a GBK CSV: preview lists bad rows, nothing is written until commit, then valid rows at once', async () => {
    const csv = [
      '姓名,手机号,岗位,身份证号',
      '张三,13800000001,售前客服,',
      '李四,12345,售后客服,',
      '王五,13800000003,仓库,11010519491231002X',
      '张三三,13800000001,客服,',
    ].join('\r\n');
    const bytes = iconv.encode(csv, 'gbk');
    const preview = await ok<ImportPreview>('staff.previewImport', {
      fileName: '员工.csv',
      contentBase64: bytes.toString('base64'),
    });
    expect(preview.encoding).toBe('GBK/GB18030');
    expect(preview.rows.map((r) => [r.row, r.name, r.errors])).toEqual([
      [2, '张三', []],
      [3, '李四', ['phone:invalid_mobile']],
      [4, '王五', []],
      [5, '张三三', ['phone:duplicate_in_file:2']],
    ]);
    // The typed value of each bad cell comes with the row.
    expect(preview.rows.map((r) => r.typed)).toEqual([{}, { phone: '12345' }, {}, { phone: '13800000001' }]);
    expect(await ok('staff.list', {})).toEqual([]);
    expect((await refused('staff.commitImport', { token: preview.token, skipInvalid: false })).code).toBe(
      'IMPORT_HAS_ERRORS',
    );
    expect(await ok('staff.list', {})).toEqual([]);
    expect(await ok('staff.commitImport', { token: preview.token, skipInvalid: true })).toEqual({
      imported: 2,
      skipped: 2,
      safetyBackup: expect.stringMatching(/before-import\.swbackup$/),
    });
    expect((await ok<PersonView[]>('staff.list', {})).map((p) => p.name)).toEqual(['张三', '王五']);
    expect((await refused('staff.commitImport', { token: preview.token, skipInvalid: true })).code).toBe(
      'IMPORT_EXPIRED',
    );
  });
});

describe('templates', () => {
  it('lists built-ins with risk, clones one, edits it (users follow, high risk confirmed) and deletes it with reassignment', async () => {
    const list = await ok<TemplateView[]>('templates.list', { platform: 'taobao' });
    expect(list.filter((t) => t.builtin)).toHaveLength(8);
    expect(list.find((t) => t.id === 'builtin-taobao-finance')).toMatchObject({
      risk: 'high',
      highRiskCount: 1,
    });
    const base = list.find((t) => t.id === 'builtin-taobao-presales')!;
    const custom = await ok<TemplateView>('templates.create', {
      platform: 'taobao',
      name: '夜班客服',
      permissions: base.permissions,
      nativeRole: null,
      basedOn: base.id,
    });
    expect((await refused('templates.update', { id: base.id, name: 'x', confirmHighRisk: false })).code).toBe(
      'BUILTIN_READ_ONLY',
    );
    const shop = await ok<ShopView>('shops.create', shopInput());
    const sub = await ok<SubAccountView>('subaccounts.create', subInput(shop.id, { templateId: custom.id }));
    await ok('subaccounts.markSynced', { id: sub.id });
    expect(
      (
        await refused('templates.update', {
          id: custom.id,
          permissions: [...base.permissions, 'data.export'],
          confirmHighRisk: false,
        })
      ).code,
    ).toBe('HIGH_RISK_CONFIRMATION_REQUIRED');
    await ok('templates.update', {
      id: custom.id,
      permissions: [...base.permissions, 'data.report'],
      confirmHighRisk: false,
    });
    expect((await ok<SubAccountView[]>('subaccounts.list', {}))[0]).toMatchObject({
      sync: 'pending',
      permissions: ['cs.chat', 'data.report', 'item.view', 'trade.view'],
    });
    expect(await ok('templates.delete', { id: custom.id, reassignTo: 'builtin-taobao-aftersales' })).toEqual({
      reassigned: 1,
    });
    expect((await ok<SubAccountView[]>('subaccounts.list', {}))[0]).toMatchObject({
      templateId: 'builtin-taobao-aftersales',
      templateName: '售后客服',
    });
    expect(
      (await refused('templates.delete', { id: 'builtin-taobao-presales', reassignTo: null })).code,
    ).toBe('BUILTIN_READ_ONLY');
  });
});

describe('export', () => {
  it('writes an .xlsx whose cells are exactly the stored values and never formulas; passwords only after the master password (defect 9)', async () => {
    const shop = await ok<ShopView>(
      'shops.create',
      shopInput({ name: '=HYPERLINK("http://evil")', mainLogin: '+main' }),
    );
    // A user-typed password that starts like a formula, and an id that may start with '-'.
    const sub = await ok<SubAccountView>(
      'subaccounts.create',
      subInput(shop.id, {
        templateId: 'builtin-taobao-presales',
        password: '=Sub-Pass-123',
        confirm: '=Sub-Pass-123',
      }),
    );
    const file = await ok<{ fileName: string; contentBase64: string }>('subaccounts.export', {
      format: 'xlsx',
      includeSecrets: false,
    });
    expect(file.fileName).toMatch(/^子账号-\d{12}\.xlsx$/);
    const bytes = Buffer.from(file.contentBase64, 'base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toContain('子账号');
    expect(ws.getRow(1).values).not.toContain('密码');
    expect(ws.getCell('A2').value).toBe('=HYPERLINK("http://evil")');
    expect(ws.getCell('C2').value).toBe('+main:小王');
    // Internal record ids are not exported.
    expect(JSON.stringify(ws.getSheetValues())).not.toContain(sub.id);
    expect(ws.getColumn(3).numFmt).toBe('@');
    // No cell is a formula: the sheet holds string cells only, no <f> element anywhere.
    const sheets = listZip(bytes).filter((e) => e.name.startsWith('xl/worksheets/'));
    for (const e of sheets) expect(readZipEntry(bytes, e).toString('utf8')).not.toMatch(/<f[ >]/);
    expect(
      (await refused('subaccounts.export', { format: 'xlsx', includeSecrets: true, masterPassword: 'wrong' }))
        .code,
    ).toBe('WRONG_PASSWORD');
    const withPw = await ok<{ contentBase64: string }>('subaccounts.export', {
      format: 'xlsx',
      includeSecrets: true,
      masterPassword: GOOD_PASSWORD,
    });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(withPw.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.getCell('K2').value).toBe('=Sub-Pass-123');
    // CSV would have to alter that password to keep Excel from running it: refused, nothing exported.
    const unsafe = await refused('subaccounts.export', {
      format: 'csv',
      includeSecrets: true,
      masterPassword: GOOD_PASSWORD,
    });
    expect(unsafe.code).toBe('EXPORT_CSV_UNSAFE_SECRET');
    expect(unsafe.details).toMatchObject({ count: 1 });
    await ok('subaccounts.changePassword', {
      id: sub.id,
      password: 'Sub-Pass-456',
      confirm: 'Sub-Pass-456',
      generate: false,
    });
    const csvFile = await ok<{ contentBase64: string }>('subaccounts.export', {
      format: 'csv',
      includeSecrets: true,
      masterPassword: GOOD_PASSWORD,
    });
    const csv = Buffer.from(csvFile.contentBase64, 'base64');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(',Sub-Pass-456');
    // Non-secret text that looks like a formula is shown as text in a CSV (the dialog says so).
    expect(csv.toString('utf8')).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('refuses a zip bomb posing as .xlsx before any parser inflates it, and changes nothing (defect 12)', async () => {
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x41) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const r = await refused('staff.previewImport', {
      fileName: 'staff.xlsx',
      contentBase64: bomb.toString('base64'),
    });
    expect(r.code).toBe('FILE_ARCHIVE_REFUSED');
    expect(r.details).toMatchObject({ reason: 'compression-ratio' });
    // A bomb whose headers lie about its size is caught when inflating stops at the declared size.
    const liar = zipOf([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4 * 1024 * 1024, 0x41), claim: 1000 },
    ]);
    const r2 = await refused('staff.previewImport', {
      fileName: 'staff.xlsx',
      contentBase64: liar.toString('base64'),
    });
    expect(r2.code).toBe('FILE_ARCHIVE_REFUSED');
    expect(r2.details).toMatchObject({ reason: 'size-mismatch' });
    const many = zipOf(Array.from({ length: 5001 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })));
    expect(
      (await refused('staff.previewImport', { fileName: 's.xlsx', contentBase64: many.toString('base64') }))
        .details,
    ).toMatchObject({ reason: 'too-many-entries' });
    expect(await ok('staff.list', {})).toEqual([]);
  });
});

describe('inventory file damaged behind our back', () => {
  it('a journal entry whose ciphertext fails GCM is found after the unlock reply, moved aside and announced; the shop falls back to its snapshot', async () => {
    const shop = await ok<ShopView>('shops.create', shopInput());
    const a = await ok<SubAccountView>('subaccounts.create', subInput(shop.id, { nickname: 'a' }));
    await c.close();

    // Forge a's sealed password in its journal line (line hash recomputed, GCM tag broken).
    const { createHash } = await import('node:crypto');
    const file = `${c.tc.dataDir}/shops/${shop.id}.journal`;
    const [header, change] = fs.readFileSync(file, 'utf8').trim().split('\n');
    const line = JSON.parse(change!);
    const sealed: string = line.e.v.secrets.password;
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 0xff;
    line.e.v.secrets.password = `v1.${raw.toString('base64url')}`;
    const json = JSON.stringify(line.e);
    fs.writeFileSync(
      file,
      `${header}\n{"h":"${createHash('sha256').update(json).digest('hex').slice(0, 32)}","e":${json}}\n`,
    );

    const { makeTestCore } = await import('../support/test-core.ts');
    const tc = makeTestCore({ dataDir: c.tc.dataDir });
    c = { tc, call: (m, p) => tc.core.dispatch(m, p), close: () => tc.core.shutdown() };
    // Structurally fine, so nothing is reported at start; the key is needed to see the forgery.
    expect(await ok('storage.getRecoveryReport', {})).toEqual([]);
    const announced: unknown[] = [];
    tc.core.bus.subscribe((name, payload) => {
      if (name === 'storage.recovered') announced.push(payload);
    });
    expect((await tc.rawDispatch('vault.unlock', { password: GOOD_PASSWORD })).ok).toBe(true);
    // The unlock reply does not wait for the check of every sealed field: nothing is known yet...
    expect(await tc.rawDispatch('storage.getRecoveryReport', {})).toMatchObject({ ok: true, value: [] });
    await tc.core.whenAuthenticated();
    // ...the check runs after it, in the background, and announces what it found.
    expect(announced).toEqual([{ events: [expect.objectContaining({ problem: 'authentication' })] }]);
    // Once unlocked, the entry fails authentication: dropped and reported.
    const report = await ok<Array<{ file: string; problem: string; movedTo: string }>>(
      'storage.getRecoveryReport',
      {},
    );
    expect(report[0]).toMatchObject({
      file: `shops/${shop.id}.journal`,
      problem: 'authentication',
      lost: ['a'],
    });
    expect(fs.existsSync(`${c.tc.dataDir}/${report[0]!.movedTo}`)).toBe(true);
    expect(await ok('subaccounts.list', {})).toEqual([]);
    expect(
      (
        await refused('secrets.reveal', {
          ref: { collection: `shop-${shop.id}`, recordId: a.id, field: 'password' },
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      await ok('secrets.reveal', {
        ref: { collection: `shop-${shop.id}`, recordId: shop.id, field: 'mainPassword' },
      }),
    ).toMatchObject({
      value: 'Main-Pass-123',
    });
    // Still writable: the next change starts a fresh journal.
    await ok('subaccounts.create', subInput(shop.id, { nickname: 'a2' }));
    expect((await ok<SubAccountView[]>('subaccounts.list', {})).map((s) => s.nickname)).toEqual(['a2']);
  });
});
