// AES-256-GCM for every secret field. A fresh 96-bit nonce per seal; the record id and field name are
// bound in as associated data, so a ciphertext copied onto another record or field fails to open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class AuthenticationError extends Error {
  constructor() {
    super('ciphertext failed authentication');
    this.name = 'AuthenticationError';
  }
}

export function seal(key: Buffer, plaintext: string | Buffer, aad: string): string {
  if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${VERSION}.${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url')}`;
}

export function openBytes(key: Buffer, sealed: string, aad: string): Buffer {
  const [version, payload, extra] = sealed.split('.');
  if (version !== VERSION || payload === undefined || extra !== undefined) throw new AuthenticationError();
  const raw = Buffer.from(payload, 'base64url');
  if (raw.length < NONCE_BYTES + TAG_BYTES) throw new AuthenticationError();
  const nonce = raw.subarray(0, NONCE_BYTES);
  const tag = raw.subarray(raw.length - TAG_BYTES);
  const body = raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new AuthenticationError();
  }
}

export function open(key: Buffer, sealed: string, aad: string): string {
  return openBytes(key, sealed, aad).toString('utf8');
}

/** Associated data for a secret field: which record and which field it belongs to. */
export const fieldAad = (collection: string, recordId: string, field: string) =>
  `shopwarden/field/${collection}/${recordId}/${field}`;
