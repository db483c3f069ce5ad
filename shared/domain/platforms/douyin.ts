// Douyin shop (抖店 → 店铺 → 子账号管理): a custom 岗位 must map to a standard 岗位; creating a sub-account
// sends an SMS code (valid 5 minutes) to the staff member's phone.
import { categories, NAME_CHARS, NAME_CHARS_TEXT, perm } from './helpers.ts';
import type { PlatformSpec } from './types.ts';

export const douyin: PlatformSpec = {
  id: 'douyin',
  name: { zh: '抖店', en: 'Douyin shop' },
  sellerCenterUrl: 'https://fxg.jinritemai.com/',
  subAccountPath: {
    zh: '抖店后台 → 店铺 → 子账号管理 → 岗位管理/员工管理',
    en: 'Douyin shop → Shop → Sub-accounts → Posts/Staff',
  },
  name_rule: {
    composedWithMain: false,
    maxLength: 20,
    cjkWeight: 1,
    allowed: NAME_CHARS,
    allowedText: NAME_CHARS_TEXT,
    notAllDigits: false,
    immutable: false,
  },
  password: { minLength: 6, maxLength: 20, requireUpper: false, requireLower: false, requireDigit: false },
  verification: 'configurable',
  phonePerSubAccount: true,
  holderLimits: {},
  model: {
    kind: 'custom-post',
    standardPosts: [
      { id: 'admin', label: { zh: '店铺管理员', en: 'Shop admin' } },
      { id: 'operations', label: { zh: '运营', en: 'Operations' } },
      { id: 'cs', label: { zh: '客服', en: 'Customer service' } },
      { id: 'aftersales', label: { zh: '售后', en: 'After-sales' } },
      { id: 'warehouse', label: { zh: '仓储物流', en: 'Warehouse & logistics' } },
      { id: 'finance', label: { zh: '财务', en: 'Finance' } },
      { id: 'design', label: { zh: '设计', en: 'Design' } },
    ],
  },
  categories: categories(
    'orders',
    'products',
    'service',
    'aftersales',
    'logistics',
    'marketing',
    'content',
    'data',
    'finance',
    'shop',
    'accounts',
  ),
  permissions: [
    perm('order.view', 'orders', '订单查看', 'View orders', 'low'),
    perm('order.edit', 'orders', '订单修改', 'Edit orders', 'medium'),
    perm('order.export', 'data', '订单导出', 'Export orders', 'high'),
    perm('goods.manage', 'products', '商品管理', 'Manage products', 'medium'),
    perm('feige.chat', 'service', '飞鸽接待', 'Feige chat', 'low'),
    perm(
      'feige.settings',
      'service',
      '飞鸽设置（并发接待数）',
      'Feige settings (concurrent chats)',
      'medium',
    ),
    perm('aftersale.refund', 'aftersales', '售后退款处理', 'Handle refunds', 'high'),
    perm('logistics.ship', 'logistics', '发货与物流', 'Shipping and logistics', 'low'),
    perm('marketing.manage', 'marketing', '营销工具', 'Marketing tools', 'medium'),
    perm('content.live', 'content', '直播与内容', 'Live streams and content', 'medium'),
    perm('data.compass', 'data', '电商罗盘数据', 'Compass data', 'low'),
    perm('finance.funds', 'finance', '资金与结算', 'Funds and settlement', 'high'),
    perm('shop.settings', 'shop', '店铺设置', 'Shop settings', 'high'),
    perm('account.manage', 'accounts', '子账号与岗位管理', 'Sub-accounts and posts', 'high'),
  ],
};
