// Data in and out (issue #11): exports to the password managers sellers already trust.
import { z } from 'zod';
import type { ExportFile } from '../inventory-types.ts';
import { password, returns, safeId } from '../spec.ts';

export const transferMethods = {
  /** KeePass KDBX 4 (AES-256, Argon2id), readable by KeePassXC and KeePass 2. */
  'transfer.exportKdbx': {
    request: z.strictObject({
      masterPassword: password,
      // null: the file opens with the master password.
      filePassword: z.strictObject({ password, confirm: password }).nullable(),
      shopId: safeId.optional(),
    }),
    response: returns<ExportFile>(),
    whileLocked: false,
  },
  /** Bitwarden's unencrypted .json export format: plaintext, so the screen warns and the user confirms. */
  'transfer.exportBitwarden': {
    request: z.strictObject({
      masterPassword: password,
      plaintextUnderstood: z.literal(true),
      shopId: safeId.optional(),
    }),
    response: returns<ExportFile>(),
    whileLocked: false,
  },
} as const;
