// 抖店登录手机号注销申诉 (douyin-cancelled): its fields, rules, document and what a new draft starts with.

import { normalizeMobile } from '../../validators.ts';
import { DOUYIN_APPEAL_SUBJECT, DOUYIN_APPEAL_TO } from './douyin-mail.ts';
import { type DraftKindDef, type Problems, required, t } from './kind.ts';

const digitsOnly = (s: string) => s.replace(/[\s-]/g, '');

/** The seal rule for the information-change letter (抖店 appeal). */
export function sealRule(seal: string, rebindingOriginal: boolean): string {
  if (rebindingOriginal) return '绑定原手机号：无需提供信息变更确认函。';
  if (seal === 'company') return '信息变更确认函：加盖公司公章。';
  if (seal === 'finance-contract') return '信息变更确认函：个体工商户无公章，可加盖财务章或合同章。';
  return '信息变更确认函：没有任何印章时，由法定代表人签字并按手印，另附本人手持该确认函的照片。';
}

export const douyinCancelled: DraftKindDef = {
  label: { zh: '抖店登录手机号注销申诉', en: 'Douyin shop: login phone cancelled (appeal)' },
  fields: [
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
  check(f) {
    const p: Problems = {};
    const need = required(f, p);
    need('shopName');
    need('oldPhone');
    need('places');
    need('devices');
    need('seal');
    if (f.oldPhone && !normalizeMobile(f.oldPhone))
      p.oldPhone = t('请输入有效的手机号', 'Enter a valid mobile number');
    if (!normalizeMobile(f.newPhone ?? ''))
      p.newPhone = t('请输入有效的手机号', 'Enter a valid mobile number');
    return p;
  },
  build(f, submittedAt) {
    const v = (k: string) => (f[k] ?? '').trim();
    const rebindingOriginal = v('newPhone') !== '' && digitsOnly(v('newPhone')) === digitsOnly(v('oldPhone'));
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
  },
  prefill: (shop) => ({
    shopName: shop.name,
    shopId: shop.platformShopId,
    seal: shop.entityType === 'enterprise' ? 'company' : 'finance-contract',
  }),
};
