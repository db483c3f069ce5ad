// Contract handlers for shops, templates, sub-accounts and staff: thin, each a call into a service.
import type { Handlers } from '../dispatch.ts';
import type { ExternalOpener } from '../ports.ts';
import type { Vault } from '../vault/vault.ts';
import type { InventoryDeps } from './deps.ts';
import { exportStaff, exportSubAccounts } from './exporters.ts';
import { passwordReader } from './secret-export.ts';
import type { ShopService } from './shop-service.ts';
import type { StaffImport } from './staff-import.ts';
import type { StaffService } from './staff-service.ts';
import type { SubAccountService } from './subaccount-service.ts';
import type { TemplateService } from './template-service.ts';

type InventoryMethods = Extract<
  keyof Handlers,
  `shops.${string}` | `templates.${string}` | `subaccounts.${string}` | `staff.${string}`
>;

export function inventoryHandlers(s: {
  deps: InventoryDeps;
  vault: Vault;
  opener: ExternalOpener;
  shops: ShopService;
  templates: TemplateService;
  subAccounts: SubAccountService;
  staff: StaffService;
  staffImport: StaffImport;
  safetyBackup: (reason: 'before-import') => string | null;
}): Pick<Handlers, InventoryMethods> {
  return {
    'shops.list': (r) => s.shops.list(r.includeArchived),
    'shops.create': (r) => s.shops.create(r),
    'shops.update': ({ id, ...patch }) => s.shops.update(id, patch),
    'shops.setArchived': (r) => s.shops.setArchived(r.id, r.archived),
    'shops.openSellerCenter': async (r) => {
      const url = s.shops.sellerCenterUrl(r.id);
      await s.opener.open(url);
      return { url };
    },
    'templates.list': (r) => s.templates.list(r.platform),
    'templates.create': (r) => s.templates.create(r),
    'templates.update': ({ id, ...patch }) => s.templates.update(id, patch),
    'templates.delete': (r) => s.templates.delete(r.id, r.reassignTo),
    'subaccounts.list': (r) => s.subAccounts.list(r.shopId),
    'subaccounts.firstPage': (r) => s.subAccounts.firstPage(r.limit),
    'subaccounts.create': (r) => s.subAccounts.create(r),
    'subaccounts.configure': ({ id, ...choice }) => s.subAccounts.configure(id, choice),
    'subaccounts.changePassword': ({ id, ...input }) => s.subAccounts.changePassword(id, input),
    'subaccounts.rename': (r) => s.subAccounts.rename(r.id, r.nickname),
    'subaccounts.setStatus': (r) => s.subAccounts.setStatus(r.ids, r.status),
    'subaccounts.delete': (r) => s.subAccounts.delete(r.ids),
    'subaccounts.bulkSetTemplate': (r) =>
      s.subAccounts.bulkSetTemplate(r.ids, r.templateId, r.confirmHighRisk),
    'subaccounts.bindStaff': (r) => s.subAccounts.bindStaff(r.id, r.staffId),
    'subaccounts.markSynced': (r) => s.subAccounts.markSynced(r.id),
    'subaccounts.bulkMarkSynced': (r) => s.subAccounts.markSyncedMany(r.ids),
    'subaccounts.getChecklist': (r) => s.subAccounts.checklist(r.id),
    'subaccounts.export': async (r) => {
      const subs = s.subAccounts.list(r.shopId);
      const password = await passwordReader(s.vault, s.deps, r);
      const file = await exportSubAccounts(subs, {
        format: r.format,
        now: s.deps.clock.now(),
        ...(password ? { password } : {}),
      });
      s.deps.audit.append({
        action: 'subaccounts.exported',
        object: r.shopId ? `shop/${r.shopId}` : 'subaccounts',
        summary: `${file.fileName}, ${file.rowCount} 行${r.includeSecrets ? '，含密码 / with passwords' : ''}`,
      });
      return file;
    },
    'staff.list': () => s.staff.list(),
    'staff.create': (r) => s.staff.create(r),
    'staff.update': ({ id, ...patch }) => s.staff.update(id, patch),
    'staff.setStatus': (r) => s.staff.setStatus(r.id, r.status),
    'staff.previewImport': (r) => s.staffImport.preview(r.fileName, r.contentBase64),
    'staff.commitImport': (r) =>
      s.staffImport.commit(r.token, r.skipInvalid, () => s.safetyBackup('before-import')),
    'staff.export': async (r) => {
      const file = await exportStaff(s.staff.list(), { format: r.format, now: s.deps.clock.now() });
      s.deps.audit.append({
        action: 'staff.exported',
        object: 'staff',
        summary: `${file.fileName}, ${file.rowCount} 行`,
      });
      return file;
    },
  };
}
