// Uploading this machine's queued changes as one segment. The segment is built once and kept on disk
// before the first byte goes out, so an upload cut off half-way is retried with the very same bytes (same
// sequence number, same hash: readers never see two versions of one segment). Only after the server has
// taken it are the changes dropped from the outbox, by their outbox numbers, which makes a crash at any
// point safe to repeat.
import { actionOf, mayDo } from '../../../shared/domain/sync/authorisation.ts';
import { latestKeys } from './crypto/scope-keys.ts';
import { addReport, type EngineContext, myGrant, putOwn } from './engine-context.ts';
import { encodeSegment, segmentHash } from './segment.ts';
import { report } from './sync-reports.ts';
import { segmentName } from './targets/target.ts';

/** At most this many changes per segment (a first upload of a big vault is a few segments, not one huge PUT). */
export const SEGMENT_MAX_CHANGES = 20_000;

/** Finishes a segment the server already has (the state says so) after a crash before the cleanup. */
function settle(ctx: EngineContext): void {
  const pending = ctx.store.loadPending();
  if (pending && pending.seq <= ctx.state.mySeq) {
    ctx.store.dropOutboxThrough(Math.max(pending.lastO, ctx.state.uploadedO));
    ctx.store.clearPending();
  }
}

/** Uploads queued changes; returns how many segments went up. Throws a TargetError when the target fails. */
export async function push(ctx: EngineContext): Promise<number> {
  const { state, store } = ctx;
  const grant = myGrant(ctx);
  if (!state.team || !grant) return 0;
  settle(ctx);
  let uploaded = 0;
  for (;;) {
    let pending = store.loadPending();
    if (!pending) {
      const { entries } = store.readOutbox();
      if (entries.length === 0) return uploaded;
      const keys = latestKeys(state.keys);
      const batch = entries.slice(0, SEGMENT_MAX_CHANGES);
      // A change to a scope this member may no longer write (a grant taken away) cannot be sent; it is
      // reported rather than left to block everything queued behind it.
      const sendable = batch.filter(
        (e) => mayDo(grant, e.change, actionOf(e.change.set, true)) && keys.has(e.change.scope),
      );
      if (sendable.length < batch.length)
        addReport(ctx, report('not-entitled', ctx.now(), state.me.id.slice(0, 8), 'outbox'));
      const lastO = batch[batch.length - 1]?.o ?? 0;
      if (sendable.length === 0) {
        store.dropOutboxThrough(lastO);
        continue;
      }
      const seq = state.mySeq + 1;
      const bytes = encodeSegment({
        team: state.team,
        author: state.me,
        seq,
        prev: state.myHead,
        changes: sendable.map((e) => e.change),
        keys,
      });
      pending = { seq, lastO, bytes };
      store.saveJournal(seq, bytes);
      store.savePending(pending);
    }
    await putOwn(ctx, segmentName(state.me.id, pending.seq), pending.bytes);
    state.mySeq = pending.seq;
    state.myHead = segmentHash(pending.bytes);
    state.uploadedO = Math.max(state.uploadedO, pending.lastO);
    store.saveState(state);
    settle(ctx);
    uploaded++;
  }
}
