// What a call (or a change made outside one, e.g. a phone registering its person) changed in the
// inventory, as the views the renderer shows. The renderer patches its lists with these instead of
// reloading them. Every set goes out as an `inventory.changed` event to every window, and the reply of
// the call that made it carries it too (so the caller's screen holds it before the call resolves);
// `reload` asks for a full reload where the reach of a change is not tracked per record.
import type { PersonView, ShopView, SubAccountView, TemplateView } from './inventory-types.ts';

export interface InventoryChanges {
  /**
   * Increases with every change set the core hands out. A record is patched only from a set newer than
   * the last one that touched it, so a set arriving late (an event after a later reply) changes nothing.
   */
  seq: number;
  shops: ShopView[];
  subAccounts: SubAccountView[];
  removedSubAccounts: string[];
  staff: PersonView[];
  removedStaff: string[];
  templates: TemplateView[];
  removedTemplates: string[];
  reload: boolean;
}
