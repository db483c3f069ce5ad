// Taobao (千牛 子账号管理后台 → 员工管理). Tmall shares the back end and the rules (tmall.ts).
import { CATEGORIES, NAME_CHARS, NAME_CHARS_TEXT, perm } from './helpers.ts';
import type { PlatformSpec } from './types.ts';

export const TAOBAO_PERMISSIONS = [
  perm('trade.view', 'orders', '查看订单', 'View orders', 'low'),
  perm('trade.edit', 'orders', '编辑订单（改价、备注）', 'Edit orders (price, notes)', 'medium'),
  perm('trade.export', 'data', '导出订单', 'Export orders', 'high'),
  perm('item.view', 'products', '查看商品', 'View products', 'low'),
  perm('item.edit', 'products', '发布和编辑商品', 'Publish and edit products', 'medium'),
  perm('cs.chat', 'service', '千牛接待', 'Chat with buyers in Qianniu', 'low'),
  perm('cs.routing', 'service', '客服分流设置', 'Chat routing settings', 'medium'),
  perm('refund.view', 'aftersales', '查看退款', 'View refunds', 'low'),
  perm('refund.handle', 'aftersales', '处理退款（同意/拒绝）', 'Handle refunds (approve/refuse)', 'high'),
  perm('logistics.ship', 'logistics', '发货', 'Ship orders', 'low'),
  perm('logistics.address', 'logistics', '修改收货地址', 'Change delivery address', 'medium'),
  perm('marketing.tools', 'marketing', '营销工具', 'Marketing tools', 'medium'),
  perm('content.decorate', 'content', '店铺装修与内容', 'Shop design and content', 'medium'),
  perm('data.report', 'data', '生意参谋查看', 'View business reports', 'low'),
  perm('data.export', 'data', '数据导出', 'Export data', 'high'),
  perm('finance.funds', 'finance', '资金管理（支付宝）', 'Funds (Alipay)', 'high'),
  perm('shop.settings', 'shop', '店铺设置', 'Shop settings', 'high'),
  perm('account.manage', 'accounts', '子账号管理', 'Manage sub-accounts', 'high'),
];

export const taobao: PlatformSpec = {
  id: 'taobao',
  name: { zh: '淘宝', en: 'Taobao' },
  sellerCenterUrl: 'https://myseller.taobao.com/',
  loginHosts: [
    'myseller.taobao.com',
    'loginmyseller.taobao.com',
    'login.taobao.com',
    'sell.taobao.com',
    'qn.taobao.com',
  ],
  subAccountPath: {
    zh: '千牛 → 子账号管理后台 → 员工管理',
    en: 'Qianniu → Sub-account admin → Staff management',
  },
  name_rule: {
    composedWithMain: true,
    maxLength: 30,
    cjkWeight: 2,
    allowed: NAME_CHARS,
    allowedText: NAME_CHARS_TEXT,
    notAllDigits: true,
    immutable: true,
  },
  password: { minLength: 6, maxLength: 20, requireUpper: false, requireLower: false, requireDigit: false },
  verification: 'required',
  phonePerSubAccount: false,
  holderLimits: {},
  model: { kind: 'checkboxes', unit: { zh: '自定义岗位', en: 'custom position' } },
  categories: Object.values(CATEGORIES),
  permissions: TAOBAO_PERMISSIONS,
};
