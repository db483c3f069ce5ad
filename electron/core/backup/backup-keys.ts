// Who can open a backup, decided without the data key at the time it is made. Each vault has a backup key
// pair (X25519): the public half is kept in clear so a backup can be made while the app is locked; the
// private half is sealed with the data key. A backup's content key is wrapped to the public half, and the
// backup's header carries the private half sealed with the data key plus the data key's own wrappings
// from vault.json at that moment. So a backup opens with the master password current when it was made,
// or with the recovery kit, or with a custom backup password, and no later password change, kit reset or
// restore has to rewrite any backup file.
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { z } from 'zod';
import { openBytes, seal } from '../crypto/aead.ts';

const PRIVATE_AAD = 'shopwarden/backup/v2/private-key';
const CONTENT_AAD = 'shopwarden/backup/v2/content-key';
const CUSTOM_AAD = 'shopwarden/backup/v2/custom-password';

export const recipientSchema = z.strictObject({
  /** X25519 public key, raw 32 bytes, base64url. */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** The private key (PKCS#8 DER) sealed with the data key. */
  sealedPrivate: z.string().min(10).max(500),
  /** Names this vault (an HMAC of the data key): tells a backup of another vault apart. */
  vault: z.string().regex(/^[0-9a-f]{16}$/),
});
export type Recipient = z.infer<typeof recipientSchema>;

/** The data key's fingerprint: the same for a vault's whole life, since password changes only re-wrap it. */
export const vaultFingerprint = (dataKey: Buffer) =>
  createHmac('sha256', dataKey).update('shopwarden/vault-id/v1').digest('hex').slice(0, 16);

export function newRecipient(dataKey: Buffer): Recipient {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const raw = publicKey.export({ format: 'jwk' }).x as string;
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return { publicKey: raw, sealedPrivate: seal(dataKey, der, PRIVATE_AAD), vault: vaultFingerprint(dataKey) };
}

/** The private key, opened with the data key; null when it was sealed by another vault's key. */
export function openRecipient(dataKey: Buffer, sealedPrivate: string): KeyObject | null {
  try {
    return createPrivateKey({
      key: openBytes(dataKey, sealedPrivate, PRIVATE_AAD),
      format: 'der',
      type: 'pkcs8',
    });
  } catch {
    return null;
  }
}

/** The private key sealed under a custom backup password's key (the key comes from scrypt). */
export function sealPrivateForCustom(kek: Buffer, dataKey: Buffer, sealedPrivate: string): string {
  return seal(kek, openBytes(dataKey, sealedPrivate, PRIVATE_AAD), CUSTOM_AAD);
}

export function openCustom(kek: Buffer, sealed: string): KeyObject | null {
  try {
    return createPrivateKey({ key: openBytes(kek, sealed, CUSTOM_AAD), format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  }
}

const publicFromRaw = (raw: string) =>
  createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw }, format: 'jwk' });

function kekFor(shared: Buffer, epk: string, recipient: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${epk}|${recipient}`), CONTENT_AAD, 32));
}

/** A fresh content key and its wrapping to the recipient's public key. */
export function newContentKey(recipientPublic: string): { key: Buffer; epk: string; wrapped: string } {
  const eph = generateKeyPairSync('x25519');
  const epk = eph.publicKey.export({ format: 'jwk' }).x as string;
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicFromRaw(recipientPublic) });
  const key = randomBytes(32);
  const kek = kekFor(shared, epk, recipientPublic);
  const wrapped = seal(kek, key, CONTENT_AAD);
  kek.fill(0);
  return { key, epk, wrapped };
}

/** The content key, with the recipient's private key; null when it does not open. */
export function openContentKey(
  priv: KeyObject,
  recipientPublic: string,
  epk: string,
  wrapped: string,
): Buffer | null {
  try {
    const shared = diffieHellman({ privateKey: priv, publicKey: publicFromRaw(epk) });
    const kek = kekFor(shared, epk, recipientPublic);
    try {
      return openBytes(kek, wrapped, CONTENT_AAD);
    } finally {
      kek.fill(0);
    }
  } catch {
    return null;
  }
}
