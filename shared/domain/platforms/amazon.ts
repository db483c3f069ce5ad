// Amazon Seller Central (Settings → User Permissions): users are invited by e-mail; each tool is
// None / View / View & Edit, all None at first; View & Edit on User Permissions makes an admin.
import { categories, perm } from './helpers.ts';
import type { PermissionDef, PlatformSpec } from './types.ts';

const tool = (
  id: string,
  category: string,
  zh: string,
  en: string,
  viewRisk: 'low' | 'medium' | 'high',
  editRisk: 'low' | 'medium' | 'high',
): PermissionDef[] => [
  perm(`${id}:view`, category, `${zh}（查看）`, `${en} (View)`, viewRisk, { tool: id, level: 'view' }),
  perm(`${id}:edit`, category, `${zh}（查看和编辑）`, `${en} (View & Edit)`, editRisk, {
    tool: id,
    level: 'edit',
  }),
];

export const amazon: PlatformSpec = {
  id: 'amazon',
  name: { zh: '亚马逊', en: 'Amazon' },
  sellerCenterUrl: 'https://sellercentral.amazon.com/',
  loginHosts: [
    'sellercentral.amazon.com',
    'sellercentral.amazon.co.uk',
    'sellercentral.amazon.co.jp',
    'sellercentral-europe.amazon.com',
    'sellercentral-japan.amazon.com',
    'sellercentral.amazon.de',
  ],
  subAccountPath: { zh: '卖家平台 → 设置 → 用户权限', en: 'Seller Central → Settings → User Permissions' },
  name_rule: {
    composedWithMain: false,
    maxLength: 64,
    cjkWeight: 1,
    allowed: /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/,
    allowedText: { zh: '被邀请用户的电子邮箱', en: "the invited user's e-mail address" },
    notAllDigits: false,
    immutable: true,
  },
  password: { minLength: 8, maxLength: 64, requireUpper: true, requireLower: true, requireDigit: true },
  verification: 'configurable',
  phonePerSubAccount: false,
  invitesByEmail: true,
  holderLimits: {},
  model: { kind: 'tool-levels' },
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
    ...tool('orders', 'orders', '管理订单', 'Manage Orders', 'low', 'medium'),
    ...tool('inventory', 'products', '管理库存', 'Manage Inventory', 'low', 'medium'),
    ...tool('messages', 'service', '买家消息', 'Buyer-Seller Messages', 'low', 'low'),
    ...tool('returns', 'aftersales', '管理退货', 'Manage Returns', 'low', 'high'),
    ...tool('fulfillment', 'logistics', '配送与物流', 'Shipping & Fulfillment', 'low', 'medium'),
    ...tool('advertising', 'marketing', '广告', 'Advertising', 'low', 'medium'),
    ...tool('reports', 'data', '报告（含下载）', 'Reports (incl. downloads)', 'high', 'high'),
    ...tool('payments', 'finance', '付款', 'Payments', 'high', 'high'),
    ...tool('settings', 'shop', '账户设置', 'Account Settings', 'high', 'high'),
    ...tool('users', 'accounts', '用户权限', 'User Permissions', 'high', 'high'),
  ],
};
