// Pinduoduo (拼多多商家后台 → 店铺管理 → 子账号管理): roles, one phone per sub-account, password >= 6.
import { categories, NAME_CHARS, NAME_CHARS_TEXT, perm } from './helpers.ts';
import type { PlatformSpec } from './types.ts';

export const pinduoduo: PlatformSpec = {
  id: 'pinduoduo',
  name: { zh: '拼多多', en: 'Pinduoduo' },
  sellerCenterUrl: 'https://mms.pinduoduo.com/',
  loginHosts: ['mms.pinduoduo.com'],
  subAccountPath: {
    zh: '拼多多商家后台 → 店铺管理 → 子账号管理',
    en: 'Merchant backend → Shop management → Sub-accounts',
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
    kind: 'roles',
    roles: [
      { id: 'admin', label: { zh: '管理员', en: 'Administrator' }, permissions: ['*'] },
      {
        id: 'operations',
        label: { zh: '运营', en: 'Operations' },
        permissions: ['order.view', 'goods.manage', 'promo.manage', 'data.view', 'logistics.query'],
      },
      {
        id: 'cs-lead',
        label: { zh: '客服主管', en: 'CS lead' },
        permissions: ['order.view', 'logistics.query', 'cs.chat', 'cs.settings', 'aftersale.handle'],
      },
      {
        id: 'cs',
        label: { zh: '客服', en: 'Customer service' },
        permissions: ['order.view', 'logistics.query', 'cs.chat'],
      },
      {
        id: 'logistics-cs',
        label: { zh: '物流客服', en: 'Logistics CS' },
        permissions: ['order.view', 'logistics.query', 'ship.manage'],
      },
    ],
  },
  categories: categories(
    'orders',
    'products',
    'service',
    'aftersales',
    'logistics',
    'marketing',
    'data',
    'finance',
    'shop',
    'accounts',
  ),
  permissions: [
    perm('order.view', 'orders', '订单查看', 'View orders', 'low'),
    perm('order.edit', 'orders', '订单修改（改价、备注）', 'Edit orders', 'medium'),
    perm('order.export', 'data', '订单导出', 'Export orders', 'high'),
    perm('logistics.query', 'logistics', '物流信息查询', 'Query logistics', 'low'),
    perm('ship.manage', 'logistics', '发货管理', 'Shipping', 'low'),
    perm('goods.manage', 'products', '商品管理', 'Manage products', 'medium'),
    perm('cs.chat', 'service', '客服接待', 'Chat with buyers', 'low'),
    perm('cs.settings', 'service', '客服设置', 'Customer-service settings', 'medium'),
    perm('aftersale.handle', 'aftersales', '售后处理（退款）', 'Handle after-sales (refunds)', 'high'),
    perm('promo.manage', 'marketing', '推广与营销', 'Promotion and marketing', 'medium'),
    perm('data.view', 'data', '数据中心', 'Data center', 'low'),
    perm('finance.account', 'finance', '账户资金', 'Account funds', 'high'),
    perm('shop.settings', 'shop', '店铺设置', 'Shop settings', 'high'),
    perm('account.manage', 'accounts', '子账号管理', 'Manage sub-accounts', 'high'),
  ],
};
