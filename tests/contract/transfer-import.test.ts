// Bringing accounts in (issue #11): a seller's sheet with the column mapping and every rule shown in the
// preview; a KeePassXC database; our own .kdbx read back into a new vault identically. All rows or only the
// valid ones, never part of them; a refused commit changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShopView, SubAccountView } from '../../shared/contract/inventory-types.ts';
import type { ImportPreview, ImportResult } from '../../shared/contract/transfer-types.ts';
import { callers } from '../support/contract-calls.ts';
import { keepassxcDatabase } from '../support/keepassxc.ts';
import { taobaoShop, typedSub } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, type TestCore } from '../support/test-core.ts';

let tc: TestCore;
let dir: string;
const { ok, refused } = callers(() => tc.core);

beforeEach(async () => {
  tc = makeTestCore();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-import-'));
  await ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
});
afterEach(async () => {
  await tc.core.shutdown();
  fs.rmSync(tc.dataDir, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

async function xlsxOf(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('账号');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** Every account's login and password, as Bitwarden's export of the vault gives them. */
async function accounts(core = tc): Promise<Array<[string, string]>> {
  const file = await callers(() => core.core).ok<{ contentBase64: string }>('transfer.exportBitwarden', {
    masterPassword: GOOD_PASSWORD,
    plaintextUnderstood: true,
  });
  const data = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as {
    items: Array<{ login?: { username: string; password: string | null } }>;
  };
  // Logins only (a whole-vault export also holds the staff and templates, as notes).
  return data.items
    .flatMap((i) => (i.login ? [[i.login.username, i.login.password ?? ''] as [string, string]] : []))
    .sort();
}

const statusOf = (p: ImportPreview) =>
  p.rows.map((r) => [
    r.at,
    r.kind,
    r.status,
    r.login,
    r.problems.map((x) => (x.row ? `${x.code}@${x.row}` : x.code)),
    r.advice,
  ]);

describe("a seller's sheet", () => {
  it('previews every row under the platform rules; errors block the write until only valid rows are asked for', async () => {
    const old = await ok<ShopView>('shops.create', taobaoShop('老店', { mainLogin: 'laodian' }));
    await ok('subaccounts.create', typedSub(old.id, '老王', 'Old-Pass-1'));
    await ok('staff.create', {
      name: '王小明',
      phone: '13800138001',
      position: '客服',
      notes: '',
      idNumber: '',
    });
    const rows = [
      ['店铺名称', '平台', '主账号', '子账号', '密码', '手机号', '岗位', '员工'],
      ['旗舰店', '淘宝', 'flagship', '', 'Main-Pass-1', '13800138000', '', ''],
      ['旗舰店', '淘宝', 'flagship', '小王', 'Sub "a" 1', '', '售前客服', '王小明'],
      ['旗舰店', '淘宝', 'flagship', '小李', 'x1', '', '', ''],
      ['旗舰店', '淘宝', 'flagship', '小王', 'dup-pass', '', '', ''],
      ['旗舰店', '淘宝', 'flagship', '小赵', 'Zhao-Pass-1', '', '', '王小明'],
      ['京东自营店', 'JD', 'jd_main', '', 'Jd-Main-1', '', '', ''],
      ['京东自营店', 'JD', 'jd_main', 'kefu01', 'Jd-Sub-1', '', '', ''],
      ['老店', '淘宝', 'laodian', '老王', 'whatever', '', '', ''],
      ['某店', 'eBay', 'x', '', 'p', '', '', ''],
      ['旗舰店', '淘宝', 'flagship', '=HYPERLINK("x")', 'Formula-1', '', '', ''],
    ];
    const preview = await ok<ImportPreview>('transfer.readImport', {
      fileName: '账号.xlsx',
      contentBase64: await xlsxOf(rows),
    });
    expect(preview.source).toBe('xlsx');
    expect(preview.mapping).toMatchObject({
      shopName: 0,
      platform: 1,
      mainLogin: 2,
      subAccount: 3,
      password: 4,
    });
    expect(statusOf(preview)).toEqual([
      [1, 'main', 'new', 'flagship', [], []],
      [2, 'sub', 'new', 'flagship:小王', [], ['password_advice']],
      [3, 'sub', 'new', 'flagship:小李', [], ['password_platform']],
      [4, 'sub', 'error', 'flagship:小王', ['duplicate_in_file@2'], ['password_advice']],
      [5, 'sub', 'error', 'flagship:小赵', ['staff_two_accounts@2'], ['password_advice']],
      [6, 'main', 'new', 'jd_main', [], []],
      [7, 'sub', 'new', 'kefu01', [], ['password_advice']],
      [8, 'sub', 'exists', 'laodian:老王', [], []],
      [9, 'main', 'error', 'x', ['no_platform'], []],
      [
        10,
        'sub',
        'error',
        'flagship:=HYPERLINK("x")',
        ['name_bad_chars'],
        ['password_advice', 'formula_like'],
      ],
    ]);
    expect(preview.counts).toEqual({
      rows: 10,
      newShops: 2,
      newSubAccounts: 3,
      exists: 1,
      errors: 4,
      skipped: 0,
      newPeople: 0,
      newTemplates: 0,
    });
    expect(JSON.stringify(preview)).not.toContain('Sub "a" 1');

    const before = await accounts();
    const auditBefore = (await ok<{ total: number }>('audit.list', { offset: 0, limit: 1 })).total;
    const refusal = await refused('transfer.commitImport', { token: preview.token, skipInvalid: false });
    expect(refusal.code).toBe('IMPORT_HAS_ERRORS');
    expect((await ok<{ total: number }>('audit.list', { offset: 0, limit: 1 })).total).toBe(auditBefore);
    expect(await accounts()).toEqual(before);

    const result = await ok<ImportResult>('transfer.commitImport', {
      token: preview.token,
      skipInvalid: true,
    });
    expect(result).toEqual({
      shopsCreated: 2,
      subAccountsCreated: 3,
      rowsLeftOut: 5,
      safetyBackup: expect.stringMatching(/-before-import\.swbackup$/),
    });
    expect(await accounts()).toEqual(
      [
        ...before,
        ['flagship', 'Main-Pass-1'],
        ['flagship:小王', 'Sub "a" 1'],
        ['flagship:小李', 'x1'],
        ['jd_main', 'Jd-Main-1'],
        ['kefu01', 'Jd-Sub-1'],
      ].sort(),
    );
    const subs = await ok<SubAccountView[]>('subaccounts.list', {});
    const wang = subs.find((s) => s.fullName === 'flagship:小王')!;
    expect(wang).toMatchObject({ templateName: '售前客服', staffName: '王小明', shopName: '旗舰店' });
    const shops = await ok<ShopView[]>('shops.list', { includeArchived: true });
    expect(shops.find((s) => s.name === '旗舰店')).toMatchObject({
      platform: 'taobao',
      mainLogin: 'flagship',
      phoneMasked: '138****8000',
    });
    // The file is forgotten once written.
    expect((await refused('transfer.commitImport', { token: preview.token, skipInvalid: true })).code).toBe(
      'IMPORT_EXPIRED',
    );
  });

  it('columns the headers do not name are mapped by the user, and the preview follows the mapping', async () => {
    const csv = 'Store,Plat,Acct,Secret\r\n旗舰店,天猫,tm_main:客服1,Tm-Pass-1\r\n';
    const first = await ok<ImportPreview>('transfer.readImport', {
      fileName: 'x.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    expect(first.source).toBe('csv');
    expect(first.encoding).toBe('UTF-8');
    expect(first.header).toEqual(['Store', 'Plat', 'Acct', 'Secret']);
    expect(first.counts.errors).toBe(1);
    const mapped = await ok<ImportPreview>('transfer.previewImport', {
      token: first.token,
      mapping: { shopName: 0, platform: 1, subAccount: 2, password: 3 },
    });
    expect(statusOf(mapped)).toEqual([[1, 'sub', 'new', 'tm_main:客服1', [], ['password_advice']]]);
    expect(mapped.rows[0]).toMatchObject({ platform: 'tmall', createsShop: true, hasPassword: true });
    await ok('transfer.commitImport', { token: first.token, skipInvalid: false });
    expect(await accounts()).toEqual([
      ['tm_main', ''],
      ['tm_main:客服1', 'Tm-Pass-1'],
    ]);
  });

  it('the template downloads as an .xlsx whose example rows import cleanly', async () => {
    const file = await ok<{ fileName: string; contentBase64: string }>('transfer.importTemplate', {});
    expect(file.fileName).toMatch(/\.xlsx$/);
    const p = await ok<ImportPreview>('transfer.readImport', {
      fileName: file.fileName,
      contentBase64: file.contentBase64,
    });
    expect(p.mapping).toEqual({
      shopName: 0,
      platform: 1,
      mainLogin: 2,
      subAccount: 3,
      password: 4,
      phone: 5,
      email: 6,
      template: 7,
      staff: 8,
      notes: 9,
    });
    expect(statusOf(p)).toEqual([
      [1, 'main', 'new', 'example_shop', [], []],
      [2, 'sub', 'new', 'example_shop:售前小王', [], []],
    ]);
  });

  it('a lock forgets a file read before it (its passwords are in the clear in memory)', async () => {
    const p = await ok<ImportPreview>('transfer.readImport', {
      fileName: 'x.csv',
      contentBase64: Buffer.from('店铺,平台,主账号,密码\n甲店,拼多多,pdd1,Pdd-Pass-1\n').toString('base64'),
    });
    await ok('vault.lock', {});
    await ok('vault.unlock', { password: GOOD_PASSWORD });
    expect((await refused('transfer.commitImport', { token: p.token, skipInvalid: false })).code).toBe(
      'IMPORT_EXPIRED',
    );
    expect(await accounts()).toEqual([]);
  });

  it('a file in a broken encoding or of random bytes is read without harm: rows shown as errors, or refused', async () => {
    const junk = Buffer.from(Array.from({ length: 4000 }, (_, i) => 0x80 + ((i * 7919) % 127)));
    const r = await tc.core.dispatch('transfer.readImport', {
      fileName: 'junk.csv',
      contentBase64: junk.toString('base64'),
    });
    if (r.ok) {
      const p = r.value as ImportPreview;
      expect(p.counts.newShops + p.counts.newSubAccounts).toBe(0);
    } else expect(r.error.code).toBe('IMPORT_WRONG_KIND');
    const broken = Buffer.concat([
      Buffer.from('店铺名称,平台,主账号,密码\n', 'utf8'),
      Buffer.from([0xe5, 0xba, 0x97, 0xff, 0xfe]),
      Buffer.from(',淘宝,x,p\n'),
    ]);
    const b = await ok<ImportPreview>('transfer.readImport', {
      fileName: 'broken.csv',
      contentBase64: broken.toString('base64'),
    });
    expect(b.encoding).toBe('GBK/GB18030');
    expect(b.rows).toHaveLength(1);
    expect(await accounts()).toEqual([]);
  });

  it('a discarded file can no longer be written', async () => {
    const p = await ok<ImportPreview>('transfer.readImport', {
      fileName: 'x.csv',
      contentBase64: Buffer.from('店铺,平台,主账号,密码\n甲店,拼多多,pdd1,Pdd-Pass-1\n').toString('base64'),
    });
    await ok('transfer.discardImport', { token: p.token });
    expect((await refused('transfer.commitImport', { token: p.token, skipInvalid: false })).code).toBe(
      'IMPORT_EXPIRED',
    );
    expect(await accounts()).toEqual([]);
  });
});

describe('password managers', () => {
  it('a KeePassXC database: shop accounts by their URL, everything else listed as skipped', async () => {
    const db = keepassxcDatabase(dir, 'Kx-Pass-2026', [
      {
        group: '淘宝',
        title: '旗舰店',
        user: 'flagship',
        url: 'https://myseller.taobao.com/',
        password: 'Main "pw" <1>',
      },
      {
        group: '淘宝',
        title: '小王',
        user: 'flagship:小王',
        url: 'https://myseller.taobao.com/',
        password: 'Sub,pw;2',
      },
      {
        group: '其他',
        title: 'GitHub',
        user: 'me@example.com',
        url: 'https://github.com/login',
        password: 'not-a-shop',
      },
    ]);
    const contentBase64 = fs.readFileSync(db).toString('base64');
    expect(await ok('transfer.readImport', { fileName: 'mine.kdbx', contentBase64 })).toEqual({
      needsPassword: true,
    });
    expect(
      (await refused('transfer.readImport', { fileName: 'mine.kdbx', contentBase64, password: 'nope' })).code,
    ).toBe('IMPORT_WRONG_PASSWORD');
    const p = await ok<ImportPreview>('transfer.readImport', {
      fileName: 'mine.kdbx',
      contentBase64,
      password: 'Kx-Pass-2026',
    });
    expect(p.source).toBe('keepass-kdbx');
    expect(statusOf(p)).toEqual([
      [1, 'main', 'new', 'flagship', [], []],
      [2, 'sub', 'new', 'flagship:小王', [], ['password_advice']],
      [3, 'skip', 'skipped', '', ['not_shop_account'], []],
    ]);
    await ok('transfer.commitImport', { token: p.token, skipInvalid: false });
    expect(await accounts()).toEqual([
      ['flagship', 'Main "pw" <1>'],
      ['flagship:小王', 'Sub,pw;2'],
    ]);
    expect((await ok<ShopView[]>('shops.list', { includeArchived: true })).map((s) => s.name)).toEqual([
      '旗舰店',
    ]);
  }, 60_000);

  it('our own .kdbx export, imported into a new vault, gives back every account identically', async () => {
    const shop = await ok<ShopView>(
      'shops.create',
      taobaoShop('旗舰店', { mainLogin: 'flagship', mainPassword: 'M "1" <&>', phone: '13800138000' }),
    );
    await ok('subaccounts.create', typedSub(shop.id, '小王', 'Sub\'s "pw" 1'));
    const jd = await ok<ShopView>(
      'shops.create',
      taobaoShop('京东店', { platform: 'jd', mainLogin: 'jd_main' }),
    );
    await ok('subaccounts.create', typedSub(jd.id, 'kefu01', 'Jd-Sub-Pass-1'));
    const original = await accounts();
    const file = await ok<{ contentBase64: string }>('transfer.exportKdbx', {
      masterPassword: GOOD_PASSWORD,
      filePassword: null,
    });

    const other = makeTestCore();
    try {
      const o = callers(() => other.core);
      await o.ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
      const p = await o.ok<ImportPreview>('transfer.readImport', {
        fileName: 'export.kdbx',
        contentBase64: file.contentBase64,
        password: GOOD_PASSWORD,
      });
      expect(p.counts).toMatchObject({ newShops: 2, newSubAccounts: 2, errors: 0, skipped: 0 });
      await o.ok('transfer.commitImport', { token: p.token, skipInvalid: false });
      expect(await accounts(other)).toEqual(original);
      const shops = await o.ok<ShopView[]>('shops.list', { includeArchived: true });
      expect(shops.map((s) => [s.platform, s.name, s.mainLogin, s.phoneMasked]).sort()).toEqual([
        ['jd', '京东店', 'jd_main', null],
        ['taobao', '旗舰店', 'flagship', '138****8000'],
      ]);
    } finally {
      await other.core.shutdown();
      fs.rmSync(other.dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
