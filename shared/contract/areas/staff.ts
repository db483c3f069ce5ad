import { z } from 'zod';
import type { ExportFile, ImportPreview, PersonView } from '../inventory-types.ts';
import { returns, safeId, text } from '../spec.ts';

const personFields = {
  name: z.string().trim().min(1).max(40),
  phone: z.string().max(32),
  position: text(40),
  notes: text(1000),
};

export const staffMethods = {
  'staff.list': { request: z.strictObject({}), response: returns<PersonView[]>(), whileLocked: false },
  'staff.create': {
    request: z.strictObject({ ...personFields, idNumber: text(32) }),
    response: returns<PersonView>(),
    whileLocked: false,
  },
  'staff.update': {
    request: z.strictObject({
      id: safeId,
      name: personFields.name.optional(),
      phone: personFields.phone.optional(),
      position: personFields.position.optional(),
      notes: personFields.notes.optional(),
    }),
    response: returns<PersonView>(),
    whileLocked: false,
  },
  'staff.setStatus': {
    request: z.strictObject({ id: safeId, status: z.enum(['active', 'left']) }),
    response: returns<{ person: PersonView; unbound: number }>(),
    whileLocked: false,
  },
  'staff.previewImport': {
    // 6 MiB of file, base64-encoded.
    request: z.strictObject({
      fileName: z.string().min(1).max(255),
      contentBase64: z.string().max(8_400_000),
    }),
    response: returns<ImportPreview>(),
    whileLocked: false,
  },
  'staff.commitImport': {
    request: z.strictObject({ token: safeId, skipInvalid: z.boolean() }),
    response: returns<{ imported: number; skipped: number; safetyBackup: string | null }>(),
    whileLocked: false,
  },
  'staff.export': {
    request: z.strictObject({ format: z.enum(['xlsx', 'csv']) }),
    response: returns<ExportFile>(),
    whileLocked: false,
  },
} as const;
