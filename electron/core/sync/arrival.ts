// The checks every change passes where it arrives from another member (a segment or a snapshot), before it
// touches anything here: the stamp is the author's own, the author's grant at that change allows that
// record kind in that scope (the one table in shared/domain/sync/authorisation.ts), and the record is not
// one that lives in another scope. A refusal is reported in words (who, what, which file) and skips only
// that change: the author's other changes are still applied.
import {
  actionOf,
  grantsEver,
  type RecordAction,
  refusal,
  refusalWords,
} from '../../../shared/domain/sync/authorisation.ts';
import type { FieldCell, RecordChange, RecordKey, SyncRecord } from '../../../shared/domain/sync/records.ts';
import { recordKey } from '../../../shared/domain/sync/records.ts';
import type { MemberGrant } from '../../../shared/domain/sync/scopes.ts';
import { addReport, displayName, type EngineContext, memberOf } from './engine-context.ts';
import { report } from './sync-reports.ts';

const homeKey = (kind: string, id: string) => `${kind}\u0000${id}`;

/** The scope each record (by kind and id) lives in on this machine, built once and kept as records arrive. */
function homes(ctx: EngineContext): Map<string, string> {
  if (!ctx.homes) {
    ctx.homes = new Map();
    for (const r of Object.values(ctx.state.records)) ctx.homes.set(homeKey(r.kind, r.id), r.scope);
  }
  return ctx.homes;
}

/** Another scope this record already lives in, if any (a record belongs to one scope for life). */
export function otherHome(ctx: EngineContext, key: RecordKey): string | null {
  const home = homes(ctx).get(homeKey(key.kind, key.id));
  return home !== undefined && home !== key.scope ? home : null;
}

/** Keeps the index in step with a record just stored. */
export function noteHome(ctx: EngineContext, key: RecordKey): void {
  if (ctx.homes && !ctx.homes.has(homeKey(key.kind, key.id)))
    ctx.homes.set(homeKey(key.kind, key.id), key.scope);
}

const exists = (ctx: EngineContext, key: RecordKey) => ctx.state.records[recordKey(key)] !== undefined;

/** What a change does here (create, change or delete). */
export const actionHere = (ctx: EngineContext, change: RecordChange): RecordAction =>
  actionOf(change.set, exists(ctx, change));

/**
 * Whether a change from `author`, written under `grant`, may be applied here; reports the refusal when not.
 * `file` is the remote file it came in.
 */
export function admitChange(
  ctx: EngineContext,
  author: string,
  grant: MemberGrant,
  change: RecordChange,
  file: string,
): boolean {
  const who = displayName(ctx, author);
  if (change.h.n !== author) {
    addReport(ctx, report('forged-stamp', ctx.now(), who, file));
    return false;
  }
  const action = actionHere(ctx, change);
  const why = refusal(grant, change, action);
  if (why) {
    addReport(
      ctx,
      report('not-entitled', ctx.now(), who, file, refusalWords(grant.role, change, action, why)),
    );
    return false;
  }
  const home = otherHome(ctx, change);
  if (home) {
    addReport(ctx, report('id-reused', ctx.now(), who, file, { zh: change.id, en: change.id }));
    return false;
  }
  return true;
}

/**
 * The cells of a snapshot record that may be merged here: each was written by a member (current or removed)
 * whom some grant they held allowed that write. The snapshot's writer is trusted no further than that: a
 * cell of a lead's in a template is refused even in an owner's snapshot. Returns null when nothing is left.
 */
export function admitSnapshotRecord(ctx: EngineContext, record: SyncRecord, file: string): SyncRecord | null {
  if (otherHome(ctx, record)) {
    addReport(ctx, report('id-reused', ctx.now(), file, file, { zh: record.id, en: record.id }));
    return null;
  }
  const fields: Record<string, FieldCell> = {};
  for (const [name, cell] of Object.entries(record.fields)) {
    const author = memberOf(ctx, cell.h.n) ?? ctx.state.teamBody?.removed.find((r) => r.id === cell.h.n);
    const action = actionOf({ [name]: cell }, true);
    const ok = author && grantsEver(author).some((g) => refusal(g, record, action) === null);
    if (ok) fields[name] = cell;
    else
      addReport(
        ctx,
        report('not-entitled', ctx.now(), displayName(ctx, cell.h.n), file, {
          zh: `${record.kind} ${record.id}`,
          en: `${record.kind} ${record.id}`,
        }),
      );
  }
  return Object.keys(fields).length ? { ...record, fields } : null;
}
