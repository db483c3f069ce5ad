// Sealing a small secret to one member's X25519 key (an ECIES construction from node:crypto parts):
// a fresh ephemeral key per seal, HKDF-SHA256 over the shared secret bound to both public keys, then
// AES-256-GCM with the caller's associated data. Only the holder of the recipient's private key opens it.
import {
  createCipheriv,
  createDecipheriv,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { boxPrivateKey, boxPublicKey, type PrivateIdentity } from './identity.ts';

const INFO = 'shopwarden/sync/box/v1';

function boxKey(shared: Buffer, ephPublic: Buffer, recipientPublic: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephPublic, recipientPublic]), INFO, 32));
}

export function sealTo(recipientBox: string, plaintext: Uint8Array, aad: string): Buffer {
  const eph = generateKeyPairSync('x25519');
  const ephPublic = Buffer.from(eph.publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  const recipientPublic = Buffer.from(recipientBox, 'base64url');
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: boxPublicKey(recipientBox) });
  const key = boxKey(shared, ephPublic, recipientPublic);
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([ephPublic, nonce, body, c.getAuthTag()]);
}

/** Opens a sealed box, or returns null when it was not sealed to this member or was altered. */
export function openSealed(me: PrivateIdentity, sealed: Uint8Array, aad: string): Buffer | null {
  if (sealed.length < 32 + 12 + 16) return null;
  const buf = Buffer.from(sealed);
  const ephPublic = buf.subarray(0, 32);
  const nonce = buf.subarray(32, 44);
  const body = buf.subarray(44, buf.length - 16);
  const tag = buf.subarray(buf.length - 16);
  try {
    const shared = diffieHellman({
      privateKey: boxPrivateKey(me),
      publicKey: boxPublicKey(ephPublic.toString('base64url')),
    });
    const key = boxKey(shared, ephPublic, Buffer.from(me.box, 'base64url'));
    const d = createDecipheriv('aes-256-gcm', key, nonce);
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(tag);
    return Buffer.concat([d.update(body), d.final()]);
  } catch {
    return null;
  }
}
