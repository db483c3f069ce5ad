// The vault owns the data key. It exists in memory only while unlocked; lock() overwrites and drops it.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors.ts';
import type { LockReason, VaultState } from '../../../shared/contract/types.ts';
import { MASTER_PASSWORD_MIN_LENGTH } from '../../../shared/domain/password-strength.ts';
import { AuthenticationError, open, openBytes, seal } from '../crypto/aead.ts';
import { normalizeCrockford, toCrockford } from '../crypto/base32.ts';
import { deriveKey, type KdfCost, newParams, type ScryptParams } from '../crypto/kdf.ts';
import type { Clock, KeyProtector } from '../ports.ts';
import type { DocumentStore } from '../storage/document-store.ts';
import { throttleDelayMs, throttledUntil } from './throttle.ts';
import type { VaultDoc } from './vault-schema.ts';

const KEY_AAD = 'shopwarden/data-key/v1';
const KIT_AAD = 'shopwarden/recovery-kit/v1';
/** 160 random bits as 32 Crockford base32 characters in groups of four: XXXX-XXXX-... */
export function newRecoveryKey(): string {
  return toCrockford(randomBytes(20)).match(/.{4}/g)!.join('-');
}

/** What the user typed, as the key: case, spaces and dashes ignored; look-alikes read as Crockford does. */
export const normalizeRecoveryKey = normalizeCrockford;

/** How the data key is wrapped in vault.json, as a backup copies it: it opens with that password or kit. */
export interface KeySlots {
  master: { kdf: ScryptParams; wrappedKey: string };
  kit: { kdf: ScryptParams; wrappedKey: string; createdAt: string } | null;
}

/**
 * Opens a copied slot with what the user typed: the master password of that time, or the recovery key.
 * One key derivation. Null when it does not open (a wrong password or key).
 */
export async function openKeySlot(
  slots: KeySlots,
  kind: 'master' | 'kit',
  secret: string,
): Promise<Buffer | null> {
  const slot = kind === 'master' ? slots.master : slots.kit;
  if (!slot) return null;
  const kek = await deriveKey(kind === 'kit' ? normalizeRecoveryKey(secret) : secret, slot.kdf);
  try {
    const key = openBytes(kek, slot.wrappedKey, kind === 'kit' ? KIT_AAD : KEY_AAD);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

export interface VaultOptions {
  doc: DocumentStore<VaultDoc>;
  clock: Clock;
  protector: KeyProtector;
  /** How expensive scrypt is; calibrated on first setup unless given (tests give a cheap one). */
  kdfCost: () => Promise<KdfCost>;
}

export class Vault {
  private key: Buffer | null = null;
  private deviceUnlockUsed = false;
  lockReason: LockReason | null = 'start';

  constructor(private readonly opts: VaultOptions) {}

  get state(): VaultState {
    if (!this.opts.doc.exists) return 'uninitialized';
    return this.key ? 'unlocked' : 'locked';
  }

  get isUnlocked(): boolean {
    return this.key !== null;
  }

  /** The data key, for the services that seal and open secret fields. */
  dataKey(): Buffer {
    if (!this.key) throw new AppError('VAULT_LOCKED');
    return this.key;
  }

  /** Milliseconds until another unlock attempt is allowed, or null when it is allowed now. */
  retryAfterMs(): number | null {
    const doc = this.opts.doc.peek();
    if (!doc) return null;
    const until = throttledUntil(doc.failedAttempts, doc.lastFailedAt);
    // Never longer than the policy's delay, even if the system clock was set back since the failure.
    const left =
      until === null ? 0 : Math.min(until - this.opts.clock.now(), throttleDelayMs(doc.failedAttempts));
    return left > 0 ? left : null;
  }

  deviceUnlockAvailable(): boolean {
    const doc = this.opts.doc.peek();
    return (
      !!doc?.deviceKey &&
      !this.deviceUnlockUsed &&
      !this.key &&
      this.lockReason === 'start' &&
      this.rememberSupported()
    );
  }

  rememberSupported(): boolean {
    return this.opts.protector.unavailableReason() === null;
  }

  isRemembered(): boolean {
    return !!this.opts.doc.peek()?.deviceKey;
  }

  async setup(password: string, confirm: string, rememberOnDevice: boolean): Promise<void> {
    if (this.opts.doc.exists) throw new AppError('VAULT_ALREADY_INITIALIZED');
    checkNewPassword(password, confirm);
    if (rememberOnDevice && !this.rememberSupported()) throw new AppError('DEVICE_PROTECTION_UNAVAILABLE');
    const params = newParams(await this.opts.kdfCost());
    const kek = await deriveKey(password, params);
    const key = randomBytes(32);
    const first: VaultDoc = {
      version: 1,
      kdf: params,
      wrappedKey: seal(kek, key, KEY_AAD),
      deviceKey: rememberOnDevice ? this.protect(key) : null,
      createdAt: new Date(this.opts.clock.now()).toISOString(),
      failedAttempts: 0,
      lastFailedAt: null,
    };
    // Written twice: this file is the one whose loss loses everything, so it has a good generation to
    // fall back on from its very first write (a damaged first and only version could not be recovered).
    this.opts.doc.set(first);
    this.opts.doc.set(first);
    kek.fill(0);
    this.key = key;
    this.lockReason = null;
  }

  /**
   * One attempt at a time, each counted on disk before the KDF runs: parallel calls (over IPC or HTTP)
   * queue behind each other and each sees the delay the ones before it earned, and killing the process
   * mid-KDF cannot erase a wrong guess. A right password resets the count.
   */
  unlock(password: string): Promise<void> {
    const attempt = this.attempts.then(() => this.unlockOnce(password));
    this.attempts = attempt.catch(() => {});
    return attempt;
  }

  private attempts: Promise<void> = Promise.resolve();

  private async unlockOnce(password: string): Promise<void> {
    const doc = this.requireDoc();
    if (this.key) return;
    const wait = this.retryAfterMs();
    if (wait !== null) throw new AppError('THROTTLED', { details: { retryAfterMs: wait } });
    const failedAttempts = doc.failedAttempts + 1;
    const counted = { ...doc, failedAttempts, lastFailedAt: this.opts.clock.now() };
    this.opts.doc.set(counted);
    const kek = await deriveKey(password, doc.kdf);
    try {
      this.key = openBytes(kek, doc.wrappedKey, KEY_AAD);
    } catch (err) {
      if (!(err instanceof AuthenticationError)) throw err;
      this.key = this.unwrapFromGeneration(kek);
    } finally {
      kek.fill(0);
    }
    if (!this.key) {
      const wait = this.retryAfterMs();
      throw new AppError('WRONG_PASSWORD', {
        fields: { password: 'wrong_password' },
        details: { failedAttempts, ...(wait !== null ? { retryAfterMs: wait } : {}) },
      });
    }
    this.lockReason = null;
    const current = this.opts.doc.peek() ?? counted;
    this.opts.doc.set({ ...current, failedAttempts: 0, lastFailedAt: null });
  }

  /**
   * The wrapped key failed to open. Usually a wrong password; but if a kept generation with the same KDF
   * salt opens with this very password, the current file's wrapped key is what is damaged (its envelope
   * checksum was fine, so only GCM could tell): that generation is restored and reported like any other
   * damaged file, instead of locking the owner out for good.
   */
  private unwrapFromGeneration(kek: Buffer): Buffer | null {
    const doc = this.opts.doc.peek();
    if (!doc) return null;
    const salt = doc.kdf.salt;
    let key: Buffer | null = null;
    try {
      this.opts.doc.recheck((d) => {
        if (d.kdf.salt !== salt) throw new AuthenticationError();
        key = openBytes(kek, d.wrappedKey, KEY_AAD);
      });
    } catch (err) {
      // No generation opens either: it was the wrong password after all, and nothing was changed.
      if (!(err instanceof AppError) || err.code !== 'STORAGE_UNRECOVERABLE') throw err;
      return null;
    }
    return key;
  }

  unlockWithDevice(): void {
    const doc = this.requireDoc();
    if (!this.deviceUnlockAvailable() || !doc.deviceKey) throw new AppError('DEVICE_UNLOCK_UNAVAILABLE');
    this.deviceUnlockUsed = true;
    try {
      this.key = this.opts.protector.unprotect(Buffer.from(doc.deviceKey, 'base64'));
    } catch {
      throw new AppError('DEVICE_UNLOCK_UNAVAILABLE');
    }
    if (this.key.length !== 32) {
      this.key = null;
      throw new AppError('DEVICE_UNLOCK_UNAVAILABLE');
    }
    this.lockReason = null;
  }

  lock(reason: LockReason): boolean {
    if (!this.key) return false;
    // Overwrite before dropping so the key does not linger in a freed buffer.
    this.key.fill(0);
    this.key = null;
    this.lockReason = reason;
    return true;
  }

  async changePassword(current: string, next: string, confirm: string): Promise<void> {
    const doc = this.requireDoc();
    const key = this.dataKey();
    const fields: Record<string, 'password_mismatch' | 'password_too_short' | 'password_unchanged'> = {};
    if (Array.from(next).length < MASTER_PASSWORD_MIN_LENGTH) fields.next = 'password_too_short';
    if (next !== confirm) fields.confirm = 'password_mismatch';
    if (next === current) fields.next = 'password_unchanged';
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
    const currentKek = await deriveKey(current, doc.kdf);
    try {
      openBytes(currentKek, doc.wrappedKey, KEY_AAD);
    } catch {
      throw new AppError('WRONG_PASSWORD', { fields: { current: 'wrong_password' } });
    } finally {
      currentKek.fill(0);
    }
    // Only the wrapping changes: a new salt and KEK for the same data key, so no record is rewritten.
    const params = newParams({ N: doc.kdf.N, r: doc.kdf.r, p: doc.kdf.p });
    const kek = await deriveKey(next, params);
    this.opts.doc.set({
      ...doc,
      kdf: params,
      wrappedKey: seal(kek, key, KEY_AAD),
      failedAttempts: 0,
      lastFailedAt: null,
    });
    kek.fill(0);
  }

  /**
   * 应急恢复包: a new random recovery key (160 bits, shown once) that wraps the same data key, replacing any
   * earlier one. Needs the master password again and an unlocked vault.
   */
  async createRecoveryKit(masterPassword: string): Promise<{ key: string; createdAt: string }> {
    const key = this.dataKey();
    if (!(await this.verifyPassword(masterPassword)))
      throw new AppError('WRONG_PASSWORD', { fields: { masterPassword: 'wrong_password' } });
    const recoveryKey = newRecoveryKey();
    const params = newParams(this.kdfCost());
    const kek = await deriveKey(normalizeRecoveryKey(recoveryKey), params);
    const createdAt = new Date(this.opts.clock.now()).toISOString();
    const doc = this.requireDoc();
    this.opts.doc.set({
      ...doc,
      recoveryKit: { kdf: params, wrappedKey: seal(kek, key, KIT_AAD), createdAt },
    });
    kek.fill(0);
    return { key: recoveryKey, createdAt };
  }

  recoveryKit(): { exists: boolean; createdAt: string | null } {
    const kit = this.opts.doc.peek()?.recoveryKit ?? null;
    return { exists: !!kit, createdAt: kit?.createdAt ?? null };
  }

  /**
   * Unlocks with the recovery key, which forces a new master password at the same time: whoever had to
   * use the sheet has lost (or lost trust in) the old one. Counted and throttled like any attempt.
   */
  unlockWithRecoveryKey(
    recoveryKey: string,
    next: string,
    confirm: string,
    /** Runs with the data key after the kit opened and before the new password replaces the old (may throw). */
    beforeReset?: (dataKey: Buffer) => void,
  ): Promise<void> {
    const attempt = this.attempts.then(async () => {
      const doc = this.requireDoc();
      checkNewPassword(next, confirm);
      const wait = this.retryAfterMs();
      if (wait !== null) throw new AppError('THROTTLED', { details: { retryAfterMs: wait } });
      const kit = doc.recoveryKit;
      const counted = { ...doc, failedAttempts: doc.failedAttempts + 1, lastFailedAt: this.opts.clock.now() };
      this.opts.doc.set(counted);
      if (!kit) throw new AppError('RECOVERY_KEY_WRONG');
      const kek = await deriveKey(normalizeRecoveryKey(recoveryKey), kit.kdf);
      let key: Buffer;
      try {
        key = openBytes(kek, kit.wrappedKey, KIT_AAD);
      } catch {
        throw new AppError('RECOVERY_KEY_WRONG', { details: { failedAttempts: counted.failedAttempts } });
      } finally {
        kek.fill(0);
      }
      try {
        beforeReset?.(key);
      } catch (err) {
        // Nothing is reset; the attempt was a right key, so it is not counted against the user.
        this.opts.doc.set({ ...counted, failedAttempts: doc.failedAttempts, lastFailedAt: doc.lastFailedAt });
        key.fill(0);
        throw err;
      }
      const params = newParams(this.kdfCost());
      const newKek = await deriveKey(next, params);
      this.opts.doc.set({
        ...counted,
        kdf: params,
        wrappedKey: seal(newKek, key, KEY_AAD),
        // The device copy was made under the old password's regime; the owner turns it on again if wanted.
        deviceKey: null,
        failedAttempts: 0,
        lastFailedAt: null,
      });
      newKek.fill(0);
      this.key = key;
      this.lockReason = null;
    });
    this.attempts = attempt.catch(() => {});
    return attempt;
  }

  /** The data key's wrappings as they are on disk now (readable while locked: they hold no secret). */
  keySlots(): KeySlots | null {
    const doc = this.opts.doc.peek();
    if (!doc) return null;
    const kit = doc.recoveryKit ?? null;
    return {
      master: { kdf: doc.kdf, wrappedKey: doc.wrappedKey },
      kit: kit ? { kdf: kit.kdf, wrappedKey: kit.wrappedKey, createdAt: kit.createdAt } : null,
    };
  }

  /** The scrypt cost this vault was calibrated to, for other keys derived from passwords (backups). */
  kdfCost(): KdfCost {
    const { N, r, p } = this.requireDoc().kdf;
    return { N, r, p };
  }

  /** Re-checks the master password without changing any state (e.g. before exporting secrets). */
  async verifyPassword(password: string): Promise<boolean> {
    const doc = this.requireDoc();
    const kek = await deriveKey(password, doc.kdf);
    try {
      openBytes(kek, doc.wrappedKey, KEY_AAD);
      return true;
    } catch {
      return false;
    } finally {
      kek.fill(0);
    }
  }

  setRemember(remember: boolean): void {
    const doc = this.requireDoc();
    const key = this.dataKey();
    if (remember && !this.rememberSupported()) throw new AppError('DEVICE_PROTECTION_UNAVAILABLE');
    this.opts.doc.set({ ...doc, deviceKey: remember ? this.protect(key) : null });
  }

  /** Seal and open with the data key, for the services that hold secret fields. */
  sealWithKey(plaintext: string, aad: string): string {
    return seal(this.dataKey(), plaintext, aad);
  }

  openWithKey(sealed: string, aad: string): string {
    return open(this.dataKey(), sealed, aad);
  }

  private protect(key: Buffer): string {
    return this.opts.protector.protect(key).toString('base64');
  }

  private requireDoc(): VaultDoc {
    const doc = this.opts.doc.peek();
    if (!doc) throw new AppError('VAULT_NOT_INITIALIZED');
    return doc;
  }
}

export function checkNewPassword(password: string, confirm: string): void {
  const fields: Record<string, 'password_mismatch' | 'password_too_short'> = {};
  if (Array.from(password).length < MASTER_PASSWORD_MIN_LENGTH) fields.password = 'password_too_short';
  if (password !== confirm) fields.confirm = 'password_mismatch';
  if (Object.keys(fields).length > 0) {
    throw new AppError(fields.password ? 'PASSWORD_TOO_SHORT' : 'PASSWORD_MISMATCH', { fields });
  }
}
