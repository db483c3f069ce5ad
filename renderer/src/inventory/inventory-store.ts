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
  /** Loads every list unless they are already here (they are kept current by the changes). */
  ensureLoaded(): Promise<void>;
  loadAll(): Promise<void>;
  /** Forgets the lists, e.g. when the vault locks. */
  clear(): void;
  apply(changes: InventoryChanges): void;
  /** Calls main; the reply's changes patch the lists before this resolves. */
  mutate<M extends MethodName>(method: M, req: RequestOf<M>): Promise<ResponseOf<M>>;
  exportSubAccounts(req: RequestOf<'subaccounts.export'>): Promise<ResponseOf<'subaccounts.export'>>;
}

let loading: Promise<void> | null = null;
const seen: SeenSets = new Map();

export const useInventory = create<InventoryState>((set, get) => ({
  shops: [],
  subAccounts: [],
  templates: [],
  staff: [],
  loading: false,
  loaded: false,
  ensureLoaded() {
    return get().loaded ? Promise.resolve() : get().loadAll();
  },
  loadAll() {
    // Screens mounting together share one load instead of each fetching every list.
    loading ??= (async () => {
      set({ loading: true });
      try {
        const b = bridge();
        const [shops, subAccounts, templates, staff] = await Promise.all([
          b.invoke('shops.list', { includeArchived: true }),
          b.invoke('subaccounts.list', {}),
          b.invoke('templates.list', {}),
          b.invoke('staff.list', {}),
        ]);
        seen.clear();
        set({ shops, subAccounts, templates, staff, loaded: true });
      } finally {
        set({ loading: false });
        loading = null;
      }
    })();
    return loading;
  },
  clear() {
    seen.clear();
    set({ shops: [], subAccounts: [], templates: [], staff: [], loaded: false });
  },
  apply(changes) {
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
}));

onInventoryChanges((changes) => useInventory.getState().apply(changes));

// A locked vault shows nothing of its inventory; the next unlock loads it afresh.
useSession.subscribe((s, prev) => {
  if (s.status?.state !== 'unlocked' && prev.status?.state === 'unlocked') useInventory.getState().clear();
});
