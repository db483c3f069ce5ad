// 亚马逊卖家密码重置 (amazon-reset): its fields, rules, document and what a new draft starts with.
import { type DraftKindDef, type Problems, required, t } from './kind.ts';

export const amazonReset: DraftKindDef = {
  label: { zh: '亚马逊卖家密码重置', en: 'Amazon seller password reset' },
  fields: [
    { key: 'email', label: t('注册邮箱或手机', 'Registered e-mail or phone'), type: 'text' },
    {
      key: 'userName',
      label: t('当前账户名（微信注册为微信名）', 'Current account name (WeChat name for WeChat sign-ups)'),
      type: 'text',
    },
  ],
  check(f) {
    const p: Problems = {};
    const need = required(f, p);
    need('email');
    need('userName');
    return p;
  },
  build(f) {
    const v = (k: string) => (f[k] ?? '').trim();
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
  },
};
