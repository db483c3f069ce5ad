// JD (京东商家后台 and 京麦): roles must exist before staff; 商家后台 and 京麦 permissions are set separately;
// order export may go to at most 3 sub-accounts.
import { categories, perm } from './helpers.ts';
import type { PlatformSpec } from './types.ts';

export const jd: PlatformSpec = {
  id: 'jd',
  name: { zh: '京东', en: 'JD' },
  sellerCenterUrl: 'https://shop.jd.com/',
  loginHosts: ['shop.jd.com', 'passport.shop.jd.com', 'passport.jd.com', 'sz.jd.com'],
  subAccountPath: {
    zh: '京东商家后台 → 账号管理 → 员工/角色管理',
    en: 'JD merchant backend → Accounts → Staff/Roles',
  },
  name_rule: {
    composedWithMain: false,
    maxLength: 20,
    cjkWeight: 1,
    allowed: /^[A-Za-z0-9_-]+$/,
    allowedText: { zh: '字母、数字、下划线或连字符', en: 'letters, digits, _ or -' },
    notAllDigits: true,
    immutable: false,
  },
  password: { minLength: 6, maxLength: 20, requireUpper: false, requireLower: false, requireDigit: false },
  verification: 'configurable',
  phonePerSubAccount: false,
  holderLimits: { 'order.export': 3 },
  model: {
    kind: 'dual-roles',
    surfaces: { backend: { zh: '商家后台', en: 'Merchant backend' }, jingmai: { zh: '京麦', en: 'Jingmai' } },
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
    perm('order.view', 'orders', '订单查询', 'View orders', 'low', { surface: 'backend' }),
    perm(
      'order.export',
      'data',
      '订单导出（最多 3 个子账号）',
      'Export orders (max 3 sub-accounts)',
      'high',
      { surface: 'backend' },
    ),
    perm('product.manage', 'products', '商品管理', 'Manage products', 'medium', { surface: 'backend' }),
    perm('promo.manage', 'marketing', '营销中心', 'Marketing center', 'medium', { surface: 'backend' }),
    perm('aftersale.refund', 'aftersales', '售后退款审核', 'Approve refunds', 'high', { surface: 'backend' }),
    perm('data.view', 'data', '商智数据', 'Business data', 'low', { surface: 'backend' }),
    perm('finance.settle', 'finance', '结算与资金', 'Settlement and funds', 'high', { surface: 'backend' }),
    perm('shop.settings', 'shop', '店铺管理', 'Shop settings', 'high', { surface: 'backend' }),
    perm('account.manage', 'accounts', '账号与角色管理', 'Accounts and roles', 'high', {
      surface: 'backend',
    }),
    perm('jm.chat', 'service', '咚咚接待', 'Dongdong chat', 'low', { surface: 'jingmai' }),
    perm('jm.order', 'orders', '京麦订单查看', 'Orders in Jingmai', 'low', { surface: 'jingmai' }),
    perm('jm.aftersale', 'aftersales', '京麦售后处理', 'After-sales in Jingmai', 'medium', {
      surface: 'jingmai',
    }),
    perm('jm.ship', 'logistics', '京麦发货', 'Shipping in Jingmai', 'low', { surface: 'jingmai' }),
  ],
};
