// Contract handlers for deposit-refund cases: thin, each a call into the service.
import type { Handlers } from '../dispatch.ts';
import type { DepositService } from './deposit-service.ts';

type Methods = Extract<keyof Handlers, `deposit.${string}`>;

/** How long a revealed bank account number stays on screen. */
const REVEAL_MS = 30_000;

export function depositHandlers(deposits: DepositService): Pick<Handlers, Methods> {
  return {
    'deposit.list': () => deposits.list(),
    'deposit.get': (r) => deposits.get(r.id),
    'deposit.create': (r) => deposits.create(r.shopId, r.amount),
    'deposit.updateItem': ({ id, itemId, ...patch }) => deposits.updateItem(id, itemId, patch),
    'deposit.addItem': (r) => deposits.addItem(r.id, r.section, r.text),
    'deposit.removeItem': (r) => deposits.removeItem(r.id, r.itemId),
    'deposit.setAccount': ({ id, ...input }) => deposits.setAccount(id, input),
    'deposit.revealAccount': (r) => ({ value: deposits.revealAccount(r.id), hideAfterMs: REVEAL_MS }),
    'deposit.act': (r) => deposits.act(r.id, r.action),
    'deposit.addAttachment': (r) =>
      deposits.addAttachment(r.id, r.itemId, r.fileName, Buffer.from(r.contentBase64, 'base64')),
    'deposit.removeAttachment': (r) => deposits.removeAttachment(r.id, r.itemId, r.attachmentId),
    'deposit.openAttachment': (r) => {
      const { name, bytes } = deposits.openAttachment(r.id, r.itemId, r.attachmentId);
      return {
        fileName: name,
        mime: 'application/octet-stream',
        contentBase64: bytes.toString('base64'),
        rowCount: 0,
      };
    },
  };
}
