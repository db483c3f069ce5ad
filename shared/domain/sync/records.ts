// Per-record, per-field merge of changes from several members. Each field is a last-writer-wins register
// ordered by its hybrid-clock stamp (author id breaks ties), so the result does not depend on the order in
// which changes arrive: every machine that has seen the same changes holds the same records. A value that
// loses to a concurrent write (its winner had not seen it) is not dropped silently: it goes to the conflict
// list, where the user can look at it and put it back. A delete is the field `_deleted` set to true (a
// tombstone), so a delete and an edit merge like any two fields.
import { compareHlc, type Hlc, hlcEquals } from './hlc.ts';

export const DELETED_FIELD = '_deleted';

export type FieldValue = string | number | boolean | null | readonly string[];

export interface FieldCell {
  readonly v: FieldValue;
  readonly h: Hlc;
  /** The stamp of the value this write replaced on its author's machine (null: the field was new there). */
  readonly b: Hlc | null;
}

export interface RecordKey {
  /** The scope the record lives in (its key decides who can read it). */
  readonly scope: string;
  /** What kind of record ('shop', 'subaccount', 'staff', ...). */
  readonly kind: string;
  readonly id: string;
}

export interface SyncRecord extends RecordKey {
  readonly fields: Readonly<Record<string, FieldCell>>;
}

/** One member's change to one record: every field it sets carries the same stamp. */
export interface RecordChange extends RecordKey {
  readonly h: Hlc;
  readonly set: Readonly<Record<string, { readonly v: FieldValue; readonly b: Hlc | null }>>;
}

export interface Conflict {
  readonly scope: string;
  readonly kind: string;
  readonly id: string;
  readonly field: string;
  /** The value that is now in the record. */
  readonly kept: FieldCell;
  /** The concurrent value that lost. */
  readonly lost: FieldCell;
}

export const recordKey = (r: RecordKey) => `${r.scope}\u0000${r.kind}\u0000${r.id}`;

export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * Bookkeeping fields merge like any other, but two machines writing them at once is not something a person
 * needs to look at (every edit stamps updatedAt; two people adding checklist items at once each write the
 * item order, and both items are kept either way), so they never enter the conflict list.
 */
const QUIET_FIELDS = new Set(['updatedAt', 'itemOrder']);

/** The winner of two writes to a field saw the loser unless it replaced something older than it. */
function concurrent(winner: FieldCell, loser: FieldCell): boolean {
  return winner.b === null || compareHlc(winner.b, loser.h) < 0;
}

/**
 * Applies a change to a record (or creates it). Returns the new record and the conflicts the change made;
 * applying the same change twice changes nothing and reports nothing new.
 */
export function applyChange(
  record: SyncRecord | undefined,
  change: RecordChange,
): { record: SyncRecord; conflicts: Conflict[]; changed: boolean } {
  const fields: Record<string, FieldCell> = { ...(record?.fields ?? {}) };
  const conflicts: Conflict[] = [];
  let changed = false;
  for (const [field, write] of Object.entries(change.set)) {
    const incoming: FieldCell = { v: write.v, h: change.h, b: write.b };
    const current = fields[field];
    if (!current) {
      fields[field] = incoming;
      changed = true;
      continue;
    }
    if (hlcEquals(current.h, incoming.h)) continue;
    const incomingWins = compareHlc(incoming.h, current.h) > 0;
    const [winner, loser] = incomingWins ? [incoming, current] : [current, incoming];
    if (incomingWins) {
      fields[field] = incoming;
      changed = true;
    }
    if (!QUIET_FIELDS.has(field) && !sameValue(winner.v, loser.v) && concurrent(winner, loser)) {
      conflicts.push({
        scope: change.scope,
        kind: change.kind,
        id: change.id,
        field,
        kept: winner,
        lost: loser,
      });
    }
  }
  return { record: { scope: change.scope, kind: change.kind, id: change.id, fields }, conflicts, changed };
}

/**
 * Conflicts still open: one whose field has since been written again (by anyone, after the value that was
 * kept) is settled by that write and drops out of the list.
 */
export function openConflicts<C extends Conflict>(conflicts: readonly C[], record: SyncRecord): C[] {
  return conflicts.filter((c) => {
    if (c.scope !== record.scope || c.kind !== record.kind || c.id !== record.id) return true;
    const cell = record.fields[c.field];
    return !cell || compareHlc(cell.h, c.kept.h) <= 0;
  });
}

export const isDeleted = (r: SyncRecord) => r.fields[DELETED_FIELD]?.v === true;

/** The plain values of a record, as a screen or an export reads them. */
export function valuesOf(r: SyncRecord): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [k, cell] of Object.entries(r.fields)) if (k !== DELETED_FIELD) out[k] = cell.v;
  return out;
}

/** The change a member makes to set `values` on a record it holds as `current`. */
export function changeFor(
  key: RecordKey,
  current: SyncRecord | undefined,
  values: Readonly<Record<string, FieldValue>>,
  h: Hlc,
): RecordChange {
  const set: Record<string, { v: FieldValue; b: Hlc | null }> = {};
  for (const [field, v] of Object.entries(values)) set[field] = { v, b: current?.fields[field]?.h ?? null };
  return { scope: key.scope, kind: key.kind, id: key.id, h, set };
}

/**
 * Merges a whole record (as a snapshot holds it: each field with its own stamp) into the one held here,
 * field by field under the same rules as a change, so a snapshot and the segments it replaced give the same
 * result whatever the order.
 */
export function mergeRecord(
  record: SyncRecord | undefined,
  incoming: SyncRecord,
): { record: SyncRecord; conflicts: Conflict[]; changed: boolean } {
  let current = record;
  const conflicts: Conflict[] = [];
  let changed = false;
  for (const [field, cell] of Object.entries(incoming.fields)) {
    const r = applyChange(current, {
      scope: incoming.scope,
      kind: incoming.kind,
      id: incoming.id,
      h: cell.h,
      set: { [field]: { v: cell.v, b: cell.b } },
    });
    current = r.record;
    conflicts.push(...r.conflicts);
    changed ||= r.changed;
  }
  return {
    record: current ?? { scope: incoming.scope, kind: incoming.kind, id: incoming.id, fields: {} },
    conflicts,
    changed,
  };
}
