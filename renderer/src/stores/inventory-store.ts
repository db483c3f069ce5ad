// Shops, sub-accounts, templates and staff as last loaded from main. Every change goes to main and the
// affected lists are reloaded, so the screen always shows what main persisted.
import { create } from 'zustand';
import type {
  PersonView,
  ShopView,
  SubAccountView,
  TemplateView,
} from '../../../shared/contract/inventory-types.ts';
import type { MethodName, RequestOf, ResponseOf } from '../../../shared/contract/methods.ts';
import { bridge } from './session-store.ts';

interface InventoryState {
  shops: ShopView[];
  subAccounts: SubAccountView[];
  templates: TemplateView[];
  staff: PersonView[];
  loading: boolean;
  loaded: boolean;
  loadAll(): Promise<void>;
  /** Calls main, then reloads the lists the change can affect. */
  mutate<M extends MethodName>(method: M, req: RequestOf<M>): Promise<ResponseOf<M>>;
}

export const useInventory = create<InventoryState>((set, get) => ({
  shops: [],
  subAccounts: [],
  templates: [],
  staff: [],
  loading: false,
  loaded: false,
  async loadAll() {
    set({ loading: true });
    try {
      const b = bridge();
      const [shops, subAccounts, templates, staff] = await Promise.all([
        b.invoke('shops.list', { includeArchived: true }),
        b.invoke('subaccounts.list', {}),
        b.invoke('templates.list', {}),
        b.invoke('staff.list', {}),
      ]);
      set({ shops, subAccounts, templates, staff, loaded: true });
    } finally {
      set({ loading: false });
    }
  },
  async mutate(method, req) {
    const result = await bridge().invoke(method, req);
    await get().loadAll();
    return result;
  },
}));
