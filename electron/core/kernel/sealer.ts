// Seals and opens the secret fields of inventory records with the vault's data key. The associated data
// names the collection, record and field, so a ciphertext moved anywhere else fails to open.
import { createHmac, hkdfSync } from 'node:crypto';
import { fieldAad } from '../crypto/aead.ts';
import type { Vault } from '../vault/vault.ts';

export class Sealer {
  constructor(private readonly vault: Vault) {}

  seal(collection: string, recordId: string, field: string, value: string): string {
    return this.vault.sealWithKey(value, fieldAad(collection, recordId, field));
  }

  open(collection: string, recordId: string, field: string, sealed: string): string {
    return this.vault.openWithKey(sealed, fieldAad(collection, recordId, field));
  }

  /** A keyed hash for uniqueness checks (ID numbers); the key is derived from the data key, never stored. */
  keyedHash(purpose: string, value: string): string {
    const key = Buffer.from(
      hkdfSync('sha256', this.vault.dataKey(), Buffer.alloc(0), `shopwarden/${purpose}`, 32),
    );
    return createHmac('sha256', key).update(value).digest('hex');
  }
}

export const shopCollection = (shopId: string) => `shop-${shopId}`;
export const STAFF_COLLECTION = 'staff';
