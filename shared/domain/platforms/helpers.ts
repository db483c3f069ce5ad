import type { CategoryDef, PermissionDef, Risk } from './types.ts';

export const perm = (
  id: string,
  category: string,
  zh: string,
  en: string,
  risk: Risk,
  extra: Partial<PermissionDef> = {},
): PermissionDef => ({
  id,
  category,
  label: { zh, en },
  risk,
  ...extra,
});

export const CATEGORIES: Record<string, CategoryDef> = {
  orders: { id: 'orders', label: { zh: '交易订单', en: 'Orders' } },
  products: { id: 'products', label: { zh: '商品', en: 'Products' } },
  service: { id: 'service', label: { zh: '客服接待', en: 'Customer service' } },
  aftersales: { id: 'aftersales', label: { zh: '售后退款', en: 'After-sales & refunds' } },
  logistics: { id: 'logistics', label: { zh: '物流发货', en: 'Logistics' } },
  marketing: { id: 'marketing', label: { zh: '营销推广', en: 'Marketing' } },
  content: { id: 'content', label: { zh: '内容装修', en: 'Content & design' } },
  data: { id: 'data', label: { zh: '数据', en: 'Data' } },
  finance: { id: 'finance', label: { zh: '资金财务', en: 'Funds & finance' } },
  shop: { id: 'shop', label: { zh: '店铺设置', en: 'Shop settings' } },
  accounts: { id: 'accounts', label: { zh: '子账号管理', en: 'Sub-account management' } },
};

export const categories = (...ids: string[]): CategoryDef[] => ids.map((id) => CATEGORIES[id]!);

/** CJK letters, Latin letters, digits, underscore and hyphen. */
export const NAME_CHARS = /^[\u4e00-\u9fffA-Za-z0-9_-]+$/;
export const NAME_CHARS_TEXT = {
  zh: '中文、字母、数字、下划线或连字符',
  en: 'Chinese characters, letters, digits, _ or -',
};
