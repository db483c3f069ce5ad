// The import/export area's data module: the calls that bring accounts in from other tools and take them
// out again. Screens call these actions; only this module talks to the bridge for the area.
import { create } from 'zustand';
import { AppError } from '../../../shared/contract/errors.ts';
import type { RequestOf, ResponseOf } from '../../../shared/contract/methods.ts';
import type { ColumnMapping } from '../../../shared/domain/transfer/table-mapping.ts';
import { fileToBase64 } from '../lib/download.ts';
import { transferApi } from './transfer-api.ts';

/** What one call carries (the core refuses more too; checked here so a huge file is never read). */
export const IMPORT_MAX_BYTES = 6 * 1024 * 1024;

interface TransferState {
  exportKdbx(req: RequestOf<'transfer.exportKdbx'>): Promise<ResponseOf<'transfer.exportKdbx'>>;
  exportBitwarden(
    req: RequestOf<'transfer.exportBitwarden'>,
  ): Promise<ResponseOf<'transfer.exportBitwarden'>>;
  readImport(file: File, password?: string): Promise<ResponseOf<'transfer.readImport'>>;
  remapImport(token: string, mapping: ColumnMapping): Promise<ResponseOf<'transfer.previewImport'>>;
  commitImport(token: string, skipInvalid: boolean): Promise<ResponseOf<'transfer.commitImport'>>;
  discardImport(token: string): Promise<void>;
  importTemplate(): Promise<ResponseOf<'transfer.importTemplate'>>;
}

export const useTransfer = create<TransferState>(() => ({
  exportKdbx: (req) => transferApi.exportKdbx(req),
  exportBitwarden: (req) => transferApi.exportBitwarden(req),
  async readImport(file, password) {
    if (file.size > IMPORT_MAX_BYTES) throw new AppError('IMPORT_FILE_TOO_LARGE');
    return transferApi.readImport({
      fileName: file.name.slice(0, 255) || 'file',
      contentBase64: await fileToBase64(file),
      ...(password === undefined ? {} : { password }),
    });
  },
  remapImport: (token, mapping) => transferApi.previewImport({ token, mapping }),
  commitImport: (token, skipInvalid) => transferApi.commitImport({ token, skipInvalid }),
  async discardImport(token) {
    await transferApi.discardImport({ token });
  },
  importTemplate: () => transferApi.importTemplate({}),
}));
