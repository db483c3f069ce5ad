// Shops, sub-accounts, templates and staff as main persisted them. Loaded once after unlock; after that
// every reply (and every `inventory.changed` event) carries exactly the records that changed and the lists
// are patched in place, so a click at 50,000 sub-accounts moves one row's worth of data, not megabytes.
import { create } from 'zustand';
import type { InventoryChanges } from '../../../shared/contract/changes.ts';
import type {
  PersonView,
  ShopView,
  SubAccountView,
  TemplateView,
} from '../../../shared/contract/inventory-types.ts';
import type { MethodName, RequestOf, ResponseOf } from '../../../shared/contract/methods.ts';
import { onInventoryChanges } from '../bridge/bridge.ts';
import { bridge, useSession } from '../stores/session-store.ts';
import { applyChanges, type SeenSets } from './apply-changes.ts';

interface InventoryState {
  shops: ShopView[];
  subAccounts: SubAccountView[];
  templates: TemplateView[];
  staff: PersonView[];
  loading: boolean;
  loaded: boolean;
  /** While the whole list loads behind the first rows: how many there are in all. */
  partialOf: number | null;
  /** Loads every list unless they are already here (they are kept current by the changes). */
  ensureLoaded(): Promise<void>;
  loadAll(): Promise<void>;
  /** Forgets the lists, e.g. when the vault locks. */
  clear(): void;
  apply(changes: InventoryChanges): void;
  /** Calls main; the reply's changes patch the lists before this resolves. */
  mutate<M extends MethodName>(method: M, req: RequestOf<M>): Promise<ResponseOf<M>>;
  exportSubAccounts(req: RequestOf<'subaccounts.export'>): Promise<ResponseOf<'subaccounts.export'>>;
  /** A sub-account's platform checklist (what to do on the platform), asked of main each time it is shown. */
  checklist(id: string): Promise<ResponseOf<'subaccounts.getChecklist'>>;
}

let loading: Promise<void> | null = null;
const FIRST_ROWS = 100;
const seen: SeenSets = new Map();
/** Changes that arrive while a load is on its way: the load may have been read before them. */
let arrivedWhileLoading: InventoryChanges[] = [];

export const useInventory = create<InventoryState>((set, get) => ({
  shops: [],
  subAccounts: [],
  templates: [],
  staff: [],
  loading: false,
  loaded: false,
  partialOf: null,
  ensureLoaded() {
    return get().loaded ? Promise.resolve() : get().loadAll();
  },
  loadAll() {
    // Screens mounting together share one load instead of each fetching every list.
    loading ??= (async () => {
      set({ loading: true });
      try {
        const b = bridge();
        // At 50,000 sub-accounts the whole list takes a moment: the first rows are asked for first (main
        // answers in order) and shown at once; the whole list follows.
        const first = get().loaded ? null : b.invoke('subaccounts.firstPage', { limit: FIRST_ROWS });
        const small = Promise.all([
          b.invoke('shops.list', { includeArchived: true }),
          b.invoke('templates.list', {}),
          b.invoke('staff.list', {}),
        ]);
        const all = b.invoke('subaccounts.list', {});
        const [shops, templates, staff] = await small;
        const page = await first;
        if (page && page.total > page.items.length && !get().loaded)
          set({ shops, subAccounts: page.items, templates, staff, partialOf: page.total });
        const subAccounts = await all;
        seen.clear();
        set({ shops, subAccounts, templates, staff, loaded: true, partialOf: null });
        // Replayed in order: a set older than the load repeats what the load holds, a newer one moves on.
        const late = arrivedWhileLoading.sort((a, b) => a.seq - b.seq);
        arrivedWhileLoading = [];
        loading = null;
        for (const c of late) get().apply(c);
      } finally {
        set({ loading: false });
        loading = null;
        arrivedWhileLoading = [];
      }
    })();
    return loading;
  },
  clear() {
    seen.clear();
    set({ shops: [], subAccounts: [], templates: [], staff: [], loaded: false, partialOf: null });
  },
  apply(changes) {
    if (loading && !changes.reload) {
      arrivedWhileLoading.push(changes);
      return;
    }
    if (changes.reload) {
      if (get().loaded) void get().loadAll();
      return;
    }
    if (!get().loaded) return;
    set((s) => applyChanges(s, changes, seen));
  },
  mutate(method, req) {
    return bridge().invoke(method, req);
  },
  exportSubAccounts(req) {
    return bridge().invoke('subaccounts.export', req);
  },
  checklist(id) {
    return bridge().invoke('subaccounts.getChecklist', { id });
  },
}));

onInventoryChanges((changes) => useInventory.getState().apply(changes));

// A locked vault shows nothing of its inventory. An unlock starts loading it at once, while the screens
// behind the lock are still being fetched and drawn, instead of after the first screen asks.
useSession.subscribe((s, prev) => {
  const now = s.status?.state === 'unlocked';
  const before = prev.status?.state === 'unlocked';
  if (!now && before) useInventory.getState().clear();
  if (now && !before) void useInventory.getState().ensureLoaded();
});
