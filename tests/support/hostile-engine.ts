// A member's sync engine, as an app someone modified would use it: writing records straight into the sync
// past every form. The team service keeps its engine private; only hostile-member tests reach it.
import type { Core } from '../../electron/core/create-core.ts';
import type { SyncEngine } from '../../electron/core/sync/sync-engine.ts';

export const engineOf = (core: Core) =>
  (core.team as unknown as { open: { engine: SyncEngine } }).open.engine;
