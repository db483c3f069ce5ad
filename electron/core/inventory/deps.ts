import type { KernelDeps } from '../kernel/deps.ts';
import type { InventoryStore } from './inventory-store.ts';

/** The kernel plus the inventory store: what the inventory's own services work on. */
export interface InventoryDeps extends KernelDeps {
  store: InventoryStore;
}

/** The one read other areas need from the inventory: a shop's document by id (throws NOT_FOUND). */
export type ShopReader = Pick<InventoryStore, 'shop'>;
