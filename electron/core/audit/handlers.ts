// Contract handlers for the audit log and for what the storage layer recovered or refused at start.
import type { RecoveryEvent } from '../../../shared/contract/types.ts';
import type { Handlers } from '../dispatch.ts';
import type { AuditLog } from './audit-log.ts';

type Methods = Extract<keyof Handlers, `audit.${string}` | 'storage.getRecoveryReport'>;

export function auditHandlers(
  audit: AuditLog,
  recoveryReport: readonly RecoveryEvent[],
): Pick<Handlers, Methods> {
  return {
    'audit.list': (r) => audit.list(r.offset, r.limit),
    'audit.verify': () => audit.verify(),
    'storage.getRecoveryReport': () => [...recoveryReport],
  };
}
