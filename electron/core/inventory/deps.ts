import type { AuditLog } from '../audit/audit-log.ts';
import type { Sealer } from '../kernel/sealer.ts';
import type { Clock } from '../ports.ts';
import type { InventoryStore } from './inventory-store.ts';

/** What every inventory service needs; passed as one object so the services stay small. */
export interface InventoryDeps {
  store: InventoryStore;
  sealer: Sealer;
  audit: AuditLog;
  clock: Clock;
  /** Uniform integer in [0, n) from a cryptographic source. */
  randomInt: (n: number) => number;
}

export const nowIso = (clock: Clock) => new Date(clock.now()).toISOString();
