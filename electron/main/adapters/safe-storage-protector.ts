// Remember-on-device uses the OS key store through safeStorage. On Linux a 'basic_text' backend means the
// "encryption" is a hard-coded key, which would be a lie to the user, so it counts as unavailable.
import type { SafeStorage } from 'electron';
import type { KeyProtector } from '../../core/ports.ts';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export function safeStorageProtector(
  safeStorage: SafeStorageLike,
  platform: string = process.platform,
): KeyProtector {
  const unavailableReason = (): string | null => {
    if (!safeStorage.isEncryptionAvailable()) return 'safeStorage encryption is not available';
    if (platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      if (backend === 'basic_text' || backend === 'unknown') return `safeStorage backend is ${backend}`;
    }
    return null;
  };
  return {
    unavailableReason,
    protect(plain) {
      if (unavailableReason()) throw new Error('safeStorage unavailable');
      // safeStorage takes strings; base64 keeps the binary key intact through it.
      return safeStorage.encryptString(plain.toString('base64'));
    },
    unprotect(sealed) {
      if (unavailableReason()) throw new Error('safeStorage unavailable');
      return Buffer.from(safeStorage.decryptString(sealed), 'base64');
    },
  };
}
