// 通用申请信 (generic): its fields, rules, document and what a new draft starts with.

import { normalizeEmail } from '../../validators.ts';
import { type DraftKindDef, type Problems, required, t } from './kind.ts';

export const generic: DraftKindDef = {
  label: { zh: '通用申请信', en: 'Generic letter' },
  fields: [
    { key: 'to', label: t('收件人', 'To'), type: 'text' },
    { key: 'subject', label: t('主题', 'Subject'), type: 'text' },
    { key: 'body', label: t('正文', 'Body'), type: 'textarea' },
  ],
  check(f) {
    const p: Problems = {};
    const need = required(f, p);
    need('subject');
    need('body');
    if (f.to && !normalizeEmail(f.to)) p.to = t('请输入有效的邮箱', 'Enter a valid e-mail address');
    return p;
  },
  build(f) {
    const v = (k: string) => (f[k] ?? '').trim();
    return {
      to: v('to'),
      subject: v('subject'),
      rows: [],
      paragraphs: v('body').split(/\n+/).filter(Boolean),
      checklist: [],
      replyWithinWorkdays: null,
    };
  },
};
