// Local session: the vault's lock state plus everything that must happen with it (auto-lock timer,
// clipboard take-back, events, audit entries).
import type { LockReason, VaultStatus } from '../../../shared/contract/types.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { EventBus } from '../event-bus.ts';
import type { Clock } from '../ports.ts';
import type { Vault } from '../vault/vault.ts';
import { AutoLock } from './auto-lock.ts';
import type { ClipboardGuard } from './clipboard-guard.ts';

export class SessionService {
  readonly autoLock: AutoLock;
  private readonly afterUnlockHooks: Array<() => void> = [];

  constructor(
    readonly vault: Vault,
    private readonly deps: {
      clock: Clock;
      bus: EventBus;
      audit: AuditLog;
      clipboard: ClipboardGuard;
      idleMinutes: () => number;
      unrecoverable: () => boolean;
    },
  ) {
    this.autoLock = new AutoLock(deps.clock, deps.idleMinutes, () => void this.lock('idle'));
  }

  /** Work that needs the key right after unlocking, e.g. authenticating stored ciphertexts. */
  onUnlocked(hook: () => void): void {
    this.afterUnlockHooks.push(hook);
  }

  status(): VaultStatus {
    return {
      state: this.deps.unrecoverable() ? 'unrecoverable' : this.vault.state,
      deviceUnlockAvailable: this.vault.deviceUnlockAvailable(),
      rememberSupported: this.vault.rememberSupported(),
      retryAfterMs: this.vault.retryAfterMs(),
      lockReason: this.vault.isUnlocked ? null : this.vault.lockReason,
    };
  }

  async setup(password: string, confirm: string, remember: boolean): Promise<VaultStatus> {
    await this.vault.setup(password, confirm, remember);
    this.deps.audit.append({
      action: 'vault.setup',
      object: 'vault',
      summary: remember
        ? '设置主密码，并在本设备记住 / master password set, remembered on this device'
        : '设置主密码 / master password set',
    });
    this.unlocked('password');
    return this.status();
  }

  async unlock(password: string): Promise<VaultStatus> {
    try {
      await this.vault.unlock(password);
    } catch (err) {
      if ((err as { code?: string }).code === 'WRONG_PASSWORD') {
        this.deps.audit.append({
          action: 'vault.unlockFailed',
          object: 'vault',
          summary: '主密码错误 / wrong master password',
        });
      }
      throw err;
    }
    this.unlocked('password');
    return this.status();
  }

  /** 应急恢复包: unlocks with the printed key and sets the new master password in the same step. */
  async unlockWithRecoveryKey(
    recoveryKey: string,
    next: string,
    confirm: string,
    beforeReset?: (dataKey: Buffer) => void,
  ): Promise<VaultStatus> {
    try {
      await this.vault.unlockWithRecoveryKey(recoveryKey, next, confirm, beforeReset);
    } catch (err) {
      if ((err as { code?: string }).code === 'RECOVERY_KEY_WRONG') {
        this.deps.audit.append({
          action: 'vault.recoveryKeyFailed',
          object: 'vault',
          summary: '恢复密钥错误 / wrong recovery key',
        });
      }
      throw err;
    }
    this.deps.audit.append({
      action: 'vault.recoveryKeyUsed',
      object: 'vault',
      summary: '使用应急恢复包解锁并设置了新主密码 / unlocked with the recovery kit; new master password set',
    });
    this.unlocked('recovery-key');
    return this.status();
  }

  unlockWithDevice(): VaultStatus {
    this.vault.unlockWithDevice();
    this.unlocked('device');
    return this.status();
  }

  async lock(reason: LockReason): Promise<VaultStatus> {
    // Drop the key at once; then take back a secret copied before the lock, which must not outlive it.
    const wasUnlocked = this.vault.isUnlocked;
    this.autoLock.stop();
    this.vault.lock(reason);
    if (wasUnlocked) {
      try {
        this.deps.audit.append({
          action: 'vault.locked',
          object: 'vault',
          summary: `锁定 / locked (${reason})`,
        });
      } catch {
        // The key is already gone: a full or failing disk must not stop the lock from completing (events,
        // clipboard), least of all on quit.
      }
      this.deps.bus.emit('vault.locked', { reason });
    }
    await this.deps.clipboard.clearIfOurs();
    return this.status();
  }

  async changePassword(current: string, next: string, confirm: string): Promise<VaultStatus> {
    await this.vault.changePassword(current, next, confirm);
    this.deps.audit.append({
      action: 'vault.passwordChanged',
      object: 'vault',
      summary: '修改主密码 / master password changed',
    });
    return this.status();
  }

  private unlocked(how: 'password' | 'device' | 'recovery-key'): void {
    for (const hook of this.afterUnlockHooks) hook();
    this.deps.audit.append({
      action: 'vault.unlocked',
      object: 'vault',
      summary:
        how === 'device'
          ? '使用本设备解锁 / unlocked with this device'
          : how === 'recovery-key'
            ? '使用恢复密钥解锁 / unlocked with the recovery key'
            : '使用主密码解锁 / unlocked with master password',
    });
    this.autoLock.start();
    this.deps.bus.emit('vault.unlocked', {});
  }
}
