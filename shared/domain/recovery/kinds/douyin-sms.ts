// 抖店收不到验证码 (douyin-sms): its fields, rules, document and what a new draft starts with.

import { normalizeMobile } from '../../validators.ts';
import { DOUYIN_APPEAL_TO, DOUYIN_SMS_SUBJECT } from './douyin-mail.ts';
import { type DraftKindDef, type Problems, required, t } from './kind.ts';

export const douyinSms: DraftKindDef = {
  label: { zh: '抖店收不到验证码', en: 'Douyin shop: cannot receive SMS codes' },
  fields: [
    { key: 'phone', label: t('手机号', 'Phone number'), type: 'text' },
    { key: 'since', label: t('何时开始收不到', 'Since when'), type: 'text' },
    { key: 'details', label: t('情况说明', 'What happens'), type: 'textarea' },
  ],
  check(f) {
    const p: Problems = {};
    const need = required(f, p);
    need('since');
    if (!normalizeMobile(f.phone ?? '')) p.phone = t('请输入有效的手机号', 'Enter a valid mobile number');
    return p;
  },
  build(f, submittedAt) {
    const v = (k: string) => (f[k] ?? '').trim();
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
  },
};
