// Scope keys: one random AES-256 key per scope and epoch. A removal starts a new epoch, so what is written
// afterwards is under a key the removed member never had. The key id names a key on the remote without
// naming its scope (it is derived from the key itself), so storage learns nothing about which shop a
// segment belongs to.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface ScopeKey {
  readonly scope: string;
  readonly epoch: number;
  /** 32 bytes, base64url. */
  readonly key: string;
}

export const newScopeKey = (scope: string, epoch: number): ScopeKey => ({
  scope,
  epoch,
  key: randomBytes(32).toString('base64url'),
});

export const keyId = (k: ScopeKey) =>
  createHmac('sha256', Buffer.from(k.key, 'base64url'))
    .update('shopwarden/sync/key-id')
    .digest('hex')
    .slice(0, 16);

export function sealWith(k: ScopeKey, plaintext: Uint8Array, aad: string): { nonce: Buffer; body: Buffer } {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', Buffer.from(k.key, 'base64url'), nonce);
  c.setAAD(Buffer.from(aad, 'utf8'));
  return { nonce, body: Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]) };
}

export function openWith(k: ScopeKey, nonce: Uint8Array, body: Uint8Array, aad: string): Buffer | null {
  if (body.length < 16 || nonce.length !== 12) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', Buffer.from(k.key, 'base64url'), nonce);
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]);
  } catch {
    return null;
  }
}

/** The newest epoch of each scope: what a writer seals with. */
export function latestKeys(keys: Iterable<ScopeKey>): Map<string, ScopeKey> {
  const out = new Map<string, ScopeKey>();
  for (const k of keys) {
    const cur = out.get(k.scope);
    if (!cur || k.epoch > cur.epoch) out.set(k.scope, k);
  }
  return out;
}
