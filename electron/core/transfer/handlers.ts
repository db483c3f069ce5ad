// Contract handlers for data in and out: thin, each a call into a service.
import type { Handlers } from '../dispatch.ts';
import type { ImportService } from './import/import-service.ts';
import { importTemplate } from './import/import-template.ts';
import type { TransferService } from './transfer-service.ts';

type Methods = Extract<keyof Handlers, `transfer.${string}`>;

export function transferHandlers(
  transfer: TransferService,
  imports: ImportService,
  /** The one safety-backup path (backup-service.ts): its file, or null on a first run. */
  safetyBackup: (reason: 'before-import') => string | null,
): Pick<Handlers, Methods> {
  return {
    'transfer.exportKdbx': (r) => transfer.exportKdbx(r),
    'transfer.exportBitwarden': (r) => transfer.exportBitwarden(r),
    'transfer.readImport': (r) => imports.read(Buffer.from(r.contentBase64, 'base64'), r.password),
    'transfer.previewImport': (r) => imports.preview(r.token, r.mapping),
    'transfer.commitImport': (r) =>
      imports.commit(r.token, r.skipInvalid, () => safetyBackup('before-import')),
    'transfer.importTemplate': () => importTemplate(),
    'transfer.discardImport': (r) => {
      imports.discard(r.token);
      return null;
    },
  };
}
