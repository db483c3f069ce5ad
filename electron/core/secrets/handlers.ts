// Contract handlers for the explicit reveal and the clipboard copies of secrets (each audited).
import type { Handlers } from '../dispatch.ts';
import type { InventoryStore } from '../inventory/inventory-store.ts';
import type { SecretAccess } from './secret-access.ts';

type Methods = Extract<keyof Handlers, `secrets.${string}`>;

export function secretHandlers(
  secrets: SecretAccess,
  store: Pick<InventoryStore, 'findSubAccount'>,
): Pick<Handlers, Methods> {
  return {
    'secrets.reveal': (r) => secrets.reveal(r.ref),
    'secrets.copy': (r) => secrets.copy(r.ref),
    // What is typed on the platform: the nickname (Taobao-style names are 主账号:昵称 and the 主账号 part is
    // already there), the e-mail on Amazon.
    'secrets.copyAccountName': (r) => secrets.copyText(store.findSubAccount(r.subAccountId).sub.nickname),
  };
}
