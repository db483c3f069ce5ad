import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyChecklist, diffPermissions, riskSummary } from '../../shared/domain/permissions.ts';
import { PLATFORM_IDS, platform } from '../../shared/domain/platforms/catalog.ts';
import { normalizePermissions, ROLE_IDS, ROLE_MAPPINGS, rolePermissions } from '../../shared/domain/roles.ts';
import {
  advisedPolicy,
  checkPassword,
  checkSubAccountName,
  fullSubAccountName,
  generateEasyPassword,
  generatePassword,
  suggestFreeName,
  weightedLength,
} from '../../shared/domain/subaccount-rules.ts';

describe('platform catalog', () => {
  it('every platform has zh/en names, categories for every permission, and high risk on money, refunds, settings, accounts, export', () => {
    for (const id of PLATFORM_IDS) {
      const p = platform(id);
      expect(p.name.zh && p.name.en).toBeTruthy();
      const cats = new Set(p.categories.map((c) => c.id));
      for (const perm of p.permissions) {
        expect(cats.has(perm.category), `${id} ${perm.id}`).toBe(true);
        if (['finance', 'shop', 'accounts'].includes(perm.category))
          expect(perm.risk, `${id} ${perm.id}`).toBe('high');
        if (/export|refund\.handle|aftersale\.(refund|handle)|returns:edit/.test(perm.id))
          expect(perm.risk, `${id} ${perm.id}`).toBe('high');
      }
      expect(new Set(p.permissions.map((x) => x.id)).size).toBe(p.permissions.length);
    }
  });

  it('Pinduoduo has the five native roles and a 6-character password minimum', () => {
    const p = platform('pinduoduo');
    expect(p.model.kind === 'roles' && p.model.roles.map((r) => r.label.zh)).toEqual([
      '管理员',
      '运营',
      '客服主管',
      '客服',
      '物流客服',
    ]);
    expect(p.password.minLength).toBe(6);
    expect(p.phonePerSubAccount).toBe(true);
  });

  it('JD sets 商家后台 and 京麦 permissions separately and limits order export to 3 holders', () => {
    const p = platform('jd');
    expect(new Set(p.permissions.map((x) => x.surface))).toEqual(new Set(['backend', 'jingmai']));
    expect(p.holderLimits['order.export']).toBe(3);
  });

  it('Amazon uses per-tool None / View / View & Edit, keeping only the higher level', () => {
    expect(normalizePermissions('amazon', ['orders:view', 'orders:edit', 'payments:view', 'bogus'])).toEqual([
      'orders:edit',
      'payments:view',
    ]);
    expect(platform('amazon').password).toMatchObject({
      minLength: 8,
      requireUpper: true,
      requireLower: true,
      requireDigit: true,
    });
  });

  it('every built-in role maps onto every platform with known permissions only', () => {
    for (const id of PLATFORM_IDS) {
      for (const role of ROLE_IDS) {
        const mapped = ROLE_MAPPINGS[id][role].permissions;
        expect(rolePermissions(id, role).length, `${id}/${role}`).toBe(new Set(mapped).size);
      }
    }
    // Least privilege: a pre-sales agent holds nothing high-risk anywhere.
    for (const id of PLATFORM_IDS) expect(riskSummary(id, rolePermissions(id, 'presales')).high).toEqual([]);
  });
});

describe('sub-account names', () => {
  const taken = new Set(['旗舰店:小美']);
  it('Taobao composes 主账号:昵称 and counts a Chinese character as 2, at most 30', () => {
    expect(fullSubAccountName('taobao', '旗舰店', '小王')).toBe('旗舰店:小王');
    expect(weightedLength('旗舰店:小王', 2)).toBe(11);
    expect(checkSubAccountName('taobao', '旗舰店', '客服小王', taken)).toBeNull();
    // 旗舰店: is 7, so 12 more CJK (24) makes 31.
    expect(checkSubAccountName('taobao', '旗舰店', '一二三四五六七八九十一二', taken)).toBe('too_long');
    expect(checkSubAccountName('taobao', '旗舰店', '一二三四五六七八九十一', taken)).toBeNull();
  });

  it('refuses all digits, bad characters, empty and taken names (case-insensitive)', () => {
    expect(checkSubAccountName('taobao', '旗舰店', '12345', taken)).toBe('all_digits');
    expect(checkSubAccountName('pinduoduo', 'x', '12345', new Set())).toBeNull();
    expect(checkSubAccountName('taobao', '旗舰店', '小 美', taken)).toBe('bad_chars');
    expect(checkSubAccountName('taobao', '旗舰店', '  ', taken)).toBe('empty');
    expect(checkSubAccountName('taobao', '旗舰店', '小美', taken)).toBe('taken');
    expect(checkSubAccountName('jd', 'x', 'Agent01', new Set(['agent01']))).toBe('taken');
    expect(checkSubAccountName('amazon', 'x', 'staff@shop.example', new Set())).toBeNull();
    expect(checkSubAccountName('amazon', 'x', 'not an email', new Set())).toBe('bad_chars');
  });

  it('suggests the smallest free numbered name that still fits', () => {
    expect(suggestFreeName('taobao', '旗舰店', '小美', taken)).toBe('小美2');
    expect(suggestFreeName('taobao', '旗舰店', '小美', new Set([...taken, '旗舰店:小美2']))).toBe('小美3');
    const long = '一二三四五六七八九十一';
    const s = suggestFreeName('taobao', '旗舰店', long, new Set([`旗舰店:${long}`]));
    expect(s).not.toBeNull();
    expect(checkSubAccountName('taobao', '旗舰店', s!, new Set([`旗舰店:${long}`]))).toBeNull();
  });
});

describe('passwords', () => {
  it('checks each platform minimum and Amazon character classes', () => {
    expect(checkPassword(platform('pinduoduo').password, '12345')).toBe('too_short');
    expect(checkPassword(platform('pinduoduo').password, '123456')).toBeNull();
    expect(checkPassword(platform('amazon').password, 'abcdefgh1')).toBe('needs_upper');
    expect(checkPassword(platform('amazon').password, 'Abcdefgh1')).toBeNull();
  });

  it('generated passwords meet the advised policy (stronger than the platform minimum)', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (const id of PLATFORM_IDS) {
      const pw = generatePassword(id, rnd);
      expect(checkPassword(advisedPolicy(id), pw), `${id} ${pw}`).toBeNull();
      expect(checkPassword(platform(id).password, pw)).toBeNull();
      expect(pw).not.toMatch(/[0O1lI]/);
    }
    expect(advisedPolicy('pinduoduo').minLength).toBeGreaterThan(platform('pinduoduo').password.minLength);
  });

  it('easy-to-type passwords meet the advised policy too, with no look-alike characters, whatever the draws', () => {
    // Every character is one draw from a fixed set, so the lowest and highest draw of every set bound all
    // the values the generator can make; a seeded run covers the middle.
    let seed = 11;
    const draws: Array<(n: number) => number> = [
      () => 0,
      (n) => n - 1,
      (n) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      },
    ];
    for (const id of PLATFORM_IDS)
      for (const rnd of draws)
        for (let i = 0; i < 50; i++) {
          const pw = generateEasyPassword(id, rnd);
          expect(checkPassword(advisedPolicy(id), pw), `${id} ${pw}`).toBeNull();
          expect(checkPassword(platform(id).password, pw)).toBeNull();
          expect(pw).toMatch(/^([A-Z][a-z]{3}){3}[2-9]{3,}$/);
          expect(pw).not.toMatch(/[0O1lIo]/);
        }
  });
});

describe('apply checklist and template comparison', () => {
  it('a new Pinduoduo sub-account: role and every permission to tick', () => {
    const steps = applyChecklist({
      platformId: 'pinduoduo',
      fullName: '客服01',
      permissions: rolePermissions('pinduoduo', 'presales'),
      nativeRole: 'cs',
      isNew: true,
    }).map((s) => s.text.zh);
    expect(steps[0]).toContain('店铺管理 → 子账号管理');
    expect(steps).toContain('选择角色「客服」');
    expect(steps.join('\n')).toContain('勾选：客服接待、物流信息查询、订单查看');
  });

  it('an Amazon user is invited by e-mail and sets their own password; every other platform creates one', () => {
    const amazon = applyChecklist({
      platformId: 'amazon',
      fullName: 'amy@example.com',
      permissions: [],
      isNew: true,
    }).map((s) => s.text);
    expect(amazon[1]?.zh).toContain('邀请邮箱「amy@example.com」');
    expect(amazon[1]?.en).toContain('invite "amy@example.com"');
    // Nobody creates the account or types a password for it on the platform.
    expect(amazon.map((t) => t.zh).join('\n')).not.toMatch(/新建子账号|可从本应用复制/);
    for (const id of PLATFORM_IDS.filter((p) => p !== 'amazon')) {
      const steps = applyChecklist({ platformId: id, fullName: 'x', permissions: [], isNew: true });
      expect(steps[1]?.text.zh).toContain('设置密码');
    }
  });

  it('after a change only the difference is listed; JD per surface; Amazon per tool level', () => {
    const steps = applyChecklist({
      platformId: 'jd',
      fullName: 'agent',
      permissions: ['jm.chat', 'order.view', 'order.export'],
      applied: ['jm.chat', 'jm.order'],
      isNew: false,
    }).map((s) => s.text.zh);
    expect(steps).toContain('在商家后台中勾选：订单导出（最多 3 个子账号）、订单查询');
    expect(steps).toContain('在京麦中取消勾选：京麦订单查看');
    expect(steps.join('\n')).not.toContain('咚咚接待');
    const amazon = applyChecklist({
      platformId: 'amazon',
      fullName: 'a@b.cn',
      permissions: ['orders:edit'],
      applied: ['orders:view', 'payments:view'],
      isNew: false,
    }).map((s) => s.text.en);
    expect(amazon).toContain('Set "Manage Orders" to View & Edit');
    expect(amazon).toContain('Set "Payments" to None');
  });

  it('compares two templates: added, removed, risk change and newly high-risk', () => {
    const d = diffPermissions(
      'taobao',
      rolePermissions('taobao', 'presales'),
      rolePermissions('taobao', 'aftersales'),
    );
    expect(d.added).toEqual(['logistics.address', 'refund.handle', 'refund.view']);
    expect(d.removed).toEqual(['item.view']);
    expect(d).toMatchObject({ riskBefore: 'low', riskAfter: 'high', newlyHighRisk: ['refund.handle'] });
  });

  it('a generated password never starts with a character a spreadsheet runs as a formula (= + - @) or with whitespace', () => {
    // Every random source: crypto-random ones, and adversarial ones that always pick the first, the last,
    // or cycle, which would put a symbol first on every platform if nothing prevented it.
    const sources: Array<() => (n: number) => number> = [
      () => (n) => randomInt(n),
      () => () => 0,
      () => (n) => n - 1,
      () => {
        let k = 0;
        return (n) => k++ % n;
      },
    ];
    for (const id of PLATFORM_IDS) {
      for (const make of sources) {
        for (let i = 0; i < 300; i++) {
          const pw = generatePassword(id, make());
          expect(pw, `${id} ${pw}`).not.toMatch(/^[=+\-@\s]/);
          expect(checkPassword(advisedPolicy(id), pw), `${id} ${pw}`).toBeNull();
        }
      }
    }
  });
});
