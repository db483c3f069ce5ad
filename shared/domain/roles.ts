// Built-in roles, defined once and mapped onto each platform's own permission model. Each mapping is the
// least a person in that role needs; widen per shop with a custom template.
import { platform } from './platforms/catalog.ts';
import type { PlatformId, Text } from './platforms/types.ts';

export type RoleId =
  | 'presales'
  | 'aftersales'
  | 'cs-lead'
  | 'operations'
  | 'design'
  | 'warehouse'
  | 'finance'
  | 'temp-cs';

export const ROLE_IDS: RoleId[] = [
  'presales',
  'aftersales',
  'cs-lead',
  'operations',
  'design',
  'warehouse',
  'finance',
  'temp-cs',
];

export const ROLE_NAMES: Record<RoleId, Text> = {
  presales: { zh: '售前客服', en: 'Pre-sales agent' },
  aftersales: { zh: '售后客服', en: 'After-sales agent' },
  'cs-lead': { zh: '客服主管', en: 'CS lead' },
  operations: { zh: '运营', en: 'Operations' },
  design: { zh: '美工/内容', en: 'Design & content' },
  warehouse: { zh: '仓储发货', en: 'Warehouse & shipping' },
  finance: { zh: '财务', en: 'Finance' },
  'temp-cs': { zh: '临时客服', en: 'Temporary agent' },
};

export interface RoleMapping {
  permissions: string[];
  /** The platform's own role (Pinduoduo) or standard post (Douyin) this maps onto, if it has one. */
  nativeRole?: string;
}

const TAOBAO: Record<RoleId, RoleMapping> = {
  presales: { permissions: ['trade.view', 'item.view', 'cs.chat'] },
  aftersales: { permissions: ['trade.view', 'cs.chat', 'refund.view', 'refund.handle', 'logistics.address'] },
  'cs-lead': {
    permissions: [
      'trade.view',
      'trade.edit',
      'item.view',
      'cs.chat',
      'cs.routing',
      'refund.view',
      'refund.handle',
      'data.report',
    ],
  },
  operations: {
    permissions: [
      'trade.view',
      'item.view',
      'item.edit',
      'marketing.tools',
      'content.decorate',
      'data.report',
    ],
  },
  design: { permissions: ['item.view', 'content.decorate'] },
  warehouse: { permissions: ['trade.view', 'logistics.ship', 'logistics.address'] },
  finance: { permissions: ['trade.view', 'refund.view', 'finance.funds', 'data.report'] },
  'temp-cs': { permissions: ['trade.view', 'item.view', 'cs.chat'] },
};

export const ROLE_MAPPINGS: Record<PlatformId, Record<RoleId, RoleMapping>> = {
  taobao: TAOBAO,
  tmall: TAOBAO,
  pinduoduo: {
    presales: { nativeRole: 'cs', permissions: ['order.view', 'logistics.query', 'cs.chat'] },
    aftersales: {
      nativeRole: 'cs-lead',
      permissions: ['order.view', 'logistics.query', 'cs.chat', 'aftersale.handle'],
    },
    'cs-lead': {
      nativeRole: 'cs-lead',
      permissions: ['order.view', 'logistics.query', 'cs.chat', 'cs.settings', 'aftersale.handle'],
    },
    operations: {
      nativeRole: 'operations',
      permissions: ['order.view', 'goods.manage', 'promo.manage', 'data.view', 'logistics.query'],
    },
    design: { nativeRole: 'operations', permissions: ['goods.manage'] },
    warehouse: { nativeRole: 'logistics-cs', permissions: ['order.view', 'logistics.query', 'ship.manage'] },
    finance: { nativeRole: 'admin', permissions: ['order.view', 'finance.account', 'data.view'] },
    'temp-cs': { nativeRole: 'cs', permissions: ['order.view', 'logistics.query', 'cs.chat'] },
  },
  jd: {
    presales: { permissions: ['order.view', 'jm.chat', 'jm.order'] },
    aftersales: { permissions: ['jm.chat', 'jm.order', 'jm.aftersale', 'aftersale.refund'] },
    'cs-lead': {
      permissions: ['order.view', 'data.view', 'aftersale.refund', 'jm.chat', 'jm.order', 'jm.aftersale'],
    },
    operations: { permissions: ['order.view', 'product.manage', 'promo.manage', 'data.view'] },
    design: { permissions: ['product.manage'] },
    warehouse: { permissions: ['order.view', 'jm.order', 'jm.ship'] },
    finance: { permissions: ['order.view', 'finance.settle', 'data.view'] },
    'temp-cs': { permissions: ['jm.chat', 'jm.order'] },
  },
  douyin: {
    presales: { nativeRole: 'cs', permissions: ['order.view', 'feige.chat'] },
    aftersales: { nativeRole: 'aftersales', permissions: ['order.view', 'feige.chat', 'aftersale.refund'] },
    'cs-lead': {
      nativeRole: 'cs',
      permissions: ['order.view', 'feige.chat', 'feige.settings', 'aftersale.refund', 'data.compass'],
    },
    operations: {
      nativeRole: 'operations',
      permissions: ['order.view', 'goods.manage', 'marketing.manage', 'content.live', 'data.compass'],
    },
    design: { nativeRole: 'design', permissions: ['goods.manage', 'content.live'] },
    warehouse: { nativeRole: 'warehouse', permissions: ['order.view', 'logistics.ship'] },
    finance: { nativeRole: 'finance', permissions: ['order.view', 'finance.funds', 'data.compass'] },
    'temp-cs': { nativeRole: 'cs', permissions: ['order.view', 'feige.chat'] },
  },
  amazon: {
    presales: { permissions: ['messages:edit', 'orders:view'] },
    aftersales: { permissions: ['messages:edit', 'orders:view', 'returns:edit'] },
    'cs-lead': { permissions: ['messages:edit', 'orders:edit', 'returns:edit', 'reports:view'] },
    operations: { permissions: ['orders:view', 'inventory:edit', 'advertising:edit', 'reports:view'] },
    design: { permissions: ['inventory:edit'] },
    warehouse: { permissions: ['orders:view', 'fulfillment:edit'] },
    finance: { permissions: ['orders:view', 'payments:view', 'reports:view'] },
    'temp-cs': { permissions: ['messages:edit', 'orders:view'] },
  },
};

/** A role's exact permission set on a platform, normalised (sorted, known ids only). */
export function rolePermissions(platformId: PlatformId, role: RoleId): string[] {
  return normalizePermissions(platformId, ROLE_MAPPINGS[platformId][role].permissions);
}

/**
 * Sorted, de-duplicated, only ids the platform knows; for Amazon a tool's View & Edit replaces its View,
 * since the platform stores one level per tool.
 */
export function normalizePermissions(platformId: PlatformId, ids: readonly string[]): string[] {
  const spec = platform(platformId);
  const known = new Set(spec.permissions.map((p) => p.id));
  const set = new Set(ids.filter((id) => known.has(id)));
  if (spec.model.kind === 'tool-levels') {
    for (const id of [...set]) {
      const [tool, level] = id.split(':');
      if (level === 'edit') set.delete(`${tool}:view`);
    }
  }
  return [...set].sort();
}
