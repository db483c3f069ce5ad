// Offline recovery requests: each kind is a set of fields with rules, and a document built from them
// (recipient, subject, a table of rows, paragraphs, a checklist). One shape serves the form, the print
// view, the e-mail (HTML table + plain text) and the copy buttons.
import type { PlatformId, Text } from '../platforms/types.ts';
import { normalizeEmail, normalizeMobile } from '../validators.ts';

export type DraftKind = 'jd-password' | 'douyin-cancelled' | 'douyin-sms' | 'amazon-reset' | 'generic';
export type DraftState = 'draft' | 'ready' | 'sent' | 'resolved';

export interface FieldDef {
  key: string;
  label: Text;
  type: 'text' | 'textarea' | 'select' | 'checkbox';
  options?: Array<{ value: string; label: Text }>;
  placeholder?: string;
}

export interface DraftDoc {
  to: string;
  subject: string;
  /** Label/value rows: the table of the e-mail. */
  rows: Array<[string, string]>;
  /**
   * 'columns': the labels are one header row and the values one row beneath (JD's own form, 10 columns);
   * otherwise each label heads its own row.
   */
  tableLayout?: 'columns';
  paragraphs: string[];
  checklist: Array<{ key: string; text: Text }>;
  /** Working days a reply is expected within, or null. */
  replyWithinWorkdays: [number, number] | null;
}

export interface ShopFacts {
  name: string;
  platform: PlatformId;
  entityType: 'individual' | 'enterprise';
  mainLogin: string;
  platformShopId: string;
}

export const KIND_LABELS: Record<DraftKind, Text> = {
  'jd-password': { zh: '京东商家密码找回', en: 'JD merchant password recovery' },
  'douyin-cancelled': { zh: '抖店登录手机号注销申诉', en: 'Douyin shop: login phone cancelled (appeal)' },
  'douyin-sms': { zh: '抖店收不到验证码', en: 'Douyin shop: cannot receive SMS codes' },
  'amazon-reset': { zh: '亚马逊卖家密码重置', en: 'Amazon seller password reset' },
  generic: { zh: '通用申请信', en: 'Generic letter' },
};

export const JD_SUBJECTS = {
  'void-company': '密码找回—申请将原公司信息作废',
  'rebind-phone': '密码找回—申请重新绑定手机号',
  'rebind-email': '密码找回—申请重新绑定邮箱',
} as const;
export type JdSubject = keyof typeof JD_SUBJECTS;

const t = (zh: string, en: string): Text => ({ zh, en });

export const FIELDS: Record<DraftKind, FieldDef[]> = {
  'jd-password': [
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
  'douyin-cancelled': [
    { key: 'shopName', label: t('店铺名称', 'Shop name'), type: 'text' },
    { key: 'shopId', label: t('店铺ID', 'Shop ID'), type: 'text' },
    { key: 'oldPhone', label: t('原登录手机号', 'Old login phone'), type: 'text' },
    { key: 'newPhone', label: t('需绑定的手机号', 'Phone to bind'), type: 'text' },
    {
      key: 'places',
      label: t('常用登录地（省/市/区）', 'Usual login places (province/city/district)'),
      type: 'text',
    },
    {
      key: 'devices',
      label: t('常用设备（手机、电脑品牌型号）', 'Usual devices (phone and PC brand/model)'),
      type: 'text',
    },
    {
      key: 'seal',
      label: t('印章情况', 'Seal'),
      type: 'select',
      options: [
        { value: 'company', label: t('有公章', 'Company seal') },
        {
          value: 'finance-contract',
          label: t(
            '个体户：无公章，有财务章或合同章',
            'Individual business: finance or contract seal, no company seal',
          ),
        },
        { value: 'none', label: t('个体户：没有任何印章', 'Individual business: no seal at all') },
      ],
    },
    {
      key: 'agent',
      label: t('由代理人办理（附代理人身份证）', 'Handled by an agent (attach the agent’s ID)'),
      type: 'checkbox',
    },
  ],
  'douyin-sms': [
    { key: 'phone', label: t('手机号', 'Phone number'), type: 'text' },
    { key: 'since', label: t('何时开始收不到', 'Since when'), type: 'text' },
    { key: 'details', label: t('情况说明', 'What happens'), type: 'textarea' },
  ],
  'amazon-reset': [
    { key: 'email', label: t('注册邮箱或手机', 'Registered e-mail or phone'), type: 'text' },
    {
      key: 'userName',
      label: t('当前账户名（微信注册为微信名）', 'Current account name (WeChat name for WeChat sign-ups)'),
      type: 'text',
    },
  ],
  generic: [
    { key: 'to', label: t('收件人', 'To'), type: 'text' },
    { key: 'subject', label: t('主题', 'Subject'), type: 'text' },
    { key: 'body', label: t('正文', 'Body'), type: 'textarea' },
  ],
};

export const DOUYIN_APPEAL_TO = 'ecservice@bytedance.com';
export const DOUYIN_APPEAL_SUBJECT = '【小店登录手机账号注销申请恢复】';
export const DOUYIN_SMS_SUBJECT = '【无法接收手机验证码】';

export type Problems = Record<string, Text>;

const digitsOnly = (s: string) => s.replace(/[\s-]/g, '');

/** Field-by-field rules; an empty result means the draft can be marked ready. */
export function checkDraft(kind: DraftKind, f: Record<string, string>): Problems {
  const p: Problems = {};
  const need = (k: string) => {
    if (!(f[k] ?? '').trim()) p[k] = t('必填', 'Required');
  };
  switch (kind) {
    case 'jd-password': {
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
      break;
    }
    case 'douyin-cancelled':
      need('shopName');
      need('oldPhone');
      need('places');
      need('devices');
      need('seal');
      if (f.oldPhone && !normalizeMobile(f.oldPhone))
        p.oldPhone = t('请输入有效的手机号', 'Enter a valid mobile number');
      if (!normalizeMobile(f.newPhone ?? ''))
        p.newPhone = t('请输入有效的手机号', 'Enter a valid mobile number');
      break;
    case 'douyin-sms':
      need('since');
      if (!normalizeMobile(f.phone ?? '')) p.phone = t('请输入有效的手机号', 'Enter a valid mobile number');
      break;
    case 'amazon-reset':
      need('email');
      need('userName');
      break;
    case 'generic':
      need('subject');
      need('body');
      if (f.to && !normalizeEmail(f.to)) p.to = t('请输入有效的邮箱', 'Enter a valid e-mail address');
      break;
  }
  return p;
}

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

/** The seal rule for the information-change letter (抖店 appeal). */
export function sealRule(seal: string, rebindingOriginal: boolean): string {
  if (rebindingOriginal) return '绑定原手机号：无需提供信息变更确认函。';
  if (seal === 'company') return '信息变更确认函：加盖公司公章。';
  if (seal === 'finance-contract') return '信息变更确认函：个体工商户无公章，可加盖财务章或合同章。';
  return '信息变更确认函：没有任何印章时，由法定代表人签字并按手印，另附本人手持该确认函的照片。';
}

export function buildDraft(kind: DraftKind, f: Record<string, string>, submittedAt: string): DraftDoc {
  const v = (k: string) => (f[k] ?? '').trim();
  switch (kind) {
    case 'jd-password': {
      const subject =
        JD_SUBJECTS[(v('subject') as JdSubject) || 'rebind-phone'] ?? JD_SUBJECTS['rebind-phone'];
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
    }
    case 'douyin-cancelled': {
      const rebindingOriginal =
        v('newPhone') !== '' && digitsOnly(v('newPhone')) === digitsOnly(v('oldPhone'));
      const checklist = [
        {
          key: 'licence',
          text: t(
            '营业执照图片（原件，或加盖公章的复印件）',
            'Business licence image (original, or a copy with the company seal)',
          ),
        },
        {
          key: 'id',
          text:
            v('agent') === 'true'
              ? t('代理人身份证正反面', "Agent's ID, both sides")
              : t('法定代表人身份证正反面', "Legal representative's ID, both sides"),
        },
        { key: 'holding', text: t('手持身份证原件的照片', 'Photo holding the original ID') },
      ];
      if (!rebindingOriginal)
        checklist.push({
          key: 'letter',
          text: { zh: sealRule(v('seal'), false), en: 'Information-change letter, sealed as above' },
        });
      if (v('seal') === 'none' && !rebindingOriginal)
        checklist.push({
          key: 'letter-photo',
          text: t('法定代表人手持确认函的照片', 'Photo of the legal representative holding the letter'),
        });
      return {
        to: DOUYIN_APPEAL_TO,
        subject: DOUYIN_APPEAL_SUBJECT,
        rows: [
          ['店铺名称', v('shopName')],
          ['店铺ID', v('shopId')],
          ['原登录手机号', v('oldPhone')],
          ['需绑定的手机号', v('newPhone')],
          ['常用登录地', v('places')],
          ['常用登录设备', v('devices')],
          ['印章说明', sealRule(v('seal'), rebindingOriginal)],
          ['提交时间', submittedAt],
        ],
        paragraphs: [
          '您好：',
          '本店登录手机号已注销，申请恢复登录并绑定新手机号。所需材料见附件，请协助处理。',
        ],
        checklist,
        replyWithinWorkdays: [1, 5],
      };
    }
    case 'douyin-sms':
      return {
        to: DOUYIN_APPEAL_TO,
        subject: DOUYIN_SMS_SUBJECT,
        rows: [
          ['手机号', v('phone')],
          ['开始时间', v('since')],
          ['情况说明', v('details')],
          ['提交时间', submittedAt],
        ],
        paragraphs: ['您好：', '本店登录手机号无法接收验证码，情况如下，请协助处理。'],
        checklist: [],
        replyWithinWorkdays: [1, 5],
      };
    case 'amazon-reset':
      return {
        to: '',
        subject: '亚马逊卖家账户密码重置',
        rows: [
          ['注册邮箱/手机', v('email')],
          ['当前账户名', v('userName')],
        ],
        paragraphs: [],
        checklist: [
          { key: 's1', text: t('在登录页点「忘记密码」', 'On the sign-in page choose "Forgot password"') },
          {
            key: 's2',
            text: t(
              '输入注册邮箱（或手机）并获取验证码',
              'Enter the registered e-mail (or phone) and get a code',
            ),
          },
          {
            key: 's3',
            text: t('设置新密码，或用临时验证码登录', 'Set a new password, or sign in with a temporary code'),
          },
          {
            key: 's4',
            text: t(
              '账户名须为当前名称（微信注册则为微信名）',
              'The account name must be the current one (WeChat name for WeChat sign-ups)',
            ),
          },
          {
            key: 's5',
            text: t(
              '仍不行：联系卖家支持或客户经理，由其发送重置链接',
              'Still stuck: contact seller support or the account manager for a reset link',
            ),
          },
          {
            key: 's6',
            text: t(
              'App 内：我的 → 账户设置 → 更改账号设置 → 忘记密码',
              'In the app: Me → Account settings → Change account settings → Forgot password',
            ),
          },
        ],
        replyWithinWorkdays: null,
      };
    case 'generic':
      return {
        to: v('to'),
        subject: v('subject'),
        rows: [],
        paragraphs: v('body').split(/\n+/).filter(Boolean),
        checklist: [],
        replyWithinWorkdays: null,
      };
  }
}

/** Fields a new draft starts with, from the shop's details. */
export function prefill(kind: DraftKind, shop: ShopFacts | null): Record<string, string> {
  if (!shop) return {};
  switch (kind) {
    case 'jd-password':
      return {
        accountType: shop.entityType === 'enterprise' ? 'company' : 'personal',
        login: shop.mainLogin,
        ...(shop.entityType === 'enterprise' ? { shopId: shop.platformShopId } : {}),
        payPassword: '否',
        subject: 'rebind-phone',
      };
    case 'douyin-cancelled':
      return {
        shopName: shop.name,
        shopId: shop.platformShopId,
        seal: shop.entityType === 'enterprise' ? 'company' : 'finance-contract',
      };
    case 'douyin-sms':
      return {};
    default:
      return {};
  }
}
