// Data in and out (issue #11): exports to the password managers sellers already trust.
import { z } from 'zod';
import type { ExportFile } from '../inventory-types.ts';
import { password, returns, safeId } from '../spec.ts';
import type { ImportPreview, ImportResult } from '../transfer-types.ts';

const column = z.number().int().min(0).max(500).optional();
const columnMapping = z.strictObject({
  shopName: column,
  platform: column,
  mainLogin: column,
  subAccount: column,
  password: column,
  phone: column,
  email: column,
  template: column,
  staff: column,
  notes: column,
});

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
  /** Reads a chosen file (6 MiB at most) and answers its preview, or that a KeePass database needs its password. */
  'transfer.readImport': {
    request: z.strictObject({
      fileName: z.string().min(1).max(255),
      contentBase64: z.string().max(8_400_000),
      password: password.optional(),
    }),
    response: returns<ImportPreview | { needsPassword: true }>(),
    whileLocked: false,
  },
  /** The same file's preview with the columns mapped differently (sheets). */
  'transfer.previewImport': {
    request: z.strictObject({ token: safeId, mapping: columnMapping }),
    response: returns<ImportPreview>(),
    whileLocked: false,
  },
  /** Writes every row, or only the valid ones; never part of a row set. */
  'transfer.commitImport': {
    request: z.strictObject({ token: safeId, skipInvalid: z.boolean() }),
    response: returns<ImportResult>(),
    whileLocked: false,
  },
  /** The .xlsx template of a seller's sheet (the headers the importer recognises, two example rows). */
  'transfer.importTemplate': {
    request: z.strictObject({}),
    response: returns<ExportFile>(),
    whileLocked: false,
  },
  /** Forgets the file read (and the passwords in it). */
  'transfer.discardImport': {
    request: z.strictObject({ token: safeId }),
    response: returns<null>(),
    whileLocked: false,
  },
} as const;
