// The master password never encrypts data directly: scrypt turns it into a key-encryption key that wraps
// a random data key. Changing the password re-wraps that one key instead of re-encrypting every record.
import { randomBytes, scrypt as scryptCb } from 'node:crypto';
import { performance } from 'node:perf_hooks';

export interface ScryptParams {
  algo: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
}

export type KdfCost = Pick<ScryptParams, 'N' | 'r' | 'p'>;

const KEY_BYTES = 32;
export const MIN_LOG2_N = 14;
export const MAX_LOG2_N = 20;

function maxmemFor({ N, r, p }: KdfCost): number {
  // scrypt needs about 128 * N * r * p bytes; leave headroom so node doesn't refuse the call.
  return 128 * N * r * (p + 1) + 32 * 1024 * 1024;
}

export function deriveKey(password: string, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(
      password.normalize('NFKC'),
      Buffer.from(params.salt, 'base64'),
      KEY_BYTES,
      { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export function newParams(cost: KdfCost): ScryptParams {
  return { algo: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

/**
 * Pick N so one derivation takes about `targetMs` on this machine: slow enough to make guessing costly,
 * fast enough that unlocking feels immediate. `measure` is injectable so the choice itself can be tested.
 */
export async function calibrate(
  targetMs = 500,
  measure: (cost: KdfCost) => Promise<number> = timeOnce,
): Promise<KdfCost> {
  const probe: KdfCost = { N: 2 ** 15, r: 8, p: 1 };
  const ms = Math.max(await measure(probe), 0.001);
  const log2 = Math.round(15 + Math.log2(targetMs / ms));
  const clamped = Math.min(MAX_LOG2_N, Math.max(MIN_LOG2_N, log2));
  return { N: 2 ** clamped, r: 8, p: 1 };
}

async function timeOnce(cost: KdfCost): Promise<number> {
  const start = performance.now();
  await deriveKey('calibration', newParams(cost));
  return performance.now() - start;
}
