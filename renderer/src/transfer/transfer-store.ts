// The import/export area's data module: the calls that take the vault's accounts to other password
// managers. Screens call these actions; only this module talks to the bridge for the area.
import { create } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../shared/contract/methods.ts';
import { bridge } from '../stores/session-store.ts';

interface TransferState {
  exportKdbx(req: RequestOf<'transfer.exportKdbx'>): Promise<ResponseOf<'transfer.exportKdbx'>>;
  exportBitwarden(
    req: RequestOf<'transfer.exportBitwarden'>,
  ): Promise<ResponseOf<'transfer.exportBitwarden'>>;
}

export const useTransfer = create<TransferState>(() => ({
  exportKdbx: (req) => bridge().invoke('transfer.exportKdbx', req),
  exportBitwarden: (req) => bridge().invoke('transfer.exportBitwarden', req),
}));
