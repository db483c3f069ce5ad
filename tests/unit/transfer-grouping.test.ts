// How a password manager's logins become shops and sub-accounts, on the points a seller's real files hit:
// addresses written loosely, 主账号:昵称 with stray spaces, a folder whose one entry is marked as the main
// account (as our own export writes it) holding that shop's sub-accounts, and what names a shop.
import { describe, expect, it } from 'vitest';
import { classify, platformOfUrl } from '../../shared/domain/transfer/classify.ts';
import { blankCredential } from '../../shared/domain/transfer/credential.ts';

const cred = (at: number, over: Partial<ReturnType<typeof blankCredential>>) => ({
  ...blankCredential(at),
  ...over,
});
const PDD = 'https://mms.pinduoduo.com/login';
const TB = 'https://myseller.taobao.com';
const brief = (cs: ReturnType<typeof classify>) =>
  cs.map((c) => [c.kind, c.mainLogin, c.nickname, c.shopName]);

describe('addresses', () => {
  it('reads a login page however it was written down', () => {
    expect(platformOfUrl('  https://myseller.taobao.com  ')).toBe('taobao');
    expect(platformOfUrl('myseller.taobao.com/login?redirect=https://example.com')).toBe('taobao');
    expect(platformOfUrl('MMS.PINDUODUO.COM')).toBe('pinduoduo');
    expect(platformOfUrl('')).toBeNull();
    expect(platformOfUrl('http://[::1')).toBeNull();
  });
});

describe('主账号:昵称', () => {
  it('splits at the first colon, trimming both sides; a login starting with a colon is not one', () => {
    const cs = classify(
      [
        cred(1, { url: TB, userName: 'mz : 小美 ' }),
        cred(2, { url: TB, userName: 'mz：a:b' }),
        cred(3, { url: TB, userName: ':小美', title: '店' }),
        cred(4, { url: TB, userName: ':a:b', title: '店2' }),
        cred(5, { url: TB, userName: ' solo ', title: '  店3 ' }),
      ],
      [],
    );
    expect(brief(cs)).toEqual([
      ['sub', 'mz', '小美', 'mz'],
      ['sub', 'mz', 'a:b', 'mz'],
      ['main', ':小美', '', '店'],
      ['main', ':a:b', '', '店2'],
      ['main', 'solo', '', '店3'],
    ]);
  });
});

describe('what names a shop', () => {
  it('the title without a trailing 主账号, else the innermost folder, else the login', () => {
    const cs = classify(
      [
        cred(1, { url: TB, userName: 'a', title: '美妆店主账号' }),
        cred(2, { url: TB, userName: 'b', title: '家居店 Main Account ' }),
        cred(3, { url: TB, userName: 'c', title: 'https://myseller.taobao.com', group: '淘宝/旗舰/母婴店' }),
        cred(4, { url: TB, userName: 'd', title: 'http://example.com', group: '淘宝/服饰店/' }),
        cred(5, { url: TB, userName: 'e', title: 'myseller.taobao.com' }),
        cred(6, { url: TB, userName: 'f', title: '店 https://x.cn' }),
        cred(7, { url: TB, userName: 'g', title: '主账号备份' }),
      ],
      [],
    );
    expect(cs.map((c) => c.shopName)).toEqual([
      '美妆店',
      '家居店',
      '母婴店',
      '服饰店',
      'e',
      '店 https://x.cn',
      '主账号备份',
    ]);
  });

  it('a main account keeps its own name; a sub-account takes the name of the shop with its main login', () => {
    const cs = classify(
      [cred(1, { url: TB, userName: 'MZ', title: '新名字' }), cred(2, { url: TB, userName: 'mz:小美' })],
      [{ platform: 'taobao', name: '老店名', mainLogin: 'mz' }],
    );
    expect(brief(cs)).toEqual([
      ['main', 'MZ', '', '新名字'],
      ['sub', 'mz', '小美', '老店名'],
    ]);
  });
});

describe('a folder with one marked main account', () => {
  it('its other logins of that platform are the shop’s sub-accounts; other folders and platforms are not', () => {
    const cs = classify(
      [
        cred(1, { url: PDD, userName: 'pdd-main', title: '拼多多店 主账号', group: '拼多多/拼多多店' }),
        cred(2, { url: PDD, userName: 'kf1', title: 'kf1', group: '拼多多/拼多多店' }),
        cred(3, { url: PDD, userName: 'kf2', title: 'kf2', group: '拼多多/拼多多店' }),
        cred(4, { url: TB, userName: 'tb', title: '淘宝店', group: '拼多多/拼多多店' }),
        cred(5, { url: PDD, userName: 'elsewhere', title: '别的店', group: '拼多多/别的店' }),
        cred(6, { url: 'https://example.com', userName: 'x', group: '拼多多/拼多多店' }),
      ],
      [],
    );
    expect(brief(cs)).toEqual([
      ['main', 'pdd-main', '', '拼多多店'],
      ['sub', 'pdd-main', 'kf1', '拼多多店'],
      ['sub', 'pdd-main', 'kf2', '拼多多店'],
      ['main', 'tb', '', '淘宝店'],
      ['main', 'elsewhere', '', '别的店'],
      ['skip', '', '', ''],
    ]);
  });

  it('a sub-account written 主账号:昵称 marks no folder, even titled 主账号', () => {
    const cs = classify(
      [
        cred(1, { url: TB, userName: 'mz:小美', title: '小美 主账号', group: 'G' }),
        cred(2, { url: TB, userName: 'tbmain', title: '淘宝店', group: 'G' }),
      ],
      [],
    );
    expect(brief(cs)).toEqual([
      ['sub', 'mz', '小美', 'mz'],
      ['main', 'tbmain', '', '淘宝店'],
    ]);
  });

  it('marked by notes starting with 主账号 too; two marked entries in one folder mark none', () => {
    const byNotes = classify(
      [
        cred(1, { url: PDD, userName: 'm', title: '店', notes: '  主账号（店铺负责人）', group: 'G' }),
        cred(2, { url: PDD, userName: 'k', title: 'k', notes: '子账号', group: 'G' }),
        cred(3, { url: PDD, userName: 'z', title: 'z', notes: '不是主账号', group: 'H' }),
        cred(4, { url: PDD, userName: 'z2', title: 'z2', group: 'H' }),
      ],
      [],
    );
    expect(brief(byNotes)).toEqual([
      ['main', 'm', '', '店'],
      ['sub', 'm', 'k', '店'],
      ['main', 'z', '', 'z'],
      ['main', 'z2', '', 'z2'],
    ]);
    const two = classify(
      [
        cred(1, { url: PDD, userName: 'a', title: 'A 主账号', group: 'G' }),
        cred(2, { url: PDD, userName: 'b', title: 'B 主账号', group: 'G' }),
        cred(3, { url: PDD, userName: 'c', title: 'c', group: 'G' }),
        cred(4, { url: PDD, userName: 'd', title: 'PDD 主账号2', group: 'H' }),
        cred(5, { url: PDD, userName: 'e', title: 'e', group: 'H' }),
      ],
      [],
    );
    expect(two.map((c) => c.kind)).toEqual(['main', 'main', 'main', 'main', 'main']);
  });
});
