import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../ports.ts';
import type { Sealer } from './sealer.ts';

/**
 * What every area's service needs from the core, whatever the area: sealing, the audit trail, the clock and a
 * cryptographic random source. Passed as one object so services stay small; an area adds its own reads on top.
 */
export interface KernelDeps {
  sealer: Sealer;
  audit: AuditLog;
  clock: Clock;
  /** Uniform integer in [0, n) from a cryptographic source. */
  randomInt: (n: number) => number;
}

export const nowIso = (clock: Clock) => new Date(clock.now()).toISOString();
