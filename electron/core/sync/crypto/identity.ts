// A member's keys: Ed25519 to sign what they write, X25519 to receive scope keys sealed to them. Made on the
// member's own machine; the private halves never leave it (they are kept sealed in that member's vault).
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';

export interface PublicIdentity {
  /** 32 hex digits derived from the signing key: names the member's files and stamps. */
  readonly id: string;
  /** Ed25519 public key, base64url (32 bytes). */
  readonly sign: string;
  /** X25519 public key, base64url (32 bytes). */
  readonly box: string;
}

export interface PrivateIdentity extends PublicIdentity {
  readonly signPrivate: string;
  readonly boxPrivate: string;
}

export const memberIdOf = (signPublic: string) =>
  createHash('sha256').update(Buffer.from(signPublic, 'base64url')).digest('hex').slice(0, 32);

export function createIdentity(): PrivateIdentity {
  const s = generateKeyPairSync('ed25519');
  const b = generateKeyPairSync('x25519');
  const sj = s.privateKey.export({ format: 'jwk' });
  const bj = b.privateKey.export({ format: 'jwk' });
  const signPublic = sj.x ?? '';
  return {
    id: memberIdOf(signPublic),
    sign: signPublic,
    box: bj.x ?? '',
    signPrivate: sj.d ?? '',
    boxPrivate: bj.d ?? '',
  };
}

export const publicPart = (i: PublicIdentity): PublicIdentity => ({ id: i.id, sign: i.sign, box: i.box });

const okp = (crv: 'Ed25519' | 'X25519', x: string, d?: string): KeyObject =>
  d === undefined
    ? createPublicKey({ key: { kty: 'OKP', crv, x }, format: 'jwk' })
    : createPrivateKey({ key: { kty: 'OKP', crv, x, d }, format: 'jwk' });

export const signPrivateKey = (i: PrivateIdentity) => okp('Ed25519', i.sign, i.signPrivate);
export const boxPrivateKey = (i: PrivateIdentity) => okp('X25519', i.box, i.boxPrivate);
export const boxPublicKey = (box: string) => okp('X25519', box);

export function signBytes(i: PrivateIdentity, data: Uint8Array): Buffer {
  return sign(null, data, signPrivateKey(i));
}

/** False for any malformed key or signature as well as a wrong one: the caller refuses either way. */
export function verifyBytes(signPublic: string, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    if (signature.length !== 64) return false;
    return verify(null, data, okp('Ed25519', signPublic), signature);
  } catch {
    return false;
  }
}

/** Checks that an identity read from anywhere is well formed and its id matches its key. */
export function isValidPublicIdentity(i: PublicIdentity): boolean {
  try {
    if (memberIdOf(i.sign) !== i.id) return false;
    okp('Ed25519', i.sign);
    boxPublicKey(i.box);
    return Buffer.from(i.sign, 'base64url').length === 32 && Buffer.from(i.box, 'base64url').length === 32;
  } catch {
    return false;
  }
}
