// Contract handlers for data in and out: thin, each a call into the service.
import type { Handlers } from '../dispatch.ts';
import type { TransferService } from './transfer-service.ts';

type Methods = Extract<keyof Handlers, `transfer.${string}`>;

export function transferHandlers(transfer: TransferService): Pick<Handlers, Methods> {
  return {
    'transfer.exportKdbx': (r) => transfer.exportKdbx(r),
    'transfer.exportBitwarden': (r) => transfer.exportBitwarden(r),
  };
}
