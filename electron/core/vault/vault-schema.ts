import { z } from 'zod';

/** scrypt parameters as this app writes them (the master password's, and the recovery key's). */
const scryptParamsSchema = z.strictObject({
  algo: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().min(16).max(64),
});

export const vaultDocSchema = z.strictObject({
  version: z.literal(1),
  kdf: scryptParamsSchema,
  /** The data key sealed by the password-derived key. */
  wrappedKey: z.string().min(10).max(512),
  /** The data key protected by the OS (safeStorage), when the user chose to remember it on this device. */
  deviceKey: z.string().max(4096).nullable(),
  createdAt: z.string(),
  failedAttempts: z.number().int().min(0),
  lastFailedAt: z.number().nullable(),
  /** 应急恢复包: the same data key wrapped by a key from the printed recovery key. */
  recoveryKit: z
    .strictObject({
      kdf: scryptParamsSchema,
      wrappedKey: z.string().min(10).max(512),
      createdAt: z.string().max(40),
    })
    .nullable()
    .optional(),
});

export type VaultDoc = z.infer<typeof vaultDocSchema>;
