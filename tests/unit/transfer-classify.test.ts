// What an imported login or sheet row is to us (issue #11): decided before anything is written, so the
// preview can show it.
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../shared/domain/platforms/catalog.ts';
import { classify, platformOfUrl } from '../../shared/domain/transfer/classify.ts';
import { blankCredential } from '../../shared/domain/transfer/credential.ts';
import {
  candidatesFromTable,
  guessMapping,
  platformOfName,
} from '../../shared/domain/transfer/table-mapping.ts';

const cred = (at: number, over: Partial<ReturnType<typeof blankCredential>>) => ({
  ...blankCredential(at),
  ...over,
});

describe('platform of a URL', () => {
  it('knows every platform by its seller center, login hosts and their subdomains', () => {
    for (const spec of Object.values(PLATFORMS)) {
      expect(platformOfUrl(spec.sellerCenterUrl)).toBe(spec.id);
      for (const host of spec.loginHosts) {
        expect(platformOfUrl(`https://${host}/login?x=1`)).toBe(spec.id);
        expect(platformOfUrl(host)).toBe(spec.id);
        expect(platformOfUrl(`https://a.${host}`)).toBe(spec.id);
      }
    }
  });
  it('is nobody for other sites, look-alikes and junk', () => {
    for (const url of [
      'https://github.com/login',
      'https://www.taobao.com/',
      'https://myseller.taobao.com.evil.cn/',
      'https://evilmyseller.taobao.com/',
      'not a url at all',
      '',
      'javascript:alert(1)',
    ])
      expect(platformOfUrl(url)).toBeNull();
  });
});

describe('classify', () => {
  it('a Taobao 主账号:昵称 login is a sub-account of the shop with that main login; the main names the shop', () => {
    const out = classify(
      [
        cred(1, {
          title: '旗舰店',
          url: 'https://myseller.taobao.com/',
          userName: 'flagship',
          password: 'm',
        }),
        cred(2, {
          title: '小王',
          url: 'https://myseller.taobao.com/',
          userName: 'flagship:小王',
          password: 'a',
        }),
        cred(3, { title: 'x', url: 'login.taobao.com', userName: 'flagship：小李', password: 'b' }),
        cred(4, { url: 'https://myseller.taobao.com/', userName: 'other:客服1', password: 'c' }),
        cred(5, { title: 'GitHub', url: 'https://github.com/', userName: 'me', password: 'd' }),
        cred(6, { title: '京东店', url: 'https://shop.jd.com/', userName: '', password: 'e' }),
        cred(7, {
          title: 'https://shop.jd.com',
          url: 'https://shop.jd.com/',
          userName: 'jd_boss',
          password: 'f',
        }),
      ],
      [{ platform: 'taobao', name: '老店', mainLogin: 'OTHER' }],
    );
    expect(out.map((c) => [c.at, c.kind, c.skip, c.platform, c.shopName, c.mainLogin, c.nickname])).toEqual([
      [1, 'main', null, 'taobao', '旗舰店', 'flagship', ''],
      [2, 'sub', null, 'taobao', '旗舰店', 'flagship', '小王'],
      [3, 'sub', null, 'taobao', '旗舰店', 'flagship', '小李'],
      [4, 'sub', null, 'taobao', '老店', 'other', '客服1'],
      [5, 'skip', 'not_shop_account', null, '', '', ''],
      [6, 'skip', 'no_login', 'jd', '', '', ''],
      [7, 'main', null, 'jd', 'jd_boss', 'jd_boss', ''],
    ]);
    // Passwords pass through untouched.
    expect(out.map((c) => c.password)).toEqual(['m', 'a', 'b', 'c', 'd', 'e', 'f']);
  });
  it('a colon means nothing on platforms whose sub-account names are not composed', () => {
    const [c] = classify(
      [cred(1, { url: 'https://mms.pinduoduo.com/', userName: 'shop:客服', title: '拼多多店' })],
      [],
    );
    expect(c).toMatchObject({
      kind: 'main',
      platform: 'pinduoduo',
      mainLogin: 'shop:客服',
      shopName: '拼多多店',
    });
  });
});

describe("a seller's own sheet", () => {
  it('recognises the usual Chinese and English headers, and never takes 子账号 or 主账号 for 账号', () => {
    expect(
      guessMapping([
        '店铺名称',
        '平台',
        '主账号',
        '子账号',
        '密码',
        '手机号',
        '邮箱',
        '岗位',
        '使用人',
        '备注',
      ]),
    ).toEqual({
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
    expect(
      guessMapping([
        'Shop Name',
        'Platform',
        'Main login',
        'Sub-account',
        'Password',
        'Mobile',
        'E-mail',
        'Role',
        'Staff',
        'Remark',
      ]),
    ).toEqual({
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
    expect(guessMapping(['店铺', '账号', '密码', '颜色'])).toEqual({
      shopName: 0,
      subAccount: 1,
      password: 2,
    });
  });

  it('platform names in either language', () => {
    for (const [name, id] of [
      ['淘宝', 'taobao'],
      ['Taobao', 'taobao'],
      ['天猫', 'tmall'],
      ['京东', 'jd'],
      ['JD', 'jd'],
      ['拼多多', 'pinduoduo'],
      ['PDD', 'pinduoduo'],
      ['抖店', 'douyin'],
      ['抖音小店', 'douyin'],
      ['Amazon', 'amazon'],
      ['亚马逊', 'amazon'],
    ] as const)
      expect(platformOfName(name)).toBe(id);
    expect(platformOfName('ebay')).toBeNull();
  });

  it('rows with a sub-account are sub-accounts of the row’s shop; rows without are shops; problems named', () => {
    const table = [
      ['店铺名称', '平台', '主账号', '子账号', '密码', '岗位', '员工'],
      ['旗舰店', '淘宝', 'flagship', '', 'Main-1', '', ''],
      ['旗舰店', '淘宝', 'flagship', '小王', 'Sub-1', '售前客服', '王小明'],
      ['', 'Tmall', '', 'tm_main:客服2', 'Sub-2', '', ''],
      ['某店', 'ebay', 'x', '', 'p', '', ''],
      ['', '京东', '', '', 'p', '', ''],
      ['京东店', '京东', '', '', 'p', '', ''],
    ];
    const out = candidatesFromTable(table, guessMapping(table[0]!));
    expect(
      out.map((c) => [
        c.at,
        c.kind,
        c.platform,
        c.shopName,
        c.mainLogin,
        c.nickname,
        c.template,
        c.staff,
        c.problem,
      ]),
    ).toEqual([
      [1, 'main', 'taobao', '旗舰店', 'flagship', '', '', '', null],
      [2, 'sub', 'taobao', '旗舰店', 'flagship', '小王', '售前客服', '王小明', null],
      [3, 'sub', 'tmall', 'tm_main', 'tm_main', '客服2', '', '', null],
      [4, 'main', null, '某店', 'x', '', '', '', 'no_platform'],
      [5, 'main', 'jd', '', '', '', '', '', 'no_shop'],
      [6, 'main', 'jd', '京东店', '', '', '', '', 'no_login'],
    ]);
  });
});
