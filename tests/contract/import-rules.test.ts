// An import is held to the rules of the form: a sub-account row the form would refuse is refused with the
// same rule (a Pinduoduo sub-account needs its own phone, no phone twice in one shop, a phone or e-mail
// given must be valid), the headers sellers really write are recognised, a column nobody reads is named,
// and a browser's CSV names the shop by its name column.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShopView, SubAccountView } from '../../shared/contract/inventory-types.ts';
import type { ImportPreview } from '../../shared/contract/transfer-types.ts';
import { ignoredColumns } from '../../shared/domain/transfer/table-mapping.ts';
import { callers } from '../support/contract-calls.ts';
import { generatedSub } from '../support/payloads.ts';
import { GOOD_PASSWORD, makeTestCore, type TestCore } from '../support/test-core.ts';

let tc: TestCore;
const { ok, refused } = callers(() => tc.core);

beforeEach(async () => {
  tc = makeTestCore();
  await ok('vault.setup', { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD, rememberOnDevice: false });
});
afterEach(async () => {
  await tc.core.shutdown();
  fs.rmSync(tc.dataDir, { recursive: true, force: true });
});

const read = (csv: string, fileName = 'sheet.csv') =>
  ok<ImportPreview>('transfer.readImport', { fileName, contentBase64: Buffer.from(csv).toString('base64') });
const problems = (p: ImportPreview) =>
  p.rows.map((r) => [r.at, r.status, r.problems.map((x) => (x.row ? `${x.code}@${x.row}` : x.code))]);

describe('an import under the rules of the form', () => {
  it('a Pinduoduo sub-account with no phone, the same phone twice in a shop, a bad phone: refused as the form refuses them', async () => {
    const p = await read(
      [
        '店铺名称,平台名称,主账号,子账号,密码,绑定手机',
        '拼多多店,拼多多,pdd-main,,Main-Pass-2026,',
        '拼多多店,拼多多,pdd-main,客服甲,Sub-Pass-2026a,',
        '拼多多店,拼多多,pdd-main,客服乙,Sub-Pass-2026b,13912345678',
        '拼多多店,拼多多,pdd-main,客服丙,Sub-Pass-2026c,139 1234 5678',
        '拼多多店,拼多多,pdd-main,客服丁,Sub-Pass-2026d,12345',
      ].join('\n'),
    );
    expect(p.mapping).toMatchObject({ platform: 1, phone: 5 });
    expect(problems(p)).toEqual([
      [1, 'new', []],
      [2, 'error', ['phone_required']],
      [3, 'new', []],
      [4, 'error', ['phone_in_use@3']],
      [5, 'error', ['phone_invalid']],
    ]);
    // Half valid: nothing is written unless only the valid rows are asked for.
    expect((await refused('transfer.commitImport', { token: p.token, skipInvalid: false })).code).toBe(
      'IMPORT_HAS_ERRORS',
    );
    expect(await ok<ShopView[]>('shops.list', { includeArchived: true })).toEqual([]);
    await ok('transfer.commitImport', { token: p.token, skipInvalid: true });
    const subs = await ok<SubAccountView[]>('subaccounts.list', {});
    expect(subs.map((s) => [s.nickname, s.phoneMasked])).toEqual([['客服乙', '139****5678']]);
  });

  it('a phone already bound in the vault is refused in the file too, and the form refuses the same phone', async () => {
    await (
      await read(
        '店铺名称,平台,主账号,子账号,密码,手机号\n店,拼多多,pdd2,甲,Sub-Pass-2026a,13700000001\n',
      ).then((p) => () => ok('transfer.commitImport', { token: p.token, skipInvalid: false }))
    )();
    const again = await read(
      '店铺名称,平台,主账号,子账号,密码,手机号\n店,拼多多,pdd2,乙,Sub-Pass-2026b,13700000001\n',
    );
    expect(problems(again)).toEqual([[1, 'error', ['phone_in_use']]]);
    const shop = (await ok<ShopView[]>('shops.list', { includeArchived: true }))[0]!;
    const form = await refused('subaccounts.create', {
      ...generatedSub(shop.id, '丙'),
      phone: '13700000001',
    });
    expect(form.code).toBe('PHONE_IN_USE');
  });

  it('a main account with a bad phone or e-mail is refused like the shop form, not saved without them', async () => {
    const p = await read(
      '店铺名称,平台,主账号,密码,手机号码,邮箱\n甲店,淘宝,main-a,Main-Pass-2026,123,\n乙店,淘宝,main-b,Main-Pass-2026,,not-mail\n',
    );
    expect(problems(p)).toEqual([
      [1, 'error', ['phone_invalid']],
      [2, 'error', ['email_invalid']],
    ]);
  });
});

describe('the headers sellers write', () => {
  it('平台名称, 绑定手机, 登录账号, 子账号名称, 主账号密码, 备注信息… are recognised; what is not is named as ignored', async () => {
    const header = [
      '店铺名字',
      '平台名称',
      '登录账号',
      '子账号名称',
      '主账号密码',
      '绑定手机号',
      '备注信息',
      '开店时间',
    ];
    const p = await read(`${header.join(',')}\n店,淘宝,main-h,客服1,Sub-Pass-2026h,13912345678,夜班,2020\n`);
    expect(p.mapping).toEqual({
      shopName: 0,
      platform: 1,
      mainLogin: 2,
      subAccount: 3,
      password: 4,
      phone: 5,
      notes: 6,
    });
    expect(ignoredColumns(header, p.mapping!)).toEqual([7]);
    expect(problems(p)).toEqual([[1, 'new', []]]);
  });
});

describe("a browser's CSV", () => {
  it('Chrome/Edge: the shop is named by the name column, not the login', async () => {
    const p = await read(
      'name,url,username,password,note\n我的拼多多旗舰店,https://mms.pinduoduo.com/login,pdd-chrome,Main-Pass-2026,\n',
      'Chrome Passwords.csv',
    );
    expect(p.source).toBe('chrome-csv');
    expect(p.rows.map((r) => [r.shopName, r.login])).toEqual([['我的拼多多旗舰店', 'pdd-chrome']]);
    await ok('transfer.commitImport', { token: p.token, skipInvalid: false });
    expect((await ok<ShopView[]>('shops.list', { includeArchived: true })).map((s) => s.name)).toEqual([
      '我的拼多多旗舰店',
    ]);
  });
});

describe('the same main account twice', () => {
  it('twice in one file is refused as a duplicate; a second import of it finds it there and adds nothing', async () => {
    const sheet =
      '店铺名称,平台,主账号,密码\n甲店,淘宝,main-twice,Main-Pass-2026\n甲店,淘宝,main-twice,Main-Pass-2026\n';
    const p = await read(sheet);
    expect(problems(p)).toEqual([
      [1, 'new', []],
      [2, 'error', ['duplicate_in_file@1']],
    ]);
    await ok('transfer.commitImport', { token: p.token, skipInvalid: true });
    const again = await read('店铺名称,平台,主账号,密码\n甲店,淘宝,MAIN-TWICE,Main-Pass-2026\n');
    expect(problems(again)).toEqual([[1, 'exists', []]]);
    await ok('transfer.commitImport', { token: again.token, skipInvalid: false });
    expect((await ok<ShopView[]>('shops.list', { includeArchived: true })).map((s) => s.mainLogin)).toEqual([
      'main-twice',
    ]);
  });
});
