// Contract handlers for account-recovery drafts and lockout countdowns: thin, each a call into the service.
import type { Handlers } from '../dispatch.ts';
import type { RecoveryService } from './recovery-service.ts';

type Methods = Extract<keyof Handlers, `recovery.${string}`>;

export function recoveryHandlers(recovery: RecoveryService): Pick<Handlers, Methods> {
  return {
    'recovery.list': () => recovery.list(),
    'recovery.get': (r) => recovery.get(r.id),
    'recovery.create': (r) => recovery.create(r.kind, r.shopId),
    'recovery.update': (r) => recovery.update(r.id, r.fields as Record<string, string>, r.checks),
    'recovery.setState': (r) => recovery.setState(r.id, r.state, r.date),
    'recovery.delete': (r) => recovery.remove(r.id),
    'recovery.addAttachment': (r) =>
      recovery.addAttachment(r.id, r.fileName, Buffer.from(r.contentBase64, 'base64')),
    'recovery.removeAttachment': (r) => recovery.removeAttachment(r.id, r.attachmentId),
    'recovery.exportEml': (r) => recovery.exportEml(r.id),
    'recovery.copy': (r) => recovery.copy(r.id, r.format),
    'recovery.lockouts': () => recovery.lockouts(),
    'recovery.startLockout': (r) => recovery.startLockout(r.problemId),
    'recovery.cancelLockout': (r) => recovery.cancelLockout(r.id),
  };
}
