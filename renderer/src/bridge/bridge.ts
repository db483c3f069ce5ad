// The renderer reaches the core only through a Bridge. In Electron it is the preload's object; in a plain
// browser it is HTTP to the preview host. Both speak the same contract and rebuild errors as AppError.
import type { InventoryChanges } from '../../../shared/contract/changes.ts';
import { AppError, type WireResult } from '../../../shared/contract/errors.ts';
import type { EventName, EventPayload } from '../../../shared/contract/events.ts';
import type { MethodName, RequestOf, ResponseOf } from '../../../shared/contract/methods.ts';

export interface Bridge {
  readonly transport: 'electron' | 'http';
  invoke<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

let changeSink: ((changes: InventoryChanges) => void) | null = null;

/** Where the inventory changes carried by replies (and the host's `inventory.changed` events) go. */
export function onInventoryChanges(sink: (changes: InventoryChanges) => void): void {
  changeSink = sink;
}

export function deliverChanges(changes: InventoryChanges): void {
  changeSink?.(changes);
}

export function unwrap<T>(result: WireResult<T>): T {
  if (result && typeof result === 'object' && 'ok' in result) {
    // Patched before the caller resumes, so whatever it shows next already holds the change.
    if (result.changes) deliverChanges(result.changes);
    if (result.ok) return result.value;
    throw AppError.fromWire(result.error);
  }
  throw new AppError('INTERNAL', { message: 'malformed response' });
}
