// Every header and platform name a seller's sheet is read by, as a fixed table written here (not read from
// the code): each recognised alone, with the spaces, brackets, underscores and case sellers add, and each
// header kept apart from its neighbours (子账号 never taken for 账号, 主账号 never for 账号).
import { describe, expect, it } from 'vitest';
import {
  candidatesFromTable,
  guessMapping,
  ignoredColumns,
  platformOfName,
} from '../../shared/domain/transfer/table-mapping.ts';

const HEADERS: Record<string, string[]> = {
  shopName: [
    '店铺',
    '店铺名称',
    '店铺名',
    '店名',
    '店铺名字',
    '商家名称',
    'shop',
    'shopname',
    'store',
    'storename',
  ],
  platform: ['平台', '平台名称', '平台名', '所属平台', '电商平台', 'platform', 'platformname'],
  mainLogin: [
    '主账号',
    '主账号登录名',
    '主账号名',
    '主账号名称',
    '登录名',
    '登录账号',
    '主账户',
    '店铺账号',
    'mainaccount',
    'mainlogin',
    'login',
  ],
  subAccount: [
    '子账号',
    '子账号名',
    '子账号名称',
    '子账号昵称',
    '客服账号',
    '子账户',
    '账号',
    '昵称',
    'subaccount',
    'account',
    'nickname',
    'username',
  ],
  password: ['密码', '登录密码', '主账号密码', '子账号密码', 'password', 'pwd', 'passwd'],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '绑定手机',
    '绑定手机号',
    '绑定手机号码',
    '联系电话',
    '联系手机',
    '电话',
    'phone',
    'mobile',
    'phonenumber',
    'mobilephone',
    'cellphone',
    'tel',
  ],
  email: ['邮箱', '电子邮箱', '邮箱地址', '绑定邮箱', '邮件', 'email', 'mail', 'emailaddress'],
  template: ['岗位', '角色', '权限模板', '权限角色', '模板', '权限', 'role', 'template', 'position'],
  staff: ['员工', '使用人', '使用员工', '姓名', '员工姓名', '负责人', 'staff', 'person', 'name', 'employee'],
  notes: ['备注', '备注信息', '说明', 'notes', 'note', 'remark', 'remarks', 'memo', 'comment'],
};

const PLATFORM_NAMES: Record<string, string[]> = {
  taobao: ['taobao', '淘宝', 'Taobao', '淘宝网', '淘宝店', 'C店'],
  tmall: ['tmall', '天猫', 'Tmall', '天猫商城', '天猫店', '天猫国际', 'Tmall Global'],
  jd: ['jd', '京东', 'JD', '京东商城', 'jingdong', '京东POP'],
  pinduoduo: ['pinduoduo', '拼多多', 'Pinduoduo', 'PDD', '拼多多商家'],
  douyin: ['douyin', '抖音', '抖音小店', '抖店', 'Douyin Shop', '抖音电商'],
  amazon: ['amazon', 'Amazon', '亚马逊', '亚马逊卖家', 'Amazon Seller'],
};

describe('sheet headers', () => {
  it('each header a seller writes is recognised alone, as written and with spaces, brackets and case', () => {
    for (const [field, names] of Object.entries(HEADERS))
      for (const name of names) {
        expect(guessMapping([name]), name).toEqual({ [field]: 0 });
        const decorated = ` ${name.toUpperCase()}（）_- /:：`;
        expect(guessMapping(['x', decorated]), decorated).toEqual({ [field]: 1 });
      }
  });

  it('a header that is none of them is not guessed, and is named as not imported', () => {
    const header = ['店铺', '序号', '', '子账号', '创建时间'];
    const mapping = guessMapping(header);
    expect(mapping).toEqual({ shopName: 0, subAccount: 3 });
    expect(ignoredColumns(header, mapping)).toEqual([1, 4]);
    expect(ignoredColumns(header, {})).toEqual([0, 1, 3, 4]);
    // A header of spaces only is an empty column, not one to mention.
    expect(ignoredColumns(['店铺', '   '], { shopName: 0 })).toEqual([]);
  });

  it('the first column of a name is taken, a column is taken once', () => {
    expect(guessMapping(['手机', '手机号'])).toEqual({ phone: 0 });
    expect(guessMapping(['账号', '子账号', '主账号'])).toEqual({ subAccount: 0, mainLogin: 2 });
  });
});

describe('platform names', () => {
  it('every platform by its id, its Chinese and English names and what sellers write', () => {
    for (const [id, names] of Object.entries(PLATFORM_NAMES))
      for (const name of names) expect(platformOfName(name), name).toBe(id);
    for (const name of ['', '  ', '淘', 'ebay', '京东到家']) expect(platformOfName(name), name).toBeNull();
  });
});

describe('rows', () => {
  const header = ['平台', '店铺', '主账号', '子账号', '密码', '手机', '邮箱', '岗位', '员工', '备注'];
  const mapping = guessMapping(header);

  it('a row without a sub-account is a shop, one with a sub-account is its sub-account; cells trimmed', () => {
    const rows = candidatesFromTable(
      [
        header,
        ['淘宝', ' 美妆店 ', ' mz ', '', 'Pw 1 ', ' 138 ', ' a@b.c ', ' 售前 ', ' 王 ', ' n '],
        ['拼多多', '', 'pdd-main', 'kefu', 'p2', '', '', '', '', ''],
        ['京东', '', '', 'k2', '', '', '', '', '', ''],
        ['淘宝', '', '', '', '', '', '', '', '', ''],
        ['火星', '店', 'm', '', '', '', '', '', '', ''],
      ],
      mapping,
    );
    expect(rows[0]).toEqual({
      at: 1,
      kind: 'main',
      skip: null,
      platform: 'taobao',
      mainLogin: 'mz',
      shopName: '美妆店',
      nickname: '',
      password: 'Pw 1 ',
      phone: '138',
      email: 'a@b.c',
      notes: ' n ',
      title: '美妆店',
      url: '',
      template: '售前',
      staff: '王',
      problem: null,
    });
    // The shop is named by its main login when the shop column is empty.
    expect(rows[1]).toMatchObject({
      at: 2,
      kind: 'sub',
      shopName: 'pdd-main',
      nickname: 'kefu',
      title: 'kefu',
    });
    expect(rows.slice(2).map((r) => r.problem)).toEqual(['no_shop', 'no_shop', 'no_platform']);
    const mainNoLogin = candidatesFromTable(
      [header, ['淘宝', '店', '', '', '', '', '', '', '', '']],
      mapping,
    );
    expect(mainNoLogin[0]?.problem).toBe('no_login');
  });

  it('a Taobao 主账号:昵称 names its main login; a full-width colon too; the row’s main login wins', () => {
    const rows = candidatesFromTable(
      [
        header,
        ['天猫', '', '', 'tm-main:小美', '', '', '', '', '', ''],
        ['淘宝', '', '', ' tb：小丽 ', '', '', '', '', '', ''],
        ['淘宝', '', 'given', 'other:小王', '', '', '', '', '', ''],
      ],
      mapping,
    );
    expect(rows.map((r) => [r.mainLogin, r.nickname, r.shopName])).toEqual([
      ['tm-main', '小美', 'tm-main'],
      ['tb', '小丽', 'tb'],
      ['given', '小王', 'given'],
    ]);
  });

  it('sub-account cells trimmed; spaces only is no sub-account; a leading colon composes nothing', () => {
    const rows = candidatesFromTable(
      [
        header,
        ['淘宝', '店', 'm', ' kf ', '', '', '', '', '', ''],
        ['淘宝', '店', 'm', '   ', '', '', '', '', '', ''],
        ['淘宝', '', 'given', ':a:b', '', '', '', '', '', ''],
        ['淘宝', '', '', ' tm : 小美 ', '', '', '', '', '', ''],
        ['京东', '京东店', '', 'k', '', '', '', '', '', ''],
      ],
      mapping,
    );
    expect(rows.map((r) => [r.kind, r.mainLogin, r.nickname, r.shopName, r.problem])).toEqual([
      ['sub', 'm', 'kf', '店', null],
      ['main', 'm', '', '店', null],
      ['sub', 'given', ':a:b', 'given', null],
      ['sub', 'tm', '小美', 'tm', null],
      // A sub-account row names its shop; it needs no main login of its own.
      ['sub', '', 'k', '京东店', null],
    ]);
  });

  it('a column not in the mapping reads as empty, a short row too', () => {
    const rows = candidatesFromTable([['平台', '主账号'], ['抖店'], ['抖店', 'dy']], {
      platform: 0,
      mainLogin: 1,
    });
    expect(rows.map((r) => [r.platform, r.mainLogin, r.password, r.problem])).toEqual([
      ['douyin', '', '', 'no_shop'],
      ['douyin', 'dy', '', null],
    ]);
  });
});
