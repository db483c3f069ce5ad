// Passwords leave the vault in a file only after the master password is typed again.
import { AppError } from '../../../shared/contract/errors.ts';
import { shopCollection } from '../kernel/sealer.ts';
import type { Vault } from '../vault/vault.ts';
import type { InventoryDeps } from './deps.ts';

export async function passwordReader(
  vault: Vault,
  d: InventoryDeps,
  request: { includeSecrets: boolean; masterPassword?: string | undefined },
): Promise<((subAccountId: string) => string | null) | undefined> {
  if (!request.includeSecrets) return undefined;
  if (!request.masterPassword || !(await vault.verifyPassword(request.masterPassword))) {
    throw new AppError('WRONG_PASSWORD', { fields: { masterPassword: 'wrong_password' } });
  }
  return (id) => {
    const { doc, sub } = d.store.findSubAccount(id);
    const sealed = sub.secrets.password;
    return sealed ? d.sealer.open(shopCollection(doc.shop.id), id, 'password', sealed) : null;
  };
}
