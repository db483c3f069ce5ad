import { describe, expect, it } from 'vitest';
import {
  buildDraft,
  checkDraft,
  JD_SUBJECTS,
  jdAttachments,
  prefill,
  sealRule,
} from '../../shared/domain/recovery/draft-kinds.ts';
import { draftHtml, draftText } from '../../shared/domain/recovery/render.ts';
import { LOGIN_PROBLEMS, problemById } from '../../shared/domain/recovery/troubleshooter.ts';

const jd = (over: Record<string, string> = {}) => ({
  subject: 'rebind-phone',
  accountType: 'company',
  customerName: '王经理',
  login: 'jd_shop_01',
  payPassword: '否',
  shopId: '10086',
  reason: '原手机号已停用',
  oldContact: '13800138000',
  newContact: '13900139000',
  to: 'zhaoshang@example.com',
  ...over,
});

describe('JD merchant password recovery rules', () => {
  it('accepts a complete rebind-phone request', () => {
    expect(checkDraft('jd-password', jd())).toEqual({});
  });
  it('needs the login name for a company recovery', () => {
    expect(checkDraft('jd-password', jd({ login: '' })).login?.zh).toBe('公司密码找回须填写登陆名称');
  });
  it('needs the login account and no shop ID for a personal recovery', () => {
    expect(checkDraft('jd-password', jd({ accountType: 'personal' })).shopId?.zh).toBe(
      '个人密码找回不填店铺ID',
    );
    expect(checkDraft('jd-password', jd({ accountType: 'personal', shopId: '', login: '' })).login?.zh).toBe(
      '个人密码找回须填写登陆账号',
    );
  });
  it('refuses a new phone that is invalid or the same as the old one, and checks e-mails for an e-mail rebind', () => {
    expect(checkDraft('jd-password', jd({ newContact: '12345' })).newContact?.zh).toBe(
      '请输入有效的新手机号',
    );
    expect(checkDraft('jd-password', jd({ newContact: '+86 138-0013-8000' })).newContact?.zh).toBe(
      '新的联系方式不能与原绑定的相同',
    );
    expect(
      checkDraft('jd-password', jd({ subject: 'rebind-email', oldContact: 'a@x.com', newContact: 'A@X.com' }))
        .newContact?.zh,
    ).toBe('新的联系方式不能与原绑定的相同');
    expect(
      checkDraft(
        'jd-password',
        jd({ subject: 'rebind-email', oldContact: 'a@x.com', newContact: 'b@x.com' }),
      ),
    ).toEqual({});
  });
  it('builds the e-mail with the subject, every column, the submission time and the right attachments', () => {
    const d = buildDraft('jd-password', jd(), '2026-11-23 10:00');
    expect(d.subject).toBe(JD_SUBJECTS['rebind-phone']);
    expect(d.rows.map(([k]) => k)).toEqual([
      '客户姓名',
      '登陆名称/账号',
      '是否开启支付密码',
      '店铺ID',
      '解绑原因',
      '原绑定手机号/邮箱',
      '新绑定手机号/邮箱',
      '招商姓名及所在部门',
      '提交时间',
      '备注',
    ]);
    expect(d.rows.find(([k]) => k === '提交时间')?.[1]).toBe('2026-11-23 10:00');
    expect(jdAttachments('void-company', 'company').map((a) => a.key)).toEqual(['a1', 'a2', 'a3']);
    expect(jdAttachments('rebind-phone', 'personal').map((a) => a.key)).toEqual(['a1', 'a2', 'a4']);
    expect(jdAttachments('rebind-email', 'company').map((a) => a.key)).toEqual(['a1', 'a2', 'a5']);
    expect(
      prefill('jd-password', {
        name: '京东店',
        platform: 'jd',
        entityType: 'individual',
        mainLogin: 'me',
        platformShopId: '9',
      }),
    ).toMatchObject({
      accountType: 'personal',
      login: 'me',
    });
  });
});

describe('Douyin appeal', () => {
  it('applies the seal rules: company seal, finance/contract seal for a 个体工商户, signature and fingerprint with none', () => {
    expect(sealRule('company', false)).toContain('公章');
    expect(sealRule('finance-contract', false)).toContain('财务章或合同章');
    expect(sealRule('none', false)).toContain('签字并按手印');
    expect(sealRule('none', true)).toContain('无需提供信息变更确认函');
    const d = buildDraft(
      'douyin-cancelled',
      {
        oldPhone: '13800138000',
        newPhone: '13900139000',
        seal: 'none',
        places: '浙江省杭州市',
        devices: 'iPhone 15',
      },
      'x',
    );
    expect(d.to).toBe('ecservice@bytedance.com');
    expect(d.subject).toBe('【小店登录手机账号注销申请恢复】');
    expect(d.replyWithinWorkdays).toEqual([1, 5]);
    expect(d.checklist.map((c) => c.key)).toEqual(['licence', 'id', 'holding', 'letter', 'letter-photo']);
    const same = buildDraft(
      'douyin-cancelled',
      { oldPhone: '13800138000', newPhone: '138 0013 8000', seal: 'company' },
      'x',
    );
    expect(same.checklist.map((c) => c.key)).not.toContain('letter');
    expect(buildDraft('douyin-sms', { phone: '13800138000', since: '昨天' }, 'x').subject).toBe(
      '【无法接收手机验证码】',
    );
  });
});

describe('rendering', () => {
  it('escapes typed markup in HTML and keeps it as text in plain text', () => {
    const d = buildDraft('generic', { subject: 's', body: '<img src=x onerror=alert(1)>' }, 'x');
    expect(draftHtml(d)).not.toContain('<img');
    expect(draftHtml(d)).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(draftText(d)).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('login troubleshooter', () => {
  it('explains JD’s six messages and runs the lockouts the platforms impose', () => {
    expect(LOGIN_PROBLEMS.filter((p) => p.platform === 'jd')).toHaveLength(6);
    expect(problemById('jd-wrong-password')?.lockout?.minutes).toBe(20);
    expect(problemById('amazon-username')?.lockout?.minutes).toBe(24 * 60);
    expect(problemById('douyin-cancelled')?.draft).toBe('douyin-cancelled');
  });
});
