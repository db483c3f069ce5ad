// 京东商家密码找回 (jd-password): its fields, rules, document and what a new draft starts with.

import type { Text } from '../../platforms/types.ts';
import { normalizeEmail, normalizeMobile } from '../../validators.ts';
import { type DraftKindDef, type Problems, required, t } from './kind.ts';

export const JD_SUBJECTS = {
  'void-company': '密码找回—申请将原公司信息作废',
  'rebind-phone': '密码找回—申请重新绑定手机号',
  'rebind-email': '密码找回—申请重新绑定邮箱',
} as const;
export type JdSubject = keyof typeof JD_SUBJECTS;

/** Which of 附件1-5 a JD request needs. */
export function jdAttachments(subject: string, accountType: string): Array<{ key: string; text: Text }> {
  const list = [
    { key: 'a1', text: t('附件1：密码找回解决方案规则', 'Attachment 1: recovery solution rules') },
    { key: 'a2', text: t('附件2：密码找回流程图', 'Attachment 2: recovery flowchart') },
  ];
  if (subject === 'void-company')
    list.push({
      key: 'a3',
      text: t(
        '附件3：原公司信息作废确认函',
        'Attachment 3: confirmation letter for voiding company information',
      ),
    });
  else if (accountType === 'personal')
    list.push({
      key: 'a4',
      text: t(
        '附件4：重新绑定手机/邮箱确认函（个人账户）',
        'Attachment 4: rebind confirmation letter (personal account)',
      ),
    });
  else
    list.push({
      key: 'a5',
      text: t(
        '附件5：重新绑定手机/邮箱确认函（公司账户）',
        'Attachment 5: rebind confirmation letter (company account)',
      ),
    });
  return list;
}

export const jdPassword: DraftKindDef = {
  label: { zh: '京东商家密码找回', en: 'JD merchant password recovery' },
  fields: [
    {
      key: 'subject',
      label: t('申请事项', 'Request'),
      type: 'select',
      options: [
        { value: 'void-company', label: t('原公司信息作废', 'Void old company information') },
        { value: 'rebind-phone', label: t('重新绑定手机号', 'Rebind phone') },
        { value: 'rebind-email', label: t('重新绑定邮箱', 'Rebind e-mail') },
      ],
    },
    {
      key: 'accountType',
      label: t('找回类型', 'Password type'),
      type: 'select',
      options: [
        { value: 'company', label: t('公司密码（需登陆名称）', 'Company password (needs login name)') },
        {
          value: 'personal',
          label: t('个人密码（需登陆账号，不填店铺ID）', 'Personal password (login account, no shop ID)'),
        },
      ],
    },
    { key: 'customerName', label: t('客户姓名', 'Customer name'), type: 'text' },
    { key: 'login', label: t('登陆名称/账号', 'Login name / account'), type: 'text' },
    {
      key: 'payPassword',
      label: t('是否开启支付密码', 'Payment password enabled'),
      type: 'select',
      options: [
        { value: '是', label: t('是', 'Yes') },
        { value: '否', label: t('否', 'No') },
      ],
    },
    { key: 'shopId', label: t('店铺ID', 'Shop ID'), type: 'text' },
    { key: 'reason', label: t('解绑原因', 'Reason for unbinding'), type: 'textarea' },
    { key: 'oldContact', label: t('原绑定手机号/邮箱', 'Originally bound phone / e-mail'), type: 'text' },
    { key: 'newContact', label: t('新绑定手机号/邮箱', 'New phone / e-mail'), type: 'text' },
    { key: 'manager', label: t('招商姓名', 'Account manager (招商)'), type: 'text' },
    {
      key: 'managerLevel',
      label: t('招商所在部门级别', 'Manager department level'),
      type: 'select',
      options: [
        { value: '一级', label: t('一级', 'Level 1') },
        { value: '二级', label: t('二级', 'Level 2') },
        { value: '三级', label: t('三级', 'Level 3') },
      ],
    },
    { key: 'managerDept', label: t('招商所在部门', 'Manager department'), type: 'text' },
    { key: 'remark', label: t('备注', 'Remarks'), type: 'textarea' },
    { key: 'to', label: t('收件人（招商经理邮箱）', 'To (account manager e-mail)'), type: 'text' },
  ],
  check(f) {
    const p: Problems = {};
    const need = required(f, p);
    need('subject');
    need('accountType');
    need('customerName');
    need('reason');
    need('to');
    if (f.to && !normalizeEmail(f.to)) p.to = t('请输入有效的邮箱', 'Enter a valid e-mail address');
    if (f.accountType === 'company' && !f.login?.trim())
      p.login = t('公司密码找回须填写登陆名称', 'A company-password recovery needs the login name');
    if (f.accountType === 'personal') {
      if (!f.login?.trim())
        p.login = t('个人密码找回须填写登陆账号', 'A personal-password recovery needs the login account');
      if (f.shopId?.trim())
        p.shopId = t('个人密码找回不填店铺ID', 'A personal-password recovery takes no shop ID');
    }
    // (Both password types need the login, so "login or old contact, at least one" can never fire on
    // its own; it is not checked separately.)
    if (f.subject === 'rebind-phone' || f.subject === 'rebind-email') {
      const phone = f.subject === 'rebind-phone';
      const norm = (v: string) => (phone ? normalizeMobile(v) : normalizeEmail(v));
      const next = norm(f.newContact ?? '');
      if (!next)
        p.newContact = phone
          ? t('请输入有效的新手机号', 'Enter a valid new mobile number')
          : t('请输入有效的新邮箱', 'Enter a valid new e-mail address');
      else if (f.oldContact && next === norm(f.oldContact))
        p.newContact = t('新的联系方式不能与原绑定的相同', 'The new contact must differ from the old one');
    }
    return p;
  },
  build(f, submittedAt) {
    const v = (k: string) => (f[k] ?? '').trim();
    const subject = JD_SUBJECTS[(v('subject') as JdSubject) || 'rebind-phone'] ?? JD_SUBJECTS['rebind-phone'];
    return {
      to: v('to'),
      subject,
      rows: [
        ['客户姓名', v('customerName')],
        ['登陆名称/账号', v('login')],
        ['是否开启支付密码', v('payPassword') || '否'],
        ['店铺ID', v('shopId')],
        ['解绑原因', v('reason')],
        ['原绑定手机号/邮箱', v('oldContact')],
        ['新绑定手机号/邮箱', v('newContact')],
        [
          '招商姓名及所在部门',
          [v('manager'), v('managerDept'), v('managerLevel')].filter(Boolean).join(' / '),
        ],
        ['提交时间', submittedAt],
        ['备注', v('remark')],
      ],
      tableLayout: 'columns',
      paragraphs: [
        '您好！',
        `我们是京东商家，因${v('reason') || '原绑定信息无法使用'}，现申请${subject.replace('密码找回—申请', '')}，相关信息见下表，请协助审核处理。证明材料的纸质版将另行寄送资质审核部门，谢谢！`,
      ],
      checklist: jdAttachments(v('subject'), v('accountType')),
      replyWithinWorkdays: null,
    };
  },
  prefill: (shop) => ({
    accountType: shop.entityType === 'enterprise' ? 'company' : 'personal',
    login: shop.mainLogin,
    ...(shop.entityType === 'enterprise' ? { shopId: shop.platformShopId } : {}),
    payPassword: '否',
    subject: 'rebind-phone',
  }),
};
