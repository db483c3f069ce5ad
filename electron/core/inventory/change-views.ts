// Turns the ids a ChangeLog collected into the views the renderer patches its lists with. Only what
// changed is built: one edit at 50,000 sub-accounts sends one row and its shop, not every list.
import type { InventoryChanges } from '../../../shared/contract/changes.ts';
import type { ChangedIds } from './change-log.ts';
import type { InventoryStore } from './inventory-store.ts';
import type { StaffService } from './staff-service.ts';
import type { SubAccountService } from './subaccount-service.ts';
import type { TemplateService } from './template-service.ts';
import { shopView } from './views.ts';

export function changeViews(
  seq: number,
  ids: ChangedIds,
  s: {
    store: InventoryStore;
    subAccounts: SubAccountService;
    staff: StaffService;
    templates: TemplateService;
  },
): InventoryChanges | null {
  if (ids.everything) return { ...none(seq), reload: true };
  const nothing =
    ids.shops.size +
      ids.subAccounts.size +
      ids.removedSubAccounts.size +
      ids.staff.size +
      ids.removedStaff.size +
      ids.templates.size +
      ids.removedTemplates.size ===
    0;
  if (nothing) return null;

  const subIds = new Set(ids.subAccounts);
  // A person's or template's name shows on the rows pointing at it.
  if (ids.staffRecords.size > 0 || ids.templateRecords.size > 0)
    for (const doc of s.store.shops())
      for (const sub of Object.values(doc.subAccounts))
        if (
          (sub.staffId && ids.staffRecords.has(sub.staffId)) ||
          (sub.templateId && ids.templateRecords.has(sub.templateId))
        )
          subIds.add(sub.id);

  const shops = [];
  for (const id of ids.shops) {
    const doc = s.store.shopStore(id)?.get();
    if (doc) shops.push(shopView(doc));
  }
  const subAccounts = [];
  for (const id of subIds) {
    if (ids.removedSubAccounts.has(id)) continue;
    try {
      subAccounts.push(s.subAccounts.get(id));
    } catch {
      // Written and removed again within the same call: the removal is what the renderer needs.
    }
  }
  const staff = ids.staff.size > 0 ? s.staff.list().filter((p) => ids.staff.has(p.id)) : [];
  const templates = ids.templates.size > 0 ? s.templates.list().filter((t) => ids.templates.has(t.id)) : [];
  return {
    seq,
    shops,
    subAccounts,
    removedSubAccounts: [...ids.removedSubAccounts],
    staff,
    removedStaff: [...ids.removedStaff],
    templates,
    removedTemplates: [...ids.removedTemplates],
    reload: false,
  };
}

function none(seq: number): InventoryChanges {
  return {
    seq,
    shops: [],
    subAccounts: [],
    removedSubAccounts: [],
    staff: [],
    removedStaff: [],
    templates: [],
    removedTemplates: [],
    reload: false,
  };
}
