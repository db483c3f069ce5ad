// Events main pushes to the renderer (area.pastTense). Same rule as methods: declared once, looped over.
import type { InventoryChanges } from './changes.ts';
import type { TeamStatus } from './team-types.ts';
import type { LockReason, RecoveryEvent, Settings } from './types.ts';

const payload = <T>() => undefined as unknown as T;

export const events = {
  'vault.locked': payload<{ reason: LockReason }>(),
  'vault.unlocked': payload<Record<string, never>>(),
  'settings.changed': payload<Settings>(),
  'storage.recovered': payload<{ events: RecoveryEvent[] }>(),
  'clipboard.cleared': payload<Record<string, never>>(),
  'agents.progressed': payload<{ batchId: string; done: number; total: number }>(),
  'registration.progressed': payload<{
    sessionId: string;
    subAccountId: string;
    registered: number;
    total: number;
  }>(),
  'registration.closed': payload<{
    sessionId: string;
    reason: 'closed' | 'expired' | 'locked' | 'replaced';
    registered: number;
    total: number;
  }>(),
  /** Inventory changes made outside a call (a call carries its own in its reply). */
  'inventory.changed': payload<InventoryChanges>(),
  'reminders.changed': payload<Record<string, never>>(),
  /** The sync state changed (a sync ran, a change is waiting, an error, a member joined). */
  'team.changed': payload<TeamStatus>(),
  'recovery.lockoutEnded': payload<{ id: string; problemId: string }>(),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = Events[E];

export const eventNames = Object.keys(events) as EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
