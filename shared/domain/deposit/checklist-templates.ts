// The deposit-refund checklist per platform. 抖店 follows the brief in full; the others are a general
// template with the same sections that the user edits per case (add, rename, remove their own items).
import type { PlatformId, Text } from '../platforms/types.ts';

export type SectionId =
  | 'preconditions'
  | 'login'
  | 'materials'
  | 'account'
  | 'submission'
  | 'review'
  | 'arrival';

export const SECTIONS: Array<{ id: SectionId; title: Text }> = [
  { id: 'preconditions', title: { zh: '关店前提', en: 'Preconditions' } },
  { id: 'login', title: { zh: '登录权限', en: 'Login access' } },
  { id: 'materials', title: { zh: '证明材料', en: 'Materials' } },
  { id: 'account', title: { zh: '退款账户', en: 'Refund account' } },
  { id: 'submission', title: { zh: '提交申请', en: 'Submission' } },
  { id: 'review', title: { zh: '平台审核', en: 'Review' } },
  { id: 'arrival', title: { zh: '款项到账', en: 'Arrival' } },
];

export interface TemplateItem {
  key: string;
  section: SectionId;
  text: Text;
  /** Materials hold attached files (licence, ID, proof of operation). */
  attachable?: boolean;
  /** Offers to start a recovery request (the login phone is unusable). */
  recoveryLink?: boolean;
}

const COMMON_PRECONDITIONS: TemplateItem[] = [
  {
    key: 'no-open-orders',
    section: 'preconditions',
    text: { zh: '没有未完成的订单', en: 'No unfinished orders' },
  },
  {
    key: 'no-after-sales',
    section: 'preconditions',
    text: { zh: '没有进行中的售后', en: 'No after-sales cases in progress' },
  },
  {
    key: 'no-unsettled',
    section: 'preconditions',
    text: { zh: '没有未结算的资金', en: 'No unsettled funds' },
  },
  {
    key: 'not-locked',
    section: 'preconditions',
    text: { zh: '账号未因违规被锁定', en: 'Account not locked for violations' },
  },
];

const MATERIALS: TemplateItem[] = [
  {
    key: 'licence',
    section: 'materials',
    text: { zh: '营业执照', en: 'Business licence (营业执照)' },
    attachable: true,
  },
  {
    key: 'legal-id',
    section: 'materials',
    text: { zh: '法人身份证（正反面）', en: "Legal representative's ID (both sides)" },
    attachable: true,
  },
  {
    key: 'proof',
    section: 'materials',
    text: { zh: '经营证明', en: 'Proof of operation (经营证明)' },
    attachable: true,
  },
];

const LOGIN: TemplateItem = {
  key: 'login-phone',
  section: 'login',
  text: {
    zh: '能用登录手机号登录后台（不能时先找回：短信/邮箱/身份验证重置密码，或用营业执照、法人身份证、经营证明证明归属）',
    en: 'You can sign in with the login phone (if not, regain access first: reset by SMS, e-mail or identity check, or prove ownership with licence, legal ID and proof of operation)',
  },
  recoveryLink: true,
};

const ACCOUNT: TemplateItem = {
  key: 'refund-account',
  section: 'account',
  text: {
    zh: '确定退款账户（个体工商户：经营者个人银行卡或对公账户；企业：仅对公账户）',
    en: 'Choose the refund account (individual business: operator’s personal card or corporate account; enterprise: corporate account only)',
  },
};

const REVIEW_ARRIVAL: TemplateItem[] = [
  {
    key: 'review',
    section: 'review',
    text: {
      zh: '等待审核（通常 3-7 个工作日）；被驳回时按原因修改后重新提交',
      en: 'Wait for review (usually 3-7 working days); if rejected, fix what the reason says and resubmit',
    },
  },
  {
    key: 'arrival',
    section: 'arrival',
    text: {
      zh: '确认款项已到账（未按时到账请联系客服并核对账户）',
      en: 'Confirm the money arrived (if late, contact support and check the account)',
    },
  },
];

const DOUYIN: TemplateItem[] = [
  ...COMMON_PRECONDITIONS,
  LOGIN,
  ...MATERIALS,
  ACCOUNT,
  {
    key: 'apply',
    section: 'submission',
    text: {
      zh: '在抖店后台申请：店铺设置 / 关店，或 账户设置 → 保证金管理 → 申请退还',
      en: 'Apply in the Douyin shop back end: shop settings / close shop, or account settings → deposit management → apply for refund',
    },
  },
  {
    key: 'confirm-identity',
    section: 'submission',
    text: { zh: '完成身份确认并填写退款账户', en: 'Confirm identity and enter the refund account' },
  },
  ...REVIEW_ARRIVAL,
];

const GENERAL = (where: Text): TemplateItem[] => [
  ...COMMON_PRECONDITIONS,
  LOGIN,
  ...MATERIALS,
  ACCOUNT,
  { key: 'apply', section: 'submission', text: where },
  ...REVIEW_ARRIVAL,
];

export function depositTemplate(p: PlatformId): TemplateItem[] {
  switch (p) {
    case 'douyin':
      return DOUYIN;
    case 'taobao':
    case 'tmall':
      return GENERAL({
        zh: '在卖家中心的保证金页面申请解冻/退还（以平台页面为准）',
        en: 'Apply in Seller Center’s deposit page (follow the live page)',
      });
    case 'jd':
      return GENERAL({
        zh: '在京东商家后台的保证金/关店流程中申请退还（以平台页面为准）',
        en: 'Apply in the JD merchant back end’s deposit or close-shop flow (follow the live page)',
      });
    case 'pinduoduo':
      return GENERAL({
        zh: '在拼多多商家后台的保证金页面申请退还（以平台页面为准）',
        en: 'Apply in the Pinduoduo back end’s deposit page (follow the live page)',
      });
    case 'amazon':
      return GENERAL({
        zh: '在卖家平台按关店/余额流程申请（以平台页面为准）',
        en: 'Apply through Seller Central’s closing / balance flow (follow the live page)',
      });
  }
}
