// Patches the renderer's lists with what a call changed (a reply's or an event's `changes`). Unchanged
// records keep their object identity, so memoised rows of a 50,000-row table skip all but the changed
// ones. The same set may arrive twice (reply and event) and sets may cross in flight: each record is
// taken only from a set newer than the last one that touched it.
import type { InventoryChanges } from '../../../shared/contract/changes.ts';
import type {
  PersonView,
  ShopView,
  SubAccountView,
  TemplateView,
} from '../../../shared/contract/inventory-types.ts';

export interface InventoryLists {
  shops: ShopView[];
  subAccounts: SubAccountView[];
  templates: TemplateView[];
  staff: PersonView[];
}

/** The newest change set seen per record (`kind:id`), kept beside the lists. */
export type SeenSets = Map<string, number>;

export function applyChanges(lists: InventoryLists, c: InventoryChanges, seen: SeenSets): InventoryLists {
  return {
    shops: patch('shop', lists.shops, c.shops, [], c.seq, seen),
    subAccounts: patch('sub', lists.subAccounts, c.subAccounts, c.removedSubAccounts, c.seq, seen),
    templates: patch('template', lists.templates, c.templates, c.removedTemplates, c.seq, seen),
    staff: patch('person', lists.staff, c.staff, c.removedStaff, c.seq, seen),
  };
}

/** Replaces changed records in place, drops removed ones, appends new ones; the same array if untouched. */
function patch<T extends { id: string }>(
  kind: string,
  list: T[],
  changed: T[],
  removed: string[],
  seq: number,
  seen: SeenSets,
): T[] {
  const fresh = (id: string) => {
    const key = `${kind}:${id}`;
    if ((seen.get(key) ?? 0) >= seq) return false;
    seen.set(key, seq);
    return true;
  };
  const byId = new Map<string, T>();
  for (const r of changed) if (fresh(r.id)) byId.set(r.id, r);
  const gone = new Set(removed.filter(fresh));
  if (byId.size === 0 && gone.size === 0) return list;
  const out: T[] = [];
  for (const r of list) {
    if (gone.has(r.id)) continue;
    const next = byId.get(r.id);
    if (next) byId.delete(r.id);
    out.push(next ?? r);
  }
  for (const r of byId.values()) out.push(r);
  return out;
}
